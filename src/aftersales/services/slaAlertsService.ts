import { requireRole } from '../../identity/services/access.js';
import { DomainError } from '../../platform/domainError.js';
import { mapLiveStream, SKIP, type LiveEvents, type LiveStream } from '../../platform/liveEvents.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { SLA_ALERTS_CHANNEL } from '../domain/slaAlertNotice.js';
import type { SlaNotification, SlaNotificationKind } from '../domain/slaNotification.js';
import { Ticket } from '../entities/index.js';
import { TICKET_AGENTS } from './ticketService.js';

/** The live feed of SLA notifications, as the notify activity's live sink announces them. */
export type SlaAlertNotices = LiveEvents<{ [SLA_ALERTS_CHANNEL]: SlaNotification }>;

export interface SlaAlertFilter {
  /** Only alerts that tell the viewer by name (as assignee or client CSM); an ADMIN also gets the level-3 ones. */
  mine?: boolean | null;
  kinds?: readonly SlaNotificationKind[] | null;
  clientIds?: readonly string[] | null;
}

export const MAX_ALERT_FILTER_VALUES = 100;

/** An SLA alert with the ticket it is about, read back from the read model. */
export interface SlaAlert extends SlaNotification {
  ticketRow: Ticket;
}

/**
 * SLA warnings, escalations and breaches as they are sent, from now on (CSM, ADMIN: the
 * people who answer tickets; clients are never told of the agency's internal escalations).
 * Each is checked against the ticket's row before it is delivered: a notice is not trusted
 * alone.
 */
export function watchSlaAlerts(ctx: ServiceContext, notices: SlaAlertNotices, filter: SlaAlertFilter = {}): LiveStream<SlaAlert> {
  const viewer = requireRole(ctx, TICKET_AGENTS);
  for (const field of ['kinds', 'clientIds'] as const) {
    if ((filter[field]?.length ?? 0) > MAX_ALERT_FILTER_VALUES) {
      throw new DomainError('INVALID_INPUT', `filter.${field} may list at most ${MAX_ALERT_FILTER_VALUES} values.`, { field: `filter.${field}` });
    }
  }
  const kinds = filter.kinds ? new Set(filter.kinds) : null;
  const clients = filter.clientIds ? new Set(filter.clientIds) : null;
  const tellsViewer = (alert: SlaNotification) =>
    alert.recipients.some((r) => r.username === viewer.username || (r.role === 'ADMIN' && viewer.role === 'ADMIN'));
  const stream = notices.listen(SLA_ALERTS_CHANNEL, {
    accept: (alert) => (kinds === null || kinds.has(alert.kind)) && (clients === null || clients.has(alert.clientId)) && (!filter.mine || tellsViewer(alert)),
  });
  return mapLiveStream(stream, async (alert) => {
    const ticketRow = await ctx.em.fork().findOne(Ticket, { id: alert.ticketId, client: alert.clientId });
    return ticketRow ? { ...alert, ticketRow } : SKIP;
  });
}
