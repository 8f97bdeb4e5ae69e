import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import {
  addWeeks,
  agencyCounts,
  auditDueAt,
  auditScopeKey,
  isWeekStart,
  judgeRise,
  weekBounds,
  type AuditRequest,
  type ClientCounts,
  type OpenedAudit,
  type RiskMeasurement,
} from '../domain/riskSignal.js';
import { RiskSignalRun, ServiceAudit } from '../entities/index.js';

/**
 * The weekly risk signal's activities (workflows/insights/weeklyRiskSignal.ts): measure a
 * week once and keep it, open the audits its rises call for (once per week and scope), and
 * record each audit's notification as delivered. Every one is idempotent: a retry, or the
 * week run again, changes nothing that is already there.
 */

function checkWeek(weekStart: string): void {
  if (!isWeekStart(weekStart)) {
    throw ApplicationFailure.create({ type: 'INVALID_INPUT', message: `weekStart must be a Monday (YYYY-MM-DD), not ${JSON.stringify(weekStart)}.`, nonRetryable: true });
  }
}

interface CountRow {
  client_id: string;
  client_name: string;
  complaints: number;
  active_projects: number;
  previous_complaints: number;
  previous_active_projects: number;
}

/**
 * Each client's complaints and active projects in the week and the week before, in one
 * statement (the definitions are in src/insights/domain/riskSignal.ts). Clients with
 * nothing in either week are left out.
 */
/** How long a run's claim to announce an audit holds before another run may take it over (longer than notify's retries). */
export const NOTIFY_CLAIM_MINUTES = 90;

export async function countComplaints(em: EntityManager, weekStart: string): Promise<ClientCounts[]> {
  const { start, end } = weekBounds(weekStart);
  const { start: previousStart } = weekBounds(addWeeks(weekStart, -1));
  const rows = await em.execute<CountRow[]>(
    `with bounds as (select ?::timestamptz as start_at, ?::timestamptz as end_at, ?::timestamptz as previous_start_at),
     lifetimes as (
       select p.client_id, p.created_at,
         coalesce(
           (select min(e.occurred_at) from timeline_event e where e.project_id = p.id and e.to_stage in ('CLOSED', 'CANCELLED')),
           case when p.stage in ('CLOSED', 'CANCELLED') then p.updated_at end,
           'infinity'::timestamptz
         ) as finished_at
       from project p, bounds b where p.created_at < b.end_at
     ),
     projects as (
       select l.client_id,
         count(*) filter (where l.finished_at >= b.start_at)::int as active_projects,
         count(*) filter (where l.created_at < b.start_at and l.finished_at >= b.previous_start_at)::int as previous_active_projects
       from lifetimes l, bounds b group by l.client_id
     ),
     complaints as (
       select t.client_id,
         count(*) filter (where t.opened_at >= b.start_at)::int as complaints,
         count(*) filter (where t.opened_at < b.start_at)::int as previous_complaints
       from ticket t, bounds b
       where t.category = 'COMPLAINT' and t.opened_at >= b.previous_start_at and t.opened_at < b.end_at
       group by t.client_id
     )
     select c.id as client_id, c.name as client_name,
       coalesce(k.complaints, 0) as complaints, coalesce(p.active_projects, 0) as active_projects,
       coalesce(k.previous_complaints, 0) as previous_complaints, coalesce(p.previous_active_projects, 0) as previous_active_projects
     from client c
     left join projects p on p.client_id = c.id
     left join complaints k on k.client_id = c.id
     where coalesce(k.complaints, 0) + coalesce(p.active_projects, 0) + coalesce(k.previous_complaints, 0) + coalesce(p.previous_active_projects, 0) > 0
     order by c.name, c.id`,
    [start, end, previousStart],
  );
  return rows.map((row) => ({
    clientId: row.client_id,
    clientName: row.client_name,
    current: { complaints: row.complaints, activeProjects: row.active_projects },
    previous: { complaints: row.previous_complaints, activeProjects: row.previous_active_projects },
  }));
}

function keptMeasurement(run: RiskSignalRun): RiskMeasurement {
  return {
    weekStart: run.weekStart,
    agency: {
      current: { complaints: run.complaints, activeProjects: run.activeProjects },
      previous: { complaints: run.previousComplaints, activeProjects: run.previousActiveProjects },
    },
    clients: run.clients,
    computedAt: run.computedAt.toISOString(),
    measuredBefore: true,
  };
}

export function createRiskSignalActivities(orm: MikroORM) {
  return {
    /**
     * The week's complaint counts per client and for the agency. Measured once: the first
     * call keeps them (`risk_signal_run`), every later one for the week (a retry, the week
     * run again, a backfill) answers what was kept, with `measuredBefore: true`. A week that
     * has not ended is refused for good (WEEK_NOT_OVER): its figures are not final.
     */
    async measureComplaintRates(weekStart: string): Promise<RiskMeasurement> {
      checkWeek(weekStart);
      const em = orm.em.fork();
      const kept = await em.findOne(RiskSignalRun, { weekStart });
      if (kept) return keptMeasurement(kept);
      if (weekBounds(weekStart).end.getTime() > Date.now()) {
        // Kept figures of a week still under way would be wrong for good.
        throw ApplicationFailure.create({ type: 'WEEK_NOT_OVER', message: `The week of ${weekStart} has not ended yet; it can be measured from its end on.`, nonRetryable: true });
      }
      const clients = await countComplaints(em, weekStart);
      const agency = agencyCounts(clients);
      const verdict = judgeRise(agency);
      const computedAt = new Date();
      const inserted = await em.execute<{ week_start: string }[]>(
        `insert into risk_signal_run (week_start, computed_at, complaints, active_projects, previous_complaints, previous_active_projects, rate, previous_rate, change, clients)
         values (?::date, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
         on conflict (week_start) do nothing returning week_start`,
        [
          weekStart,
          computedAt,
          agency.current.complaints,
          agency.current.activeProjects,
          agency.previous.complaints,
          agency.previous.activeProjects,
          verdict.rate,
          verdict.previousRate,
          verdict.change,
          JSON.stringify(clients),
        ],
      );
      if (inserted.length === 0) {
        // Another run measured the week at the same moment: its figures are the week's.
        return keptMeasurement((await em.findOneOrFail(RiskSignalRun, { weekStart }, { refresh: true })));
      }
      return { weekStart, agency, clients, computedAt: computedAt.toISOString(), measuredBefore: false };
    },

    /**
     * Opens an audit for each rise, once per week and scope (`on conflict do nothing`): the
     * owner is the client's dedicated CSM (when that user is a CSM or an ADMIN), else the
     * first ADMIN; due RISK_RULE.auditBusinessDays business days from now. Answers how many
     * it opened and the audits this run is to announce: those of these scopes, and of any
     * earlier week, whose notification has not been delivered, each claimed for this run
     * (`notify_claimed_at`) so that two runs at once never both announce it; a claim older
     * than NOTIFY_CLAIM_MINUTES (a run that stopped half-way) is taken over.
     */
    async openServiceAudits(request: { weekStart: string; audits: AuditRequest[] }): Promise<{ opened: number; toNotify: OpenedAudit[] }> {
      checkWeek(request.weekStart);
      if (request.audits.length === 0) return { opened: 0, toNotify: [] };
      const em = orm.em.fork();
      const [admin] = await em.execute<{ username: string }[]>(`select username from app_user where role = 'ADMIN' order by created_at, username limit 1`);
      if (!admin) {
        throw ApplicationFailure.create({ type: 'NO_AUDIT_OWNER', message: 'No ADMIN user exists to own service audits.', nonRetryable: true });
      }
      const now = Date.now();
      const rows = request.audits.map((audit) => ({
        id: randomUUID(),
        scope: audit.scope,
        scope_key: auditScopeKey(audit.clientId),
        client_id: audit.clientId,
        complaints: audit.current.complaints,
        active_projects: audit.current.activeProjects,
        previous_complaints: audit.previous.complaints,
        previous_active_projects: audit.previous.activeProjects,
        rate: audit.verdict.rate,
        previous_rate: audit.verdict.previousRate,
        change: audit.verdict.change,
        reason: audit.verdict.reason,
      }));
      const opened = await em.execute<{ id: string }[]>(
        `insert into service_audit (id, week_start, scope, scope_key, client_id, complaints, active_projects, previous_complaints, previous_active_projects,
           rate, previous_rate, change, reason, owner, due_at, status, created_at)
         select w.id, ?::date, w.scope, w.scope_key, w.client_id, w.complaints, w.active_projects, w.previous_complaints, w.previous_active_projects,
           w.rate, w.previous_rate, w.change, w.reason, coalesce(csm.username, ?), ?, 'OPEN', ?
         from jsonb_to_recordset(?::jsonb) as w(id uuid, scope text, scope_key text, client_id uuid, complaints int, active_projects int,
           previous_complaints int, previous_active_projects int, rate float8, previous_rate float8, change float8, reason text)
         left join client c on c.id = w.client_id
         left join app_user csm on csm.username = c.dedicated_csm and csm.role in ('CSM', 'ADMIN')
         on conflict (week_start, scope, scope_key) do nothing
         returning id`,
        [request.weekStart, admin.username, new Date(auditDueAt(now)), new Date(now), JSON.stringify(rows)],
      );
      const claimed = await em.execute<{ id: string }[]>(
        `update service_audit set notify_claimed_at = now()
         where notified_at is null
           and (notify_claimed_at is null or notify_claimed_at < now() - make_interval(mins => ?))
           and ((week_start = ?::date and scope_key in (?)) or week_start < ?::date)
         returning id`,
        [NOTIFY_CLAIM_MINUTES, request.weekStart, rows.map((row) => row.scope_key), request.weekStart],
      );
      const pending = await em.find(ServiceAudit, { id: { $in: claimed.map((row) => row.id) } }, { populate: ['client'], orderBy: { weekStart: 'asc', scope: 'asc', scopeKey: 'asc' } });
      return {
        opened: opened.length,
        toNotify: pending.map((audit) => ({
          auditId: audit.id,
          weekStart: audit.weekStart,
          scope: audit.scope,
          clientId: audit.client?.id ?? null,
          clientName: audit.client?.name ?? null,
          owner: audit.owner,
          dueAt: audit.dueAt.toISOString(),
          complaints: audit.complaints,
          activeProjects: audit.activeProjects,
          // Postgres's double precision comes back as a number or, for some values, a string.
          rate: Number(audit.rate),
          previousRate: audit.previousRate === null || audit.previousRate === undefined ? null : Number(audit.previousRate),
          change: audit.change === null || audit.change === undefined ? null : Number(audit.change),
          reason: audit.reason,
        })),
      };
    },

    /** Records that the audit's notification was delivered, so no later run of its week sends it again. */
    async markServiceAuditNotified(auditId: string): Promise<void> {
      await orm.em.fork().getConnection().execute(`update service_audit set notified_at = now() where id = ? and notified_at is null`, [auditId]);
    },
  };
}

export type RiskSignalActivities = ReturnType<typeof createRiskSignalActivities>;
