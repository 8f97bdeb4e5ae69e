import { raw, type QBFilterQuery } from '@mikro-orm/postgresql';
import { readableClientIds, requireViewer } from '../../identity/services/access.js';
import { keysetOperator, pageOf, queryDirection, type Page, type PageRequest, type SortDirection } from '../../platform/pagination.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import type { SlaClockName } from '../domain/slaNotification.js';
import { clockRuns, slaClockOf, type TicketStatus } from '../domain/ticket.js';
import type { TicketCategory } from '../domain/ticketCategory.js';
import type { TicketSeverity } from '../domain/ticketSeverity.js';
import { Ticket } from '../entities/index.js';

/**
 * Lists of tickets in the viewer's scope (a CLIENT: its own client's), keyset-paged like
 * every list (src/platform/pagination.ts), and each ticket's SLA clocks as of now, computed
 * from its stored state with the same pure functions the workflow runs on.
 */

export const TICKET_ORDER_FIELDS = ['DUE_AT', 'OPENED_AT', 'UPDATED_AT'] as const;
export type TicketOrderField = (typeof TICKET_ORDER_FIELDS)[number];

export interface TicketOrder {
  field: TicketOrderField;
  direction: SortDirection;
}

/** Most urgent first: the earliest deadline of a running clock; tickets with none (met, paused, resolved) last. */
export const DEFAULT_TICKET_ORDER: TicketOrder = { field: 'DUE_AT', direction: 'asc' };

/** Where tickets without a running deadline sort: after every real one. */
const NO_DEADLINE = new Date('9999-12-31T00:00:00.000Z');

export type TicketKey = [sortValue: Date, id: string];

const ORDER_COLUMNS = {
  DUE_AT: { sql: `coalesce(t.next_due_at, '${NO_DEADLINE.toISOString()}'::timestamptz)`, value: (t: Ticket) => t.nextDueAt ?? NO_DEADLINE },
  OPENED_AT: { sql: 't.opened_at', value: (t: Ticket) => t.openedAt },
  UPDATED_AT: { sql: 't.updated_at', value: (t: Ticket) => t.updatedAt },
} as const satisfies Record<TicketOrderField, { sql: string; value: (t: Ticket) => Date }>;

export function ticketKey(ticket: Ticket, field: TicketOrderField): TicketKey {
  return [ORDER_COLUMNS[field].value(ticket), ticket.id];
}

/** Narrows a list of tickets; every criterion given must hold; a list criterion holds for any of its values. */
export interface TicketFilter {
  status?: readonly TicketStatus[] | null;
  severity?: readonly TicketSeverity[] | null;
  category?: readonly TicketCategory[] | null;
  projectId?: readonly string[] | null;
  clientId?: readonly string[] | null;
  assignee?: readonly string[] | null;
  team?: readonly string[] | null;
  /** Only tickets whose SLA was (true) or was never (false) breached. */
  slaBreached?: boolean | null;
  /** Only tickets that are not RESOLVED or CLOSED (true), or only those that are (false). */
  open?: boolean | null;
}

export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['OPEN', 'WAITING_FOR_CLIENT'];

function ticketConditions(ctx: Pick<ServiceContext, 'viewer'>, filter: TicketFilter): QBFilterQuery<Ticket> {
  const scope = readableClientIds(requireViewer(ctx));
  const conditions: QBFilterQuery<Ticket>[] = [];
  if (scope) conditions.push({ client: { $in: scope } });
  if (filter.status) conditions.push({ status: { $in: [...filter.status] } });
  if (filter.severity) conditions.push({ severity: { $in: [...filter.severity] } });
  if (filter.category) conditions.push({ category: { $in: [...filter.category] } });
  if (filter.projectId) conditions.push({ project: { $in: [...filter.projectId] } });
  if (filter.clientId) conditions.push({ client: { $in: [...filter.clientId] } });
  if (filter.assignee) conditions.push({ assignee: { $in: [...filter.assignee] } });
  if (filter.team) conditions.push({ team: { $in: [...filter.team] } });
  if (filter.slaBreached !== undefined && filter.slaBreached !== null) conditions.push({ slaBreached: filter.slaBreached });
  if (filter.open === true) conditions.push({ status: { $in: [...OPEN_TICKET_STATUSES] } });
  if (filter.open === false) conditions.push({ status: { $nin: [...OPEN_TICKET_STATUSES] } });
  return conditions.length > 0 ? { $and: conditions } : {};
}

export interface TicketList {
  page: Page<Ticket>;
  countTotal: () => Promise<number>;
}

/** One page of the tickets the viewer may read that match `filter`, in `order` then id: one statement. */
export async function listTickets(ctx: ServiceContext, filter: TicketFilter, order: TicketOrder, request: PageRequest<TicketKey>): Promise<TicketList> {
  const where = ticketConditions(ctx, filter);
  const { sql } = ORDER_COLUMNS[order.field];
  const direction = queryDirection(request, order.direction);
  const qb = ctx.em.createQueryBuilder(Ticket, 't').select('*').where(where);
  for (const bound of ['after', 'before'] as const) {
    const key = request[bound];
    if (key) qb.andWhere(`(${sql}, t.id) ${keysetOperator(bound, order.direction)} (?, ?)`, [key[0], key[1]]);
  }
  const fetched = await qb
    .orderBy([{ [raw(sql)]: direction }, { id: direction }])
    .limit(request.size + 1)
    .getResult();
  return { page: pageOf(request, fetched), countTotal: () => ctx.em.createQueryBuilder(Ticket, 't').where(where).getCount() };
}

/** One SLA clock run of a ticket as of `now`. */
export interface TicketClockView {
  clock: SlaClockName;
  round: number;
  targetMillis: number;
  /** When it is (or was) due; null while a pause stops it. */
  dueAt: Date | null;
  usedMillis: number;
  remainingMillis: number;
  breached: boolean;
  lateByMillis: number;
  paused: boolean;
  /** Whether it still runs (not answered, resolved or closed). */
  running: boolean;
  stoppedAt: Date | null;
  stoppedBy: 'RESPONSE' | 'RESOLVED' | 'CLOSED' | null;
}

/** Every clock run of the ticket as of `now`, in clock order (earlier next-response rounds included). */
export function ticketClocks(ticket: Ticket, now: number = Date.now()): TicketClockView[] {
  const state = ticket.slaState;
  return clockRuns(state).map((run) => {
    const clock = slaClockOf(state, run, ticket.calendar, now);
    return {
      clock: run.clock,
      round: run.round,
      targetMillis: run.targetMillis,
      dueAt: clock.dueAt === null ? null : new Date(clock.dueAt),
      usedMillis: clock.usedMillis,
      remainingMillis: clock.remainingMillis,
      breached: clock.breached,
      lateByMillis: clock.lateByMillis,
      paused: clock.paused,
      running: run.stoppedAt === null && ticket.status !== 'CLOSED',
      stoppedAt: run.stoppedAt === null ? null : new Date(run.stoppedAt),
      stoppedBy: run.stoppedBy,
    };
  });
}

/**
 * Business time left on the ticket's most urgent running clock as of `now`: negative
 * (minus how late, in wall-clock time) once it is overdue; null when no clock runs
 * unpaused.
 */
export function timeLeftMillis(ticket: Ticket, now: number = Date.now()): number | null {
  let least: number | null = null;
  for (const clock of ticketClocks(ticket, now)) {
    if (!clock.running || clock.dueAt === null) continue;
    const left = clock.breached ? -clock.lateByMillis : clock.remainingMillis;
    if (least === null || left < least) least = left;
  }
  return least;
}
