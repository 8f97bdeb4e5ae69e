import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client as TemporalClient } from '@temporalio/client';
import type { SlaAlerting } from '../aftersales/domain/slaAlerting.js';
import type { Viewer } from '../identity/domain/role.js';
import type { OutboundPolicy } from './outbound/outboundPolicy.js';

/**
 * What every service method receives: who is calling, an ORM session of its own and the
 * Temporal client. The API builds one per request; a script or a job can build one too.
 */
export interface ServiceContext {
  /** A fork of the ORM's EntityManager, private to this unit of work. */
  em: EntityManager;
  temporal: TemporalClient;
  taskQueue: string;
  /** Length of an SOP day handed to new project workflows (a real day unless SOP_DAY_MS says otherwise). */
  sopDayMs: number;
  /** Where the server may send requests; URLs that will be requested are checked against it when they enter. */
  outbound: OutboundPolicy;
  /** When SLA warnings go out for new tickets; DEFAULT_SLA_ALERTING when absent. */
  slaAlerting?: SlaAlerting;
  /** The signed-in user the request acts for (from its bearer token); null when anonymous. */
  viewer: Viewer | null;
}
