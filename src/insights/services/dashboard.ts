import type { LoggingOptions } from '@mikro-orm/postgresql';
import type { ClientTier } from '../../catalog/domain/clientTier.js';
import type { PackagePolicy } from '../../catalog/domain/packagePolicy.js';
import { CHANGE_ORDER_KINDS, type ChangeOrderKind } from '../../delivery/domain/changeOrder.js';
import type { CostPhase } from '../../delivery/domain/costShare.js';
import { TICKET_SEVERITIES, type TicketSeverity } from '../../aftersales/domain/ticketSeverity.js';
import { requireRole } from '../../identity/services/access.js';
import type { Role } from '../../identity/domain/role.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import {
  differenceOfMeans,
  DETRACTOR_MAX,
  leastSquaresSlope,
  MIN_GROUP_SIZE,
  MIN_SLOPE_POINTS,
  netPromoterScoreOf,
  PROMOTER_MIN,
  ratio,
  relativeChange,
  type Estimate,
} from '../domain/dashboardStatistics.js';

/**
 * The service value dashboard (issue 10): twelve indicators and two relations over a
 * period [from, to), each indicator also for the previous period of the same length
 * [from − (to − from), from). Computed in Postgres over the read model: every statement
 * aggregates (count, avg, percentile_cont, regr_*, var_samp) for both periods at once
 * and returns a handful of rows; JavaScript only divides, and turns the regression sums
 * and group summaries into confidence intervals (../domain/dashboardStatistics.ts).
 *
 * The filter (package, client tier, project lead, client; ANDed, all optional) selects
 * projects; tickets, costs and events count for their project. The tier is the client's
 * tier now (the tier history is not replayed).
 *
 * Which period a figure falls in is decided by one instant each, stated per indicator:
 *
 *  1. requirementCycleDays: median days from the project's creation to its (first)
 *     REQUIREMENTS_SIGNED_OFF, over projects signed off in the period.
 *  2. communicationRounds: average rounds at sign-off (the sign-off event's
 *     `communicationRounds`), same projects; `reference` is the average package minimum
 *     (`policy.minCommunicationRounds` as the project got it).
 *  3. reviewRoundsPerProject: REVIEW_ROUND_SUBMITTED events in the period over the projects
 *     they belong to; clientAttendanceRate: the share of those rounds with at least one
 *     client attendee.
 *  4. validationGapRate: GAP results over all results of the VALIDATION_DAY_COMPLETED events
 *     in the period (sample: results).
 *  5. stressTestFirstPassRate: projects whose first verdict (STRESS_TEST_PASSED or _FAILED,
 *     by seq) falls in the period, share whose first verdict was a pass.
 *  6. changeOrders per kind: CHANGE_ORDER_REQUESTED events in the period (count), and the
 *     amounts of CHANGE_ORDER_APPROVED events in the period (value; sample: approvals).
 *  7. onTimeDeliveryRate: projects whose first DELIVERY_ACCEPTED falls in the period and
 *     that have a planned delivery date (`project.planned_delivery_at`, given at
 *     createProject), share accepted on or before it.
 *  8. firstResponseHitRate by severity, over tickets opened in the period whose first
 *     response is decided: answered (stoppedBy RESPONSE), stopped otherwise (RESOLVED or
 *     CLOSED without an answer: a miss), or overdue. Hit: answered within `targetMillis`.
 *     For ALWAYS targets business time is wall-clock time, so `stoppedAt − start ≤
 *     targetMillis` decides, and a running clock past `start + targetMillis` is a miss.
 *     For BUSINESS_HOURS targets wall-clock time overstates the time used, so the ticket
 *     workflow's own verdict decides instead: a hit is an answer without a FIRST_RESPONSE
 *     breach record (`sla_breach`, recorded in business time); a running clock counts only
 *     once its breach is recorded (a ticket still inside its business-time target is left
 *     out). The overall rate pools the severities.
 *  9. medianFirstResponseHours: tickets opened in the period and answered, median of the
 *     business time to the first agent reply (`ticket.first_response_business_millis`,
 *     written by the projection on the ticket's calendar), in hours.
 * 10. complaintRate: COMPLAINT tickets opened in the period per project active in it
 *     (complaintRateLastWeek: the same over the 7 days before `to`, `previous` the 7 days
 *     before them, so `change` is the weekly change)
 *     (created before `to`, not closed or cancelled before `from`); `change` compares it
 *     with the previous period.
 * 11. nps: SERVICE_REVIEW_SUBMITTED scores in the period (promoters 9–10 − detractors 0–6,
 *     % of responses). renewalRate: clients with a project CLOSED in the period, share that
 *     started another project (any package) within 12 months after such a closing; a
 *     closing less than 12 months ago may still renew, so recent periods read low.
 * 12. costShares per guarded phase: over projects CLOSED in the period with a contract value,
 *     the average of (the phase's costs / contract value); `reference` is the guardrail's
 *     maximum from the projects' policies (costShare.ts reads the same).
 *
 * Relations (current period only):
 *
 *  - developmentDaysPerCommunicationRound: least-squares slope of development days (first
 *    REQUIREMENTS_SIGNED_OFF → first STRESS_TEST_STARTED) on the communication rounds at
 *    sign-off, over projects whose delivery was accepted (DELIVERY_ACCEPTED) in the period:
 *    closed projects were all accepted first. Negative: days saved per extra round.
 *    Reliable from MIN_SLOPE_POINTS projects.
 *  - npsServiceReviewWithin90Days: NPS of service reviews submitted in the period, those
 *    submitted within 90 days (inclusive) of the project's latest DELIVERY_ACCEPTED before
 *    them ("with a service review within 90 days") minus those submitted later ("without"):
 *    the difference of the means of +100 / 0 / −100 points per response, Welch's interval.
 *    Reviews without an acceptance before them are left out. Reliable from MIN_GROUP_SIZE
 *    responses in each group.
 */

/** Who reads the dashboard: the agency's staff. Cost shares are for ADMIN and LEAD only (as cost events are). */
export const DASHBOARD_READERS: readonly Role[] = ['ADMIN', 'LEAD', 'CSM'];
export const COST_SHARE_READERS: readonly Role[] = ['ADMIN', 'LEAD'];

/** The longest period the dashboard computes, in years. */
export const MAX_DASHBOARD_YEARS = 3;

/** Days after delivery acceptance within which a service review counts as timely (relation 2). */
export const SERVICE_REVIEW_WINDOW_DAYS = 90;

export const DASHBOARD_UNITS = ['DAYS', 'ROUNDS', 'RATIO', 'COUNT', 'MONEY', 'NPS', 'PER_PROJECT', 'HOURS', 'DAYS_PER_ROUND', 'NPS_POINTS'] as const;
export type DashboardUnit = (typeof DASHBOARD_UNITS)[number];

export interface DashboardFilter {
  packageCode?: string | null;
  tier?: ClientTier | null;
  projectLead?: string | null;
  clientId?: string | null;
}

export interface DashboardRequest {
  from: Date;
  to: Date;
  filter?: DashboardFilter | null;
  /** The instant the dashboard is as of (which first responses are overdue); now by default. */
  now?: Date;
}

export interface DashboardFigure {
  value: number | null;
  sampleSize: number;
}

export interface DashboardIndicator extends DashboardFigure {
  /** The issue's number, 1–12. */
  indicator: number;
  unit: DashboardUnit;
  previous: DashboardFigure;
  /** (value − previous) / previous; null when either is missing or the previous value is 0. */
  change: number | null;
  /** What the value is measured against (package minimum, guardrail maximum), when there is something. */
  reference: number | null;
  /** The lower end when the reference is a range (a cost-share guardrail's minimum); null otherwise. */
  referenceMin: number | null;
  /** Why a value is missing, or what to keep in mind. */
  note: string | null;
}

export interface DashboardRelation extends Estimate {
  unit: DashboardUnit;
  minimumSample: number;
  groups: ({ group: string } & DashboardFigure)[];
  definition: string;
}

type GuardedPhase = Exclude<CostPhase, 'OTHER'>;

export interface ServiceDashboard {
  from: Date;
  to: Date;
  previousFrom: Date;
  asOf: Date;
  requirementCycleDays: DashboardIndicator;
  communicationRounds: DashboardIndicator;
  reviewRoundsPerProject: DashboardIndicator;
  clientAttendanceRate: DashboardIndicator;
  validationGapRate: DashboardIndicator;
  stressTestFirstPassRate: DashboardIndicator;
  changeOrders: { kind: ChangeOrderKind; requested: DashboardIndicator; approvedValue: DashboardIndicator }[];
  onTimeDeliveryRate: DashboardIndicator;
  firstResponseHitRate: DashboardIndicator;
  firstResponseHitRateBySeverity: { severity: TicketSeverity; hitRate: DashboardIndicator }[];
  medianFirstResponseHours: DashboardIndicator;
  complaintRate: DashboardIndicator;
  /** The last 7 days before `to` against the 7 before them: the weekly change the risk signal watches. */
  complaintRateLastWeek: DashboardIndicator;
  nps: DashboardIndicator;
  renewalRate: DashboardIndicator;
  /** Null for viewers who may not see the agency's costs. */
  costShares: { phase: GuardedPhase; share: DashboardIndicator }[] | null;
  developmentDaysPerCommunicationRound: DashboardRelation;
  npsServiceReviewWithin90Days: DashboardRelation;
}

/** The guarded phases and their policy keys (as costShare.ts maps them). Fixed SQL of ours, never request text. */
const GUARDED_PHASES = { RESEARCH: 'research', ITERATION: 'iteration', AFTER_SALES: 'afterSales' } as const satisfies Record<GuardedPhase, keyof PackagePolicy['costShareGuardrails']>;

type Period = 'current' | 'previous';

/**
 * Every statement starts with these: `params` (one row: the periods' bounds, the filter,
 * the instant), `periods` (current and previous, each [p_from, p_to)) and `scoped` (the
 * projects the filter selects). Placeholders, in this order: from, to, previous from,
 * package, tier, lead, client, now.
 *
 * All three are `not materialized`: the ORM sends the parameters as literals, so inlined
 * the planner folds an absent filter away (`null is null or …`) and estimates the scope as
 * the projects it really is; materialized, it took every scope for one row and looked
 * events and tickets up once per project (seconds at 10,000 projects). The tier is tested
 * with `exists` so that without a tier filter no client is read at all.
 */
const PREFIX = `with params as not materialized (
  select cast(? as timestamptz) as cur_from, cast(? as timestamptz) as cur_to, cast(? as timestamptz) as prev_from,
         cast(? as text) as pkg, cast(? as text) as tier, cast(? as text) as lead, cast(? as uuid) as client_id,
         cast(? as timestamptz) as now_at
),
periods as not materialized (
  select 'current' as period, cur_from as p_from, cur_to as p_to from params
  union all select 'previous', prev_from, cur_from from params
),
scoped as not materialized (
  select p.* from project p cross join params f
  where (f.pkg is null or p.service_package_code = f.pkg)
    and (f.tier is null or exists (select 1 from client c where c.id = p.client_id and c.tier = f.tier))
    and (f.lead is null or p.project_lead = f.lead) and (f.client_id is null or p.client_id = f.client_id)
)`;

/** Events of scoped projects of one type. */
const scopedEvents = (type: string) => `(select e.* from timeline_event e join scoped s on s.id = e.project_id where e.type = '${type}')`;

/**
 * The first event of a type per project (by seq): its project, instant and the `details`
 * fields asked for (each as a column named like the field); callers join `scoped`. One
 * ordered pass over the type's events on `timeline_event (type, project_id, seq)`: joining
 * the scope inside made the planner look the events up once per project. Only the columns
 * used travel: whole rows made the sorts above spill to disk.
 */
const firstEvents = (type: string, ...detailFields: string[]) =>
  `(select distinct on (e.project_id) e.project_id, e.occurred_at${detailFields.map((field) => `, e.details->>'${field}' as "${field}"`).join('')}
    from timeline_event e where e.type = '${type}' order by e.project_id, e.seq)`;

const inPeriod = (column: string) => `${column} >= pr.p_from and ${column} < pr.p_to`;

/**
 * Statements the dashboard runs at once. They are independent, and each read its own
 * snapshot already when they ran one after another. Outside a transaction (a request's
 * EntityManager) each takes a pooled connection of its own; inside one they queue on its
 * connection. Two use both cores of a small server without taking the pool from other requests.
 */
export const STATEMENT_LANES = 2;

/** Runs the tasks handed to it at most `width` at a time, in the order handed; a finished task passes its slot on. */
function lanes(width: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < width) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** The earliest start and latest end of a period (the agency's data lies between). */
export const EARLIEST_FROM = new Date('2000-01-01T00:00:00.000Z');
export const LATEST_TO = new Date('2100-01-01T00:00:00.000Z');

function checkRequest(request: DashboardRequest): { from: Date; to: Date; previousFrom: Date; now: Date } {
  const { from, to } = request;
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new DomainError('INVALID_INPUT', `\`${field}\` is not a valid instant.`, { field });
  }
  if (from.getTime() >= to.getTime()) throw new DomainError('INVALID_INPUT', '`from` must be before `to`: the period is [from, to).', { field: 'to' });
  // The previous period reaches as far back again: keep both where Postgres and the data live.
  if (from.getTime() < EARLIEST_FROM.getTime()) throw new DomainError('INVALID_INPUT', `\`from\` must be on or after ${EARLIEST_FROM.toISOString()}.`, { field: 'from' });
  if (to.getTime() > LATEST_TO.getTime()) throw new DomainError('INVALID_INPUT', `\`to\` must be on or before ${LATEST_TO.toISOString()}.`, { field: 'to' });
  const limit = new Date(from.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_DASHBOARD_YEARS);
  if (to.getTime() > limit.getTime()) {
    throw new DomainError('INVALID_INPUT', `The period may be at most ${MAX_DASHBOARD_YEARS} years long.`, { field: 'to', maxYears: MAX_DASHBOARD_YEARS });
  }
  return { from, to, previousFrom: new Date(2 * from.getTime() - to.getTime()), now: request.now ?? new Date() };
}

type Row = Record<string, unknown> & { period: Period };

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const int = (value: unknown): number => Number(value ?? 0);

function indicator(
  number: number,
  unit: DashboardUnit,
  current: DashboardFigure,
  previous: DashboardFigure,
  extra: { reference?: number | null; referenceMin?: number | null; note?: string | null } = {},
): DashboardIndicator {
  return {
    indicator: number,
    unit,
    value: current.value,
    sampleSize: current.sampleSize,
    previous,
    change: relativeChange(current.value, previous.value),
    reference: extra.reference ?? null,
    referenceMin: extra.referenceMin ?? null,
    note: extra.note ?? null,
  };
}

/** The service value dashboard for [from, to) and the filter (ADMIN, LEAD, CSM; cost shares ADMIN and LEAD). INVALID_INPUT for an empty, inverted or over-long period. */
export async function serviceDashboard(ctx: Pick<ServiceContext, 'em' | 'viewer'>, request: DashboardRequest): Promise<ServiceDashboard> {
  const viewer = requireRole(ctx, DASHBOARD_READERS);
  const { from, to, previousFrom, now } = checkRequest(request);
  const filter = request.filter ?? {};
  const params = [from.toISOString(), to.toISOString(), previousFrom.toISOString(), filter.packageCode ?? null, filter.tier ?? null, filter.projectLead ?? null, filter.clientId ?? null, now.toISOString()];
  const options = { method: 'all' as const, loggerContext: { id: ctx.em.id } as LoggingOptions };
  const lane = lanes(STATEMENT_LANES);
  const query = async <R extends Record<string, unknown>>(body: string): Promise<R[]> => lane(() => ctx.em.execute<R[]>(`${PREFIX}\n${body}`, params, options));
  /** The rows of a per-period statement, by period. */
  const perPeriod = async (body: string): Promise<Record<Period, Row>> => {
    const rows = await query<Row>(body);
    return { current: rows.find((r) => r.period === 'current')!, previous: rows.find((r) => r.period === 'previous')! };
  };
  const both = (rows: Record<Period, Row>, figure: (row: Row) => DashboardFigure) => [figure(rows.current), figure(rows.previous)] as const;

  // 12: cost shares of projects closed in the period: one row per period, a share and guardrail columns per phase.
  // Queued first: the longest statement, so that the other lane works through the short ones meanwhile.
  const costSharesQuery = COST_SHARE_READERS.includes(viewer.role)
    ? (async () => {
        const phases = Object.entries(GUARDED_PHASES) as [GuardedPhase, string][];
        const spentColumns = phases.map(([phase]) => `sum(ce.amount) filter (where ce.phase = '${phase}') as "spent_${phase}"`).join(', ');
        const figureColumns = phases
          .map(
            ([phase, key]) => `avg(coalesce(x."spent_${phase}", 0) / x.contract_value)::float8 as "share_${phase}",
            avg((x.guardrails->'${key}'->>'max')::float8) as "max_${phase}", avg((x.guardrails->'${key}'->>'min')::float8) as "min_${phase}"`,
          )
          .join(',\n            ');
        const rows = await perPeriod(`
          -- The projects closed in either period, each with its costs per phase summed on the spot
          -- (guardrails: a generated copy out of the policy, see Project.ts).
          , closed as (
            select c.occurred_at, s.id, s.contract_value, s.cost_share_guardrails as guardrails, spent.*
            from ${firstEvents('PROJECT_CLOSED')} c join scoped s on s.id = c.project_id and s.contract_value > 0 cross join params f
            cross join lateral (select ${spentColumns} from cost_entry ce where ce.project_id = s.id) spent
            where c.occurred_at >= f.prev_from and c.occurred_at < f.cur_to
          )
          select pr.period, count(x.id)::int as projects,
            ${figureColumns}
          from periods pr
          left join closed x on ${inPeriod('x.occurred_at')}
          group by pr.period`);
        return phases.map(([phase]) => {
          const figure = (period: Period) => ({ value: num(rows[period][`share_${phase}`]), sampleSize: int(rows[period].projects) });
          return { phase, share: indicator(12, 'RATIO', figure('current'), figure('previous'), { reference: num(rows.current[`max_${phase}`]), referenceMin: num(rows.current[`min_${phase}`]) }) };
        });
      })()
    : null;

  // 1, 2: sign-off (the package minimum: the policy's, a generated copy, see Project.ts).
  const signOffQuery = perPeriod(`
    select pr.period, count(so.project_id)::int as n,
      percentile_cont(0.5) within group (order by (extract(epoch from so.occurred_at - s.created_at) / 86400)::float8) as median_days,
      avg((so."communicationRounds")::int)::float8 as avg_rounds,
      avg(s.min_communication_rounds::int)::float8 as avg_minimum
    from periods pr left join (${firstEvents('REQUIREMENTS_SIGNED_OFF', 'communicationRounds')} so join scoped s on s.id = so.project_id) on ${inPeriod('so.occurred_at')}
    group by pr.period`);

  // 3: review rounds.
  const reviewsQuery = perPeriod(`
    select pr.period, count(e.project_id)::int as rounds, count(distinct e.project_id)::int as projects,
      count(e.project_id) filter (where jsonb_array_length(coalesce(e.details->'clientAttendees', '[]'::jsonb)) > 0)::int as attended
    from periods pr left join ${scopedEvents('REVIEW_ROUND_SUBMITTED')} e on ${inPeriod('e.occurred_at')}
    group by pr.period`);

  // 4: validation-day gaps.
  const validationQuery = perPeriod(`
    select pr.period, coalesce(sum((e.details->>'gaps')::int), 0)::int as gaps,
      coalesce(sum(jsonb_array_length(coalesce(e.details->'results', '[]'::jsonb))), 0)::int as results
    from periods pr left join ${scopedEvents('VALIDATION_DAY_COMPLETED')} e on ${inPeriod('e.occurred_at')}
    group by pr.period`);

  // 5: first stress-test verdict.
  const stressQuery = perPeriod(`
    select pr.period, count(v.project_id)::int as projects, count(v.project_id) filter (where v.type = 'STRESS_TEST_PASSED')::int as passed
    from periods pr left join (
      select distinct on (e.project_id) e.project_id, e.type, e.occurred_at
      from timeline_event e join scoped s on s.id = e.project_id
      where e.type in ('STRESS_TEST_PASSED', 'STRESS_TEST_FAILED') order by e.project_id, e.seq
    ) v on ${inPeriod('v.occurred_at')}
    group by pr.period`);

  // 6: change orders per kind.
  const orderRowsQuery = query<Row & { kind: ChangeOrderKind; requested: number; approved: number; approved_value: number }>(`
    select pr.period, e.details->>'kind' as kind,
      count(*) filter (where e.type = 'CHANGE_ORDER_REQUESTED')::int as requested,
      count(*) filter (where e.type = 'CHANGE_ORDER_APPROVED')::int as approved,
      coalesce(sum((e.details->>'amount')::numeric) filter (where e.type = 'CHANGE_ORDER_APPROVED'), 0)::float8 as approved_value
    from periods pr join timeline_event e on ${inPeriod('e.occurred_at')} join scoped s on s.id = e.project_id
    where e.type in ('CHANGE_ORDER_REQUESTED', 'CHANGE_ORDER_APPROVED')
    group by pr.period, e.details->>'kind'`);

  // 8: first-response SLA per severity, on the ticket's generated copies of its first-response clock (Ticket.ts).
  const ticketRowsQuery = query<Row & { severity: TicketSeverity; decided: number; hits: number }>(`
    select pr.period, t.severity, count(*) filter (where d.decided)::int as decided, count(*) filter (where d.decided and d.hit)::int as hits
    from periods pr
    join ticket t on ${inPeriod('t.opened_at')}
    join scoped s on s.id = t.project_id
    cross join params f
    cross join lateral (
      select t.first_response_stopped_by as stopped_by,
             t.first_response_stopped_at_millis as stopped_ms,
             t.first_response_wall_clock_due_millis as due_ms,
             coalesce(t.sla_calendar, 'ALWAYS') = 'ALWAYS' as wall_clock,
             exists (select 1 from sla_breach b where b.ticket_id = t.id and b.clock = 'FIRST_RESPONSE') as breached
    ) r
    cross join lateral (
      select case when r.wall_clock then r.stopped_by is not null or extract(epoch from f.now_at) * 1000 > r.due_ms::numeric
                  else r.stopped_by is not null or r.breached end as decided,
             coalesce(case when r.wall_clock then r.stopped_by = 'RESPONSE' and r.stopped_ms <= r.due_ms
                           else r.stopped_by = 'RESPONSE' and not r.breached end, false) as hit
    ) d
    group by pr.period, t.severity`);

  // 7: on-time delivery against the planned date.
  const onTimeQuery = perPeriod(`
    select pr.period, count(s.id)::int as projects, count(s.id) filter (where a.occurred_at <= s.planned_delivery_at)::int as on_time
    from periods pr
    left join (${firstEvents('DELIVERY_ACCEPTED')} a join scoped s on s.id = a.project_id and s.planned_delivery_at is not null) on ${inPeriod('a.occurred_at')}
    group by pr.period`);

  // 9: median first-response time in business time.
  const responseTimesQuery = perPeriod(`
    select pr.period, count(t.id)::int as answered,
      (percentile_cont(0.5) within group (order by t.first_response_business_millis) / 3600000.0)::float8 as median_hours
    from periods pr
    left join (ticket t join scoped s on s.id = t.project_id) on ${inPeriod('t.opened_at')} and t.first_response_business_millis is not null
    group by pr.period`);

  // 10: complaints per active project, over the period and over its last week against the week before.
  const complaintsOver = (spans: string) => `
    select pr.period,
      (select count(*) from scoped s
        where s.created_at < pr.p_to
          and not exists (select 1 from timeline_event e where e.project_id = s.id and e.type in ('PROJECT_CLOSED', 'PROJECT_CANCELLED') and e.occurred_at < pr.p_from))::int as active,
      (select count(*) from ticket t join scoped s on s.id = t.project_id where t.category = 'COMPLAINT' and ${inPeriod('t.opened_at')})::int as complaints
    from ${spans} pr`;
  const complaintsQuery = perPeriod(complaintsOver('periods'));
  const weeklyComplaintsQuery = perPeriod(`
    , weeks as (
      select 'current' as period, f.cur_to - interval '7 days' as p_from, f.cur_to as p_to from params f
      union all select 'previous', f.cur_to - interval '14 days', f.cur_to - interval '7 days' from params f
    )
    ${complaintsOver('weeks')}`);

  // 11: NPS and renewals.
  const npsQuery = perPeriod(`
    select pr.period, count(e.project_id)::int as responses,
      count(*) filter (where (e.details->>'npsScore')::int >= ${PROMOTER_MIN})::int as promoters,
      count(*) filter (where (e.details->>'npsScore')::int <= ${DETRACTOR_MAX})::int as detractors
    from periods pr left join ${scopedEvents('SERVICE_REVIEW_SUBMITTED')} e on ${inPeriod('e.occurred_at')}
    group by pr.period`);
  const renewalsQuery = perPeriod(`
    , per_client as (
      select pr.period, s.client_id,
        bool_or(exists (select 1 from project q where q.client_id = s.client_id and q.id <> s.id
                          and q.created_at > c.occurred_at and q.created_at <= c.occurred_at + interval '12 months')) as renewed
      from periods pr join ${firstEvents('PROJECT_CLOSED')} c on ${inPeriod('c.occurred_at')} join scoped s on s.id = c.project_id
      group by pr.period, s.client_id
    )
    select pr.period, count(pc.client_id)::int as clients, count(pc.client_id) filter (where pc.renewed)::int as renewed
    from periods pr left join per_client pc on pc.period = pr.period
    group by pr.period`);


  // Relation 1: development days on communication rounds.
  const slopeSumsQuery = query<{ n: number; sxx: number | null; sxy: number | null; syy: number | null }>(`
    , points as (
      select (so."communicationRounds")::float8 as x, (extract(epoch from st.started_at - so.occurred_at) / 86400)::float8 as y
      from ${firstEvents('DELIVERY_ACCEPTED')} a
      join scoped s on s.id = a.project_id
      join ${firstEvents('REQUIREMENTS_SIGNED_OFF', 'communicationRounds')} so on so.project_id = a.project_id
      join (select e.project_id, min(e.occurred_at) as started_at from timeline_event e where e.type = 'STRESS_TEST_STARTED' group by e.project_id) st on st.project_id = a.project_id
      cross join params f
      where a.occurred_at >= f.cur_from and a.occurred_at < f.cur_to and st.started_at > so.occurred_at
    )
    select regr_count(y, x)::int as n, regr_sxx(y, x)::float8 as sxx, regr_sxy(y, x)::float8 as sxy, regr_syy(y, x)::float8 as syy from points`);

  // Relation 2: NPS with vs without a service review within 90 days of acceptance.
  const groupRowsQuery = query<{ within: boolean; n: number; mean: number | null; variance: number | null }>(`
    , reviews as materialized (
      select (e.details->>'npsScore')::int as score, e.occurred_at,
        (select max(a.occurred_at) from timeline_event a where a.project_id = e.project_id and a.type = 'DELIVERY_ACCEPTED' and a.occurred_at <= e.occurred_at) as accepted_at
      from ${scopedEvents('SERVICE_REVIEW_SUBMITTED')} e cross join params f
      where e.occurred_at >= f.cur_from and e.occurred_at < f.cur_to
    ),
    coded as (
      select r.occurred_at <= r.accepted_at + interval '${SERVICE_REVIEW_WINDOW_DAYS} days' as within,
        (case when r.score >= ${PROMOTER_MIN} then 100 when r.score <= ${DETRACTOR_MAX} then -100 else 0 end)::float8 as points
      from reviews r where r.accepted_at is not null
    )
    select g.within, count(c.points)::int as n, avg(c.points)::float8 as mean, var_samp(c.points)::float8 as variance
    from (values (true), (false)) g(within) left join coded c on c.within = g.within
    group by g.within`);
  const [signOff, reviews, validation, stress, orderRows, ticketRows, onTime, responseTimes, complaints, weeklyComplaints, nps, renewals, costShares, [slopeSums], groupRows] =
    await Promise.all([
      signOffQuery,
      reviewsQuery,
      validationQuery,
      stressQuery,
      orderRowsQuery,
      ticketRowsQuery,
      onTimeQuery,
      responseTimesQuery,
      complaintsQuery,
      weeklyComplaintsQuery,
      npsQuery,
      renewalsQuery,
      costSharesQuery,
      slopeSumsQuery,
      groupRowsQuery,
    ]);
  const orderRow = (period: Period, kind: ChangeOrderKind) => orderRows.find((r) => r.period === period && r.kind === kind);
  const ticketFigure = (period: Period, severity?: TicketSeverity): DashboardFigure => {
    const rows = ticketRows.filter((r) => r.period === period && (severity === undefined || r.severity === severity));
    const decided = rows.reduce((sum, r) => sum + r.decided, 0);
    return { value: ratio(rows.reduce((sum, r) => sum + r.hits, 0), decided), sampleSize: decided };
  };
  const slope = leastSquaresSlope({ n: int(slopeSums?.n), sxx: num(slopeSums?.sxx) ?? 0, sxy: num(slopeSums?.sxy) ?? 0, syy: num(slopeSums?.syy) ?? 0 });
  const group = (within: boolean) => {
    const row = groupRows.find((r) => r.within === within);
    return { n: int(row?.n), mean: num(row?.mean), variance: num(row?.variance) };
  };
  const withReview = group(true);
  const withoutReview = group(false);
  const npsDifference = differenceOfMeans(withReview, withoutReview);

  const [rounds, roundsPrevious] = both(signOff, (r) => ({ value: num(r.avg_rounds), sampleSize: int(r.n) }));
  return {
    from,
    to,
    previousFrom,
    asOf: now,
    requirementCycleDays: indicator(1, 'DAYS', ...both(signOff, (r) => ({ value: num(r.median_days), sampleSize: int(r.n) }))),
    communicationRounds: indicator(2, 'ROUNDS', rounds, roundsPrevious, { reference: num(signOff.current.avg_minimum) }),
    reviewRoundsPerProject: indicator(3, 'PER_PROJECT', ...both(reviews, (r) => ({ value: ratio(int(r.rounds), int(r.projects)), sampleSize: int(r.projects) }))),
    clientAttendanceRate: indicator(3, 'RATIO', ...both(reviews, (r) => ({ value: ratio(int(r.attended), int(r.rounds)), sampleSize: int(r.rounds) }))),
    validationGapRate: indicator(4, 'RATIO', ...both(validation, (r) => ({ value: ratio(int(r.gaps), int(r.results)), sampleSize: int(r.results) }))),
    stressTestFirstPassRate: indicator(5, 'RATIO', ...both(stress, (r) => ({ value: ratio(int(r.passed), int(r.projects)), sampleSize: int(r.projects) }))),
    changeOrders: CHANGE_ORDER_KINDS.map((kind) => {
      const requested = (period: Period) => {
        const count = int(orderRow(period, kind)?.requested);
        return { value: count, sampleSize: count };
      };
      const approved = (period: Period) => {
        const row = orderRow(period, kind);
        return { value: num(row?.approved_value) ?? 0, sampleSize: int(row?.approved) };
      };
      return {
        kind,
        requested: indicator(6, 'COUNT', requested('current'), requested('previous')),
        approvedValue: indicator(6, 'MONEY', approved('current'), approved('previous')),
      };
    }),
    onTimeDeliveryRate: indicator(7, 'RATIO', ...both(onTime, (r) => ({ value: ratio(int(r.on_time), int(r.projects)), sampleSize: int(r.projects) }))),
    firstResponseHitRate: indicator(8, 'RATIO', ticketFigure('current'), ticketFigure('previous')),
    firstResponseHitRateBySeverity: TICKET_SEVERITIES.map((severity) => ({
      severity,
      hitRate: indicator(8, 'RATIO', ticketFigure('current', severity), ticketFigure('previous', severity)),
    })),
    medianFirstResponseHours: indicator(9, 'HOURS', ...both(responseTimes, (r) => ({ value: num(r.median_hours), sampleSize: int(r.answered) }))),
    complaintRate: indicator(10, 'PER_PROJECT', ...both(complaints, (r) => ({ value: ratio(int(r.complaints), int(r.active)), sampleSize: int(r.active) }))),
    complaintRateLastWeek: indicator(10, 'PER_PROJECT', ...both(weeklyComplaints, (r) => ({ value: ratio(int(r.complaints), int(r.active)), sampleSize: int(r.active) }))),
    nps: indicator(
      11,
      'NPS',
      ...both(nps, (r) => ({ value: netPromoterScoreOf({ responses: int(r.responses), promoters: int(r.promoters), detractors: int(r.detractors) }), sampleSize: int(r.responses) })),
    ),
    renewalRate: indicator(11, 'RATIO', ...both(renewals, (r) => ({ value: ratio(int(r.renewed), int(r.clients)), sampleSize: int(r.clients) })), {
      note: 'Clients with a project closed in the period; a closing less than 12 months ago may still renew.',
    }),
    costShares,
    developmentDaysPerCommunicationRound: {
      ...slope,
      unit: 'DAYS_PER_ROUND',
      minimumSample: MIN_SLOPE_POINTS,
      groups: [],
      definition:
        'Least-squares slope of development days (first REQUIREMENTS_SIGNED_OFF to first STRESS_TEST_STARTED) on communication rounds at sign-off, over projects whose delivery was accepted in the period; negative means days saved per extra round.',
    },
    npsServiceReviewWithin90Days: {
      ...npsDifference,
      unit: 'NPS_POINTS',
      minimumSample: MIN_GROUP_SIZE,
      groups: [
        { group: 'WITHIN_90_DAYS', value: withReview.mean, sampleSize: withReview.n },
        { group: 'LATER', value: withoutReview.mean, sampleSize: withoutReview.n },
      ],
      definition: `NPS of service reviews submitted in the period within ${SERVICE_REVIEW_WINDOW_DAYS} days (inclusive) of the project's latest delivery acceptance before them, minus the NPS of those submitted later; Welch's interval on +100 / 0 / −100 points per response. Minimum ${MIN_GROUP_SIZE} responses per group.`,
    },
  };
}
