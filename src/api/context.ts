import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client as TemporalClient } from '@temporalio/client';
import type { Loaders } from './loaders.js';

/** What every resolver and service receives for one GraphQL request. */
export interface RequestContext {
  /** A fork of the ORM's EntityManager, private to this request. */
  em: EntityManager;
  temporal: TemporalClient;
  taskQueue: string;
  /** Length of an SOP day handed to new project workflows (a real day unless SOP_DAY_MS says otherwise). */
  sopDayMs: number;
  /** Who sends the request, when the caller says so (X-Actor header); services fall back to the project lead. */
  actor: string | null;
  loaders: Loaders;
}
