/**
 * The weekly risk signal (issue 10): each client's and the agency's complaint rate, its
 * change week over week, and the service audits a rise opens. Pure: the weekly workflow
 * (workflows/insights/weeklyRiskSignal.ts), its activities and the API all decide with
 * these functions.
 *
 * **Weeks** are ISO weeks in UTC: a week starts on Monday 00:00 UTC and is named by that
 * date (`2026-01-05`, ISO week `2026-W02`); it holds the instants `[start, start + 7 days)`.
 *
 * **Complaint rate** of a scope (one client, or the agency: every client together) in a week
 * = complaints / active projects, where
 *
 * - complaints are tickets of category COMPLAINT whose `opened_at` lies in the week;
 * - a project is active in the week when it was created before the week's end and had not
 *   finished before the week's start. It finished at its first timeline event into CLOSED or
 *   CANCELLED; a finished project without such an event (none is known) counts as finished
 *   at its row's last update. Stages inside the SOP are not needed: any open stage is active.
 *
 * With no active project the rate is unknown (null), not 0.
 *
 * **A rise** opens a service audit when the week has at least RISK_RULE.minComplaints
 * complaints (one complaint is an incident, not a trend; fewer never signal, whatever the
 * rate does, e.g. when projects finish and the denominator shrinks) and
 *
 * - the previous week's rate was known and above 0, and this week's is at least
 *   RISK_RULE.risePercent (20 %) higher: `rate ≥ 1.2 × previous`, decided on the integer
 *   counts (`100·c·p₀ ≥ 120·c₀·p`), so 1.2 against 1.0 is a rise although `(1.2 − 1) / 1`
 *   is 0.19999… in floating point; or
 * - the previous week's rate was 0 or unknown (no complaint, or no active project): any
 *   rate from nothing is a rise. Its change is then null (infinite), not a number.
 *
 * `change` = (rate − previous) / previous when both are known and previous > 0; else null.
 *
 * A week's measurement is taken once and kept (`risk_signal_run`): running the signal for
 * the same week again reads the kept figures, opens no audit twice (one per week and
 * scope) and sends no notification again (see the workflow).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

export const RISK_RULE = Object.freeze({
  /** A rise of this many percent or more opens an audit. A whole number: the rule compares integers. */
  risePercent: 20,
  /** Fewest complaints in the week for any signal. */
  minComplaints: 2,
  /** Business days (Monday to Friday, UTC) the owner has to do the audit. */
  auditBusinessDays: 5,
  /** The most weeks one backfill may cover (two years). */
  maxBackfillWeeks: 104,
});

// ---------------------------------------------------------------- weeks

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of a `YYYY-MM-DD` date; null when it is not a real date. */
export function parseDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = DATE_SHAPE.exec(text);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const at = Date.UTC(y, m - 1, d);
  const back = new Date(at);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return at;
}

/** `YYYY-MM-DD` of an instant's UTC date. */
export function formatDate(at: number | Date): string {
  return new Date(typeof at === 'number' ? at : at.getTime()).toISOString().slice(0, 10);
}

/** Whether `text` names a week: a real `YYYY-MM-DD` date that is a Monday. */
export function isWeekStart(text: unknown): text is string {
  const at = parseDate(text);
  return at !== null && new Date(at).getUTCDay() === 1;
}

/** The Monday (00:00 UTC) of the ISO week holding `at`, as `YYYY-MM-DD`. */
export function weekStartOf(at: number | Date): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const midnight = Math.floor(ms / DAY_MS) * DAY_MS;
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return formatDate(midnight - sinceMonday * DAY_MS);
}

/** The week before the one holding `at`: the last complete week, which a run at `at` measures. */
export function previousWeekStart(at: number | Date): string {
  return addWeeks(weekStartOf(at), -1);
}

/** The week `weeks` weeks after (or before, when negative) `weekStart`. */
export function addWeeks(weekStart: string, weeks: number): string {
  return formatDate(weekStartMillis(weekStart) + weeks * WEEK_MS);
}

/** Monday 00:00 UTC of the week, in ms; throws for a string that is not a week start. */
export function weekStartMillis(weekStart: string): number {
  if (!isWeekStart(weekStart)) throw new RangeError(`${JSON.stringify(weekStart)} is not a Monday (YYYY-MM-DD).`);
  return parseDate(weekStart)!;
}

/** The week's bounds: `[start, end)`, end being the next Monday 00:00 UTC. */
export function weekBounds(weekStart: string): { start: Date; end: Date } {
  const start = weekStartMillis(weekStart);
  return { start: new Date(start), end: new Date(start + WEEK_MS) };
}

/** The ISO week's name, e.g. `2026-W02` for the week of Monday 2026-01-05 (the year is the one its Thursday is in). */
export function isoWeekName(weekStart: string): string {
  const thursday = new Date(weekStartMillis(weekStart) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every week from the one holding `from` to the one holding `to`, both included, oldest first. */
export function weeksBetween(from: string, to: string): string[] {
  const first = weekStartMillis(weekStartOf(parseDate(from) ?? NaN));
  const last = weekStartMillis(weekStartOf(parseDate(to) ?? NaN));
  const weeks: string[] = [];
  for (let at = first; at <= last; at += WEEK_MS) weeks.push(formatDate(at));
  return weeks;
}

export type BackfillProblem = { field: 'from' | 'to'; message: string };

/**
 * The weeks a backfill from `from` to `to` (dates, `YYYY-MM-DD`) measures, or why it may not:
 * real dates, `from` not after `to`, only weeks that have ended by `now` (a week still under
 * way is measured by the schedule once it is over), at most RISK_RULE.maxBackfillWeeks weeks.
 */
export function backfillWeeks(from: string, to: string, now: number): { weeks: string[] } | { problem: BackfillProblem } {
  const fromAt = parseDate(from);
  const toAt = parseDate(to);
  if (fromAt === null) return { problem: { field: 'from', message: 'from must be a date (YYYY-MM-DD).' } };
  if (toAt === null) return { problem: { field: 'to', message: 'to must be a date (YYYY-MM-DD).' } };
  if (fromAt > toAt) return { problem: { field: 'from', message: `from (${from}) is after to (${to}).` } };
  const lastWeek = weekStartOf(toAt);
  if (weekStartMillis(lastWeek) + WEEK_MS > now) {
    return { problem: { field: 'to', message: `The week of ${to} (${isoWeekName(lastWeek)}) has not ended yet; the last complete week starts on ${previousWeekStart(now)}.` } };
  }
  const weeks = weeksBetween(from, to);
  if (weeks.length > RISK_RULE.maxBackfillWeeks) {
    return { problem: { field: 'from', message: `${weeks.length} weeks asked for; one backfill covers at most ${RISK_RULE.maxBackfillWeeks}.` } };
  }
  return { weeks };
}

/** `at` plus `days` business days (Monday to Friday, UTC), at the same time of day. */
export function addBusinessDays(at: number, days: number): number {
  let result = at;
  let added = 0;
  while (added < days) {
    result += DAY_MS;
    const weekday = new Date(result).getUTCDay();
    if (weekday !== 0 && weekday !== 6) added += 1;
  }
  return result;
}

/** When an audit opened at `openedAt` is due: RISK_RULE.auditBusinessDays business days later. */
export function auditDueAt(openedAt: number): number {
  return addBusinessDays(openedAt, RISK_RULE.auditBusinessDays);
}

// ---------------------------------------------------------------- rates

/** A scope's counts in one week. */
export interface ComplaintCounts {
  complaints: number;
  activeProjects: number;
}

/** A scope's counts in the measured week and in the week before. */
export interface ScopeCounts {
  current: ComplaintCounts;
  previous: ComplaintCounts;
}

export interface ClientCounts extends ScopeCounts {
  clientId: string;
  clientName: string;
}

/** One week as measured (and kept): the agency's counts and every client with a project or a complaint in either week. */
export interface RiskMeasurement {
  weekStart: string;
  agency: ScopeCounts;
  clients: ClientCounts[];
  /** When it was measured (ISO 8601). */
  computedAt: string;
  /** True when the week had been measured before: these are the figures kept then. */
  measuredBefore: boolean;
}

/** Complaints per active project; null without an active project. */
export function complaintRate(counts: ComplaintCounts): number | null {
  return counts.activeProjects > 0 ? counts.complaints / counts.activeProjects : null;
}

/** The agency's counts: every client's added up. */
export function agencyCounts(clients: readonly ScopeCounts[]): ScopeCounts {
  const sum = (pick: (c: ScopeCounts) => ComplaintCounts): ComplaintCounts => ({
    complaints: clients.reduce((total, c) => total + pick(c).complaints, 0),
    activeProjects: clients.reduce((total, c) => total + pick(c).activeProjects, 0),
  });
  return { current: sum((c) => c.current), previous: sum((c) => c.previous) };
}

export interface RiskVerdict {
  rate: number | null;
  previousRate: number | null;
  /** (rate − previous) / previous; null when either is unknown or previous is 0. */
  change: number | null;
  /** Whether this opens a service audit. */
  rise: boolean;
  /** Why, in one sentence with the figures. */
  reason: string;
}

const figure = (value: number) => (Math.round(value * 100) / 100).toString();
/** A share as a percentage with at most one decimal: 0.19999… is `20 %`, 0.196 is `19.6 %`. */
const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;
const counted = ({ complaints, activeProjects }: ComplaintCounts) =>
  `${complaints} complaint${complaints === 1 ? '' : 's'} over ${activeProjects} active project${activeProjects === 1 ? '' : 's'}`;

/** Judges a scope's week against the week before (RISK_RULE; the module's comment says why each case is as it is). */
export function judgeRise(counts: ScopeCounts): RiskVerdict {
  const { current, previous } = counts;
  const rate = complaintRate(current);
  const previousRate = complaintRate(previous);
  const change = rate !== null && previousRate !== null && previousRate > 0 ? (rate - previousRate) / previousRate : null;
  const base = { rate, previousRate, change };
  if (rate === null) return { ...base, rise: false, reason: 'No active project this week: no rate.' };
  const now = `${figure(rate)} per active project (${counted(current)})`;
  if (current.complaints < RISK_RULE.minComplaints) {
    return { ...base, rise: false, reason: `Complaint rate ${now}: fewer than ${RISK_RULE.minComplaints} complaints never signal.` };
  }
  if (previousRate === null || previousRate === 0) {
    const before = previousRate === null ? 'no active project the week before' : 'none the week before';
    return { ...base, rise: true, reason: `Complaint rate ${now}, after ${before}.` };
  }
  // rate ≥ (100 + risePercent)/100 · previousRate, on integers: c/p ≥ 1.2 · c0/p0 ⇔ 100·c·p0 ≥ 120·c0·p.
  const rise = 100 * current.complaints * previous.activeProjects >= (100 + RISK_RULE.risePercent) * previous.complaints * current.activeProjects;
  const direction = change! >= 0 ? `up ${percent(change!)}` : `down ${percent(-change!)}`;
  const verdict = `Complaint rate ${now}, ${direction} from ${figure(previousRate)} (${counted(previous)})`;
  return { ...base, rise, reason: rise ? `${verdict}: a rise of ${RISK_RULE.risePercent} % or more.` : `${verdict}: under a ${RISK_RULE.risePercent} % rise.` };
}

// ---------------------------------------------------------------- audits

export const AUDIT_SCOPES = ['AGENCY', 'CLIENT'] as const;
export type AuditScope = (typeof AUDIT_SCOPES)[number];

export const AUDIT_STATUSES = ['OPEN', 'DONE'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** The key an audit is unique by within its week and scope: the client's id, '' for the agency. */
export const auditScopeKey = (clientId: string | null): string => clientId ?? '';

/** A scope whose week rose: what opens an audit. */
export interface AuditRequest extends ScopeCounts {
  scope: AuditScope;
  /** Null for the agency. */
  clientId: string | null;
  clientName: string | null;
  verdict: RiskVerdict;
}

/** The week judged: the agency's verdict, and the audits to open (the agency's first, then clients by name). */
export interface RiskSignal {
  weekStart: string;
  agency: RiskVerdict;
  audits: AuditRequest[];
}

/** Judges every scope of a measured week. */
export function riskSignalOf(measurement: RiskMeasurement): RiskSignal {
  const agency = judgeRise(measurement.agency);
  const audits: AuditRequest[] = [];
  if (agency.rise) audits.push({ scope: 'AGENCY', clientId: null, clientName: null, ...measurement.agency, verdict: agency });
  // By code units, not localeCompare: the workflow runs this, and its order must not depend on a machine's ICU data.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const clients = [...measurement.clients].sort((a, b) => byText(a.clientName, b.clientName) || byText(a.clientId, b.clientId));
  for (const client of clients) {
    const verdict = judgeRise(client);
    if (verdict.rise) audits.push({ scope: 'CLIENT', clientId: client.clientId, clientName: client.clientName, current: client.current, previous: client.previous, verdict });
  }
  return { weekStart: measurement.weekStart, agency, audits };
}

/** An audit as stored, handed back to the workflow to announce. */
export interface OpenedAudit {
  auditId: string;
  weekStart: string;
  scope: AuditScope;
  clientId: string | null;
  clientName: string | null;
  /** Username of the person who does it: the client's dedicated CSM, else an ADMIN. */
  owner: string;
  /** ISO 8601. */
  dueAt: string;
  complaints: number;
  activeProjects: number;
  rate: number;
  previousRate: number | null;
  change: number | null;
  reason: string;
}

export const SERVICE_AUDIT_OPENED = 'SERVICE_AUDIT_OPENED';

/**
 * What the `notify` activity delivers when an audit opens (to the log, the signed webhook
 * when configured; src/platform/notifications/). `deliveryId` is the same on every retry and
 * every run of the week, so a receiver drops a repeat.
 */
export interface ServiceAuditNotification extends OpenedAudit {
  /** `audit:<weekStart>:<scope>:<clientId or agency>`. */
  deliveryId: string;
  kind: typeof SERVICE_AUDIT_OPENED;
  /** The ISO week, e.g. `2026-W02`. */
  isoWeek: string;
  /** One readable line. */
  summary: string;
}

/** The notification activity as the weekly workflow calls it: the same `notify` the ticket workflow uses. */
export interface ServiceAuditNotifier {
  notify(notification: ServiceAuditNotification): Promise<void>;
}

/** The notification announcing `audit`. */
export function serviceAuditNotification(audit: OpenedAudit): ServiceAuditNotification {
  const who = audit.scope === 'AGENCY' ? 'the agency' : (audit.clientName ?? audit.clientId ?? 'a client');
  const isoWeek = isoWeekName(audit.weekStart);
  const change = audit.change === null ? 'from none' : `up ${percent(audit.change)}`;
  return {
    ...audit,
    deliveryId: `audit:${audit.weekStart}:${audit.scope}:${audit.clientId ?? 'agency'}`,
    kind: SERVICE_AUDIT_OPENED,
    isoWeek,
    summary: `Service audit for ${who}, week ${isoWeek}: complaint rate ${figure(audit.rate)} per active project, ${change}; owner ${audit.owner}, due ${audit.dueAt.slice(0, 10)}`,
  };
}

/** What one run of the signal did for its week. */
export interface RiskSignalResult {
  weekStart: string;
  isoWeek: string;
  /** The agency's counts and verdict. */
  agency: ScopeCounts & RiskVerdict;
  clientsMeasured: number;
  /** True when the week had been measured before (these are the figures kept then). */
  measuredBefore: boolean;
  /** Audits this run opened (0 when a run before it opened them). */
  auditsOpened: number;
  /** Notifications this run sent (0 when a run before it sent them). */
  notificationsSent: number;
  /** Notifications that failed after their retries: the next run of the week sends them. */
  notificationsPending: number;
}
