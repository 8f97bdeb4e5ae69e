/**
 * Scenario 5, scale: open project workflows started through the API up to the target,
 * timeline events and tickets copied by SQL up to theirs; then the API process's memory
 * (worker and API share it, as in `npm start`), `project(id)` at c=16, the service
 * dashboard and the SLA breach report (GraphQL and CSV) at c=1.
 */
import { bearer, sendAll, type BenchContext } from '../benchContext.js';
import { measureAlternating, type CellResult } from '../measurement.js';
import { BREACH_REPORT_QUERY, createProjectRequest, DASHBOARD_QUERY, graphql, PROJECT_QUERY } from '../operations.js';
import { rssMiBOf } from '../processStats.js';
import { replicateProjects, replicateTickets, replicateTimelineEvents } from '../replication.js';

export interface ScaleResult {
  openWorkflows: number;
  projects: number;
  timelineEvents: number;
  tickets: number;
  startedThroughApiPerSecond: number;
  appRssMiB: number;
  cells: CellResult[];
}

async function count(context: BenchContext, sql: string): Promise<number> {
  return Number((await context.db.query<{ n: string }>(sql)).rows[0]!.n);
}

export async function scale(context: BenchContext): Promise<ScaleResult> {
  const { tokens } = context.systemUnderTest.ready;
  const open = await count(context, `select count(*) as n from project where workflow_id not like 'bench-copy-%' and stage not in ('CLOSED', 'CANCELLED')`);
  const missing = Math.max(0, context.options.scaleWorkflows - open);
  let startedThroughApiPerSecond = NaN;
  if (missing > 0) {
    const started = await sendAll(context, context.appOrigin, bearer(tokens.lead), Array.from({ length: missing }, (_, index) => createProjectRequest(100_000 + index)), 16);
    startedThroughApiPerSecond = started.requestsPerSecond;
    context.log(`started ${missing} more project workflows through the API (${started.requestsPerSecond.toFixed(1)}/s)`);
  }
  await replicateProjects(context.db, context.options.scaleWorkflows);
  await replicateTimelineEvents(context.db, context.options.scaleTimelineEvents);
  await replicateTickets(context.db, context.options.scaleTickets);
  await context.db.query('analyze');
  const result: Omit<ScaleResult, 'cells'> = {
    openWorkflows: await count(context, `select count(*) as n from project where workflow_id not like 'bench-copy-%' and stage not in ('CLOSED', 'CANCELLED')`),
    projects: await count(context, 'select count(*) as n from project'),
    timelineEvents: await count(context, 'select count(*) as n from timeline_event'),
    tickets: await count(context, 'select count(*) as n from ticket'),
    startedThroughApiPerSecond,
    appRssMiB: rssMiBOf(context.systemUnderTest.pid),
  };
  context.log(`scale data: ${JSON.stringify(result)}`);

  const projectIds = (await context.db.query<{ id: string }>('select id from project order by md5(id::text) limit 1000')).rows.map((row) => row.id);
  const to = new Date();
  const from = new Date(to.getTime() - 365 * 24 * 3600 * 1000);
  const lead = bearer(tokens.lead);
  const admin = bearer(tokens.admin);
  const cells: CellResult[] = [];
  const specs = [
    { scenario: 'scale: project(id)', system: 'app', concurrency: 16, job: { origin: context.appOrigin, headers: lead, requests: projectIds.map((id) => graphql(PROJECT_QUERY, { id })) } },
    { scenario: 'scale: serviceDashboard', system: 'app', concurrency: 1, job: { origin: context.appOrigin, headers: admin, requests: [graphql(DASHBOARD_QUERY, { from: from.toISOString(), to: to.toISOString() })] } },
    { scenario: 'scale: slaBreachReport', system: 'app', concurrency: 1, job: { origin: context.appOrigin, headers: admin, requests: [graphql(BREACH_REPORT_QUERY)] } },
    {
      scenario: 'scale: sla-breaches.csv',
      system: 'app',
      concurrency: 1,
      job: { origin: context.appOrigin, headers: admin, requests: [{ method: 'GET' as const, path: '/reports/sla-breaches.csv?groupBy=AGENT' }] },
    },
  ];
  cells.push(...(await measureAlternating(context.measurement, specs, 1, context.log)));
  return { ...result, appRssMiB: Math.max(result.appRssMiB, rssMiBOf(context.systemUnderTest.pid)), cells };
}
