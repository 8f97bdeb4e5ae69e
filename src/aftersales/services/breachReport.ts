import type { LoggingOptions } from '@mikro-orm/postgresql';
import { requireRole } from '../../identity/services/access.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import type { SlaClockName } from '../domain/slaNotification.js';
import type { TicketStatus } from '../domain/ticket.js';
import type { TicketCategory } from '../domain/ticketCategory.js';
import type { TicketSeverity } from '../domain/ticketSeverity.js';
import { TICKET_AGENTS } from './ticketService.js';

/**
 * The SLA breach report: the breach records the ticket workflows' projection keeps
 * (`sla_breach`), grouped by the ticket's agent, team or client, plus the open tickets that
 * are overdue right now, whether or not their breach is recorded yet. Read with SQL only
 * (never `ticket.sla_state`): one statement for the grouped rows, one for the list of
 * breaches.
 *
 * - The window `[from, to)` selects breaches by `due_at`, and open overdue tickets by the
 *   deadline they missed (their `next_due_at`, or the `due_at` of a breach still owed).
 *   No bound: all time.
 * - Lateness of a breach is `metAt - dueAt`; while it is still owed `now - dueAt`; for a
 *   ticket CLOSED without it being met, `closedAt - dueAt` (closing ends what is owed).
 * - A breach is still owed while `metAt` is null and its ticket is not CLOSED.
 * - Tickets count for their assignee, team and client as the read model has them now
 *   (the breach records do not keep who was assigned when the deadline passed).
 */

/** Who may read the report: the people who work tickets (CSM, ADMIN). It ranks agents, teams and clients against each other: a LEAD reads tickets but not this, and a CLIENT sees only its own tickets' clocks. */
export const BREACH_REPORT_READERS = TICKET_AGENTS;

export const BREACH_REPORT_GROUPS = ['AGENT', 'TEAM', 'CLIENT'] as const;
export type BreachReportGroup = (typeof BREACH_REPORT_GROUPS)[number];

/** The label of the group of tickets without an assignee, or whose assignee has no team. */
export const NO_GROUP_LABELS = { AGENT: '(unassigned)', TEAM: '(no team)', CLIENT: '(no client)' } as const satisfies Record<BreachReportGroup, string>;

export interface BreachReportWindow {
  /** Breaches due at or after this instant; no lower bound when absent. */
  from?: Date | null;
  /** Breaches due before this instant; no upper bound when absent. */
  to?: Date | null;
  /** The instant the report is as of (lateness of what is still owed, which tickets are overdue); the time of the call by default. */
  now?: Date;
}

export interface BreachReportRequest extends BreachReportWindow {
  groupBy: BreachReportGroup;
}

export interface BreachReportRow {
  /** The assignee's username, the team's name or the client's id; null for tickets without an assignee (or whose assignee has no team). */
  key: string | null;
  /** The username, the team's name or the client's name; `(unassigned)` or `(no team)` for the null key. */
  label: string;
  /** Breach records due in the window. */
  breaches: number;
  /** Of those, the ones whose response or resolution is still owed. */
  stillOwed: number;
  /** Open tickets (OPEN, WAITING_FOR_CLIENT) overdue now, with a deadline in the window: a running clock's, or a breach still owed. */
  openOverdue: number;
  /** Lateness of the latest breach, in minutes (2 decimals); null without breaches. */
  worstLateMinutes: number | null;
  /** Average lateness of the breaches, in minutes (2 decimals); null without breaches. */
  averageLateMinutes: number | null;
  /** Distinct tickets behind the row: breached in the window or open overdue. */
  ticketsAffected: number;
}

export interface BreachReportItem {
  ticketId: string;
  title: string;
  clientId: string;
  clientName: string;
  assignee: string | null;
  team: string | null;
  severity: TicketSeverity;
  category: TicketCategory;
  status: TicketStatus;
  clock: SlaClockName;
  round: number;
  dueAt: Date;
  recordedAt: Date;
  metAt: Date | null;
  /** How late it was met, or is by now while still owed (or was when its ticket was closed), in minutes (2 decimals). */
  lateMinutes: number;
  stillOwed: boolean;
}

/** What a group is keyed and labelled by: fixed SQL of ours, chosen by a validated enum value, never text from a request. */
const GROUP_COLUMNS = {
  AGENT: { key: 't.assignee', label: 't.assignee' },
  TEAM: { key: 't.team', label: 't.team' },
  CLIENT: { key: 't.client_id::text', label: 'c.name' },
} as const satisfies Record<BreachReportGroup, { key: string; label: string }>;

/**
 * The statements' parameters, once each: `w.from_at`, `w.to_at` (infinite when absent)
 * and `w.now_at`. Placeholders, in this order: from, to, now.
 */
const WINDOW_CTE = `w as (
  select coalesce(cast(? as timestamptz), '-infinity'::timestamptz) as from_at,
         coalesce(cast(? as timestamptz), 'infinity'::timestamptz) as to_at,
         cast(? as timestamptz) as now_at
)`;

/** Lateness of breach `b` of ticket `t`, in milliseconds, as of `w.now_at`. */
const LATE_MILLIS = `(extract(epoch from coalesce(b.met_at, case when t.status = 'CLOSED' then t.closed_at end, w.now_at) - b.due_at) * 1000)::float8`;

/** Whether breach `b` of ticket `t` is still owed. */
const STILL_OWED = `(b.met_at is null and t.status <> 'CLOSED')`;

const OPEN_STATUSES = `('OPEN', 'WAITING_FOR_CLIENT')`;

/** A window as the statements take it: both bounds explicit (null: none) and the instant fixed. */
export interface CheckedBreachReportWindow {
  from: Date | null;
  to: Date | null;
  now: Date;
}

/**
 * Checks a request for the report before anything is read: the viewer's role
 * (UNAUTHENTICATED, FORBIDDEN) and the window (INVALID_INPUT when `from` is not before
 * `to`). Fixes the report's instant, so that rows and items read together agree.
 */
export function breachReportWindow(ctx: Pick<ServiceContext, 'viewer'>, window: BreachReportWindow): CheckedBreachReportWindow {
  requireRole(ctx, BREACH_REPORT_READERS);
  return checkWindow(window);
}

function checkWindow(window: BreachReportWindow): CheckedBreachReportWindow {
  const from = window.from ?? null;
  const to = window.to ?? null;
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== null && Number.isNaN(value.getTime())) throw new DomainError('INVALID_INPUT', `\`${field}\` is not a valid instant.`, { field });
  }
  if (from !== null && to !== null && from.getTime() >= to.getTime()) {
    throw new DomainError('INVALID_INPUT', '`from` must be before `to`: the window is [from, to).', { field: 'to' });
  }
  return { from, to, now: window.now ?? new Date() };
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());
const toDate = (value: unknown) => (value instanceof Date ? value : new Date(value as string));
const toMinutes = (millis: unknown) => Math.round(Number(millis) / 600) / 100;

/** Labels `execute` statements with the session's id in the query log, as the ORM labels its own. */
const logged = (ctx: Pick<ServiceContext, 'em'>) => ({ method: 'all' as const, loggerContext: { id: ctx.em.id } as LoggingOptions });

interface RowRecord extends Record<string, unknown> {
  key: string | null;
  label: string | null;
  breaches: number;
  still_owed: number;
  open_overdue: number;
  worst_late_ms: number | null;
  average_late_ms: number | null;
  tickets_affected: number;
}

/**
 * The report's rows, one per agent, team or client with a breach due in the window or an
 * open ticket overdue in it: most breaches first, then by key (the null key last). ADMIN
 * and CSM only; INVALID_INPUT when `from` is not before `to`.
 */
export async function breachReport(ctx: Pick<ServiceContext, 'em' | 'viewer'>, request: BreachReportRequest): Promise<BreachReportRow[]> {
  requireRole(ctx, BREACH_REPORT_READERS);
  if (!(BREACH_REPORT_GROUPS as readonly string[]).includes(request.groupBy)) {
    throw new DomainError('INVALID_INPUT', `\`groupBy\` must be one of ${BREACH_REPORT_GROUPS.join(', ')}.`, { field: 'groupBy' });
  }
  const { from, to, now } = checkWindow(request);
  const group = GROUP_COLUMNS[request.groupBy];
  const records = await ctx.em.execute<RowRecord[]>(
    `with ${WINDOW_CTE},
     breach as (
       select b.ticket_id, ${STILL_OWED} as still_owed, ${LATE_MILLIS} as late_ms
       from sla_breach b join ticket t on t.id = b.ticket_id cross join w
       where b.due_at >= w.from_at and b.due_at < w.to_at
     ),
     overdue as (
       select t.id as ticket_id
       from ticket t cross join w
       where t.status in ${OPEN_STATUSES}
         and ((t.next_due_at < w.now_at and t.next_due_at >= w.from_at and t.next_due_at < w.to_at)
           or exists (select 1 from sla_breach b
                      where b.ticket_id = t.id and b.met_at is null and b.due_at >= w.from_at and b.due_at < w.to_at))
     ),
     fact as (
       select ticket_id, 1 as breach, still_owed::int as still_owed, late_ms, 0 as overdue from breach
       union all
       select ticket_id, 0, 0, null, 1 from overdue
     )
     select ${group.key} as key, min(${group.label}) as label,
            sum(f.breach)::int as breaches, sum(f.still_owed)::int as still_owed, sum(f.overdue)::int as open_overdue,
            max(f.late_ms) as worst_late_ms, avg(f.late_ms)::float8 as average_late_ms,
            count(distinct f.ticket_id)::int as tickets_affected
     from fact f join ticket t on t.id = f.ticket_id join client c on c.id = t.client_id
     group by ${group.key}
     order by breaches desc, ${group.key} collate "C" asc nulls last`,
    [iso(from), iso(to), iso(now)],
    logged(ctx),
  );
  return records.map((record) => ({
    key: record.key,
    label: record.label ?? NO_GROUP_LABELS[request.groupBy],
    breaches: record.breaches,
    stillOwed: record.still_owed,
    openOverdue: record.open_overdue,
    worstLateMinutes: record.worst_late_ms === null ? null : toMinutes(record.worst_late_ms),
    averageLateMinutes: record.average_late_ms === null ? null : toMinutes(record.average_late_ms),
    ticketsAffected: record.tickets_affected,
  }));
}

interface ItemRecord extends Record<string, unknown> {
  ticket_id: string;
  title: string;
  client_id: string;
  client_name: string;
  assignee: string | null;
  team: string | null;
  severity: TicketSeverity;
  category: TicketCategory;
  status: TicketStatus;
  clock: SlaClockName;
  round: number;
  due_at: Date | string;
  recorded_at: Date | string;
  met_at: Date | string | null;
  late_ms: number;
  still_owed: boolean;
}

/**
 * Every breach due in the window, with its ticket: earliest due first (then by ticket,
 * clock and round). ADMIN and CSM only; INVALID_INPUT when `from` is not before `to`.
 */
export async function breachReportItems(ctx: Pick<ServiceContext, 'em' | 'viewer'>, window: BreachReportWindow = {}): Promise<BreachReportItem[]> {
  requireRole(ctx, BREACH_REPORT_READERS);
  const { from, to, now } = checkWindow(window);
  const records = await ctx.em.execute<ItemRecord[]>(
    `with ${WINDOW_CTE}
     select b.ticket_id, t.title, t.client_id, c.name as client_name, t.assignee, t.team, t.severity, t.category, t.status,
            b.clock, b.round, b.due_at, b.recorded_at, b.met_at, ${LATE_MILLIS} as late_ms, ${STILL_OWED} as still_owed
     from sla_breach b join ticket t on t.id = b.ticket_id join client c on c.id = t.client_id cross join w
     where b.due_at >= w.from_at and b.due_at < w.to_at
     order by b.due_at, b.ticket_id, b.clock, b.round`,
    [iso(from), iso(to), iso(now)],
    logged(ctx),
  );
  return records.map((record) => ({
    ticketId: record.ticket_id,
    title: record.title,
    clientId: record.client_id,
    clientName: record.client_name,
    assignee: record.assignee,
    team: record.team,
    severity: record.severity,
    category: record.category,
    status: record.status,
    clock: record.clock,
    round: record.round,
    dueAt: toDate(record.due_at),
    recordedAt: toDate(record.recorded_at),
    metAt: record.met_at === null ? null : toDate(record.met_at),
    lateMinutes: toMinutes(record.late_ms),
    stillOwed: record.still_owed,
  }));
}
