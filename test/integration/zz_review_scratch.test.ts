import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO_DEFAULT_SEED, startOfUtcDay } from '../../src/insights/demo/demoDataSet.js';
import { writeDemoData } from '../../src/insights/demo/writeDemoData.js';
import { serviceDashboard } from '../../src/insights/services/dashboard.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

let app: TestApplication;
const out: Record<string, unknown> = {};
const notifications: string[] = [];
const until = startOfUtcDay();
const DAY = 86_400_000;

const I = 'value sampleSize previous { value sampleSize } change reference note';
const Q = `query ($from: DateTimeISO!, $to: DateTimeISO!, $filter: ServiceDashboardFilter) {
  serviceDashboard(from: $from, to: $to, filter: $filter) {
    from to previousFrom
    requirementCycleDays { ${I} } communicationRounds { ${I} } validationGapRate { ${I} }
    onTimeDeliveryRate { ${I} } complaintRate { ${I} } nps { ${I} } renewalRate { ${I} }
    stressTestFirstPassRate { ${I} } medianFirstResponseHours { ${I} } firstResponseHitRate { ${I} }
    reviewRoundsPerProject { ${I} }
    developmentDaysPerCommunicationRound { estimate lower upper sampleSize enoughData }
    npsServiceReviewWithin90Days { estimate lower upper sampleSize enoughData groups { group value sampleSize } }
  } }`;

beforeAll(async () => {
  app = await startTestApplication({ notifications: { writeLog: (line) => notifications.push(line) } });
  await writeDemoData(app.orm, { seed: DEMO_DEFAULT_SEED, until });
});

afterAll(async () => {
  writeFileSync('/tmp/review_out.json', JSON.stringify(out, null, 2));
  await app?.stop();
});

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)]! + s[Math.ceil(m)]!) / 2;
};

/** Independent recomputation from raw rows, JS side. */
async function recompute(from: Date, to: Date, filter: { tier?: string; packageCode?: string; projectLead?: string; clientId?: string }) {
  const projects = await app.sql(`select p.id, p.client_id, p.created_at, p.service_package_code, p.project_lead, p.planned_delivery_at, c.tier from project p join client c on c.id = p.client_id`);
  const inScope = projects.filter(
    (p) =>
      (!filter.tier || p.tier === filter.tier) &&
      (!filter.packageCode || p.service_package_code === filter.packageCode) &&
      (!filter.projectLead || p.project_lead === filter.projectLead) &&
      (!filter.clientId || p.client_id === filter.clientId),
  );
  const ids = new Set(inScope.map((p) => p.id));
  const byId = new Map(inScope.map((p) => [p.id, p]));
  const events = (await app.sql(`select project_id, seq, type, occurred_at, details from timeline_event order by project_id, seq`)).filter((e) => ids.has(e.project_id));
  const first = (type: string) => {
    const m = new Map<string, any>();
    for (const e of events) if (e.type === type && !m.has(e.project_id)) m.set(e.project_id, e);
    return m;
  };
  const inP = (d: Date, a: Date, b: Date) => d.getTime() >= a.getTime() && d.getTime() < b.getTime();
  const period = (a: Date, b: Date) => {
    const so = [...first('REQUIREMENTS_SIGNED_OFF').values()].filter((e) => inP(e.occurred_at, a, b));
    const cycle = median(so.map((e) => (e.occurred_at.getTime() - byId.get(e.project_id)!.created_at.getTime()) / DAY));
    const vd = events.filter((e) => e.type === 'VALIDATION_DAY_COMPLETED' && inP(e.occurred_at, a, b));
    const results = vd.flatMap((e) => e.details.results as { result: string }[]);
    const gapRate = results.length ? results.filter((r) => r.result === 'GAP').length / results.length : null;
    const acc = [...first('DELIVERY_ACCEPTED').values()].filter((e) => inP(e.occurred_at, a, b) && byId.get(e.project_id)!.planned_delivery_at);
    const onTime = acc.length ? acc.filter((e) => e.occurred_at.getTime() <= byId.get(e.project_id)!.planned_delivery_at.getTime()).length / acc.length : null;
    const reviews = events.filter((e) => e.type === 'SERVICE_REVIEW_SUBMITTED' && inP(e.occurred_at, a, b)).map((e) => e.details.npsScore as number);
    const nps = reviews.length ? (100 * (reviews.filter((s) => s >= 9).length - reviews.filter((s) => s <= 6).length)) / reviews.length : null;
    return { cycle, cycleN: so.length, gapRate, gapN: results.length, onTime, onTimeN: acc.length, nps, npsN: reviews.length };
  };
  // complaint rate
  const closedAt = new Map<string, Date>();
  for (const e of events) if ((e.type === 'PROJECT_CLOSED' || e.type === 'PROJECT_CANCELLED') && !closedAt.has(e.project_id)) closedAt.set(e.project_id, e.occurred_at);
  const tickets = (await app.sql(`select id, project_id, category, opened_at from ticket`)).filter((t) => ids.has(t.project_id));
  const complaint = (a: Date, b: Date) => {
    const active = inScope.filter((p) => p.created_at < b && !(closedAt.has(p.id) && closedAt.get(p.id)! < a)).length;
    const c = tickets.filter((t) => t.category === 'COMPLAINT' && inP(t.opened_at, a, b)).length;
    return { active, complaints: c, rate: active ? c / active : null };
  };
  // slope
  const so = first('REQUIREMENTS_SIGNED_OFF');
  const st = first('STRESS_TEST_STARTED');
  const pts: [number, number][] = [];
  for (const e of first('DELIVERY_ACCEPTED').values()) {
    if (!inP(e.occurred_at, from, to)) continue;
    const s = so.get(e.project_id);
    const t = st.get(e.project_id);
    if (!s || !t || !(t.occurred_at > s.occurred_at)) continue;
    pts.push([s.details.communicationRounds, (t.occurred_at.getTime() - s.occurred_at.getTime()) / DAY]);
  }
  const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  const slope = pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  const prevFrom = new Date(2 * from.getTime() - to.getTime());
  return { current: { ...period(from, to), ...complaint(from, to) }, previous: { ...period(prevFrom, from), ...complaint(prevFrom, from) }, slope, slopeN: pts.length };
}

describe('review: figures', () => {
  it('compares dashboard to independent recomputation', async () => {
    const cases = [
      { from: new Date(until.getTime() - 200 * DAY + 7 * 3600_000 + 13 * 60_000), to: new Date(until.getTime() - 20 * DAY + 3000), filter: {} },
      { from: new Date(until.getTime() - 120 * DAY), to: new Date(until.getTime() - 30 * DAY), filter: { tier: 'B' } },
      { from: new Date(until.getTime() - 365 * DAY), to: until, filter: { packageCode: 'STANDARD', projectLead: 'sam.pm' } },
    ];
    const res: unknown[] = [];
    for (const c of cases) {
      const t0 = Date.now();
      const r = await app.gql(Q, { from: c.from.toISOString(), to: c.to.toISOString(), filter: c.filter }, { as: 'admin' });
      const ms = Date.now() - t0;
      const mine = await recompute(c.from, c.to, c.filter as any);
      res.push({ case: c, ms, errors: r.errors, dash: r.data, mine });
    }
    out.figures = res;
  });

  it('edge periods and filters', async () => {
    const probes: Record<string, unknown> = {};
    const run = async (name: string, vars: Record<string, unknown>, as = 'admin') => {
      const r = await app.gql(Q, vars, { as });
      probes[name] = r.errors ? { errors: r.errors } : { data: r.data };
    };
    await run('past1990', { from: '1990-01-01T00:00:00Z', to: '1990-02-01T00:00:00Z' });
    await run('future2100', { from: '2100-01-01T00:00:00Z', to: '2101-01-01T00:00:00Z' });
    await run('year0001', { from: '0001-01-01T00:00:00Z', to: '0003-12-31T00:00:00Z' });
    await run('year9999', { from: '9998-01-01T00:00:00Z', to: '9999-12-31T23:59:59Z' });
    await run('nomatchClient', { from: '2020-01-01T00:00:00Z', to: '2022-12-31T00:00:00Z', filter: { clientId: randomUUID() } });
    await run('nomatchLead', { from: new Date(until.getTime() - 365 * DAY).toISOString(), to: until.toISOString(), filter: { projectLead: 'nobody' } });
    await run('equal', { from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    await run('inverted', { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    await run('tooLong', { from: '2020-01-01T00:00:00Z', to: '2023-01-01T00:00:00.001Z' });
    await run('badDate', { from: '2026-02-30T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    await run('garbageDate', { from: 'yesterday', to: '2026-03-01T00:00:00Z' });
    await run('oneMs', { from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.001Z' });
    await run('nulLead', { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', filter: { projectLead: 'a\u0000b' } });
    await run('nulPkg', { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', filter: { packageCode: 'S\u0000' } });
    await run('longLead', { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', filter: { projectLead: 'x'.repeat(5000) } });
    await run('badTier', { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', filter: { tier: 'Z' } });
    await run('badUuid', { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', filter: { clientId: 'nope' } });
    await run('offsetTz', { from: '2026-01-01T00:00:00+14:00', to: '2026-03-01T00:00:00-12:00' });
    for (const as of ['lin.pm', 'mia.csm', 'acme.client']) await run(`as_${as}`, { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, as);
    const anon = await app.gql(`{ serviceDashboard(from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z") { nps { value } } }`, {}, { as: null });
    probes.anon = anon;
    const csmCost = await app.gql(`{ serviceDashboard(from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z") { nps { value } costShares { phase share { value } } } }`, {}, { as: 'mia.csm' });
    probes.csmCost = csmCost;
    const adminCost = await app.gql(`{ serviceDashboard(from: "${new Date(until.getTime() - 365 * DAY).toISOString()}", to: "${until.toISOString()}") { costShares { phase share { value sampleSize reference previous { value sampleSize } } } } }`, {}, { as: 'admin' });
    probes.adminCost = adminCost;
    out.edges = probes;
  });

  it('explains and times the statements', async () => {
    const statements: { sql: string; params: unknown[] }[] = [];
    const em = app.orm.em.fork();
    const spy = new Proxy(em, {
      get(target, prop, receiver) {
        if (prop === 'execute') {
          return async (sql: string, params: unknown[], ...rest: unknown[]) => {
            statements.push({ sql, params });
            return (target as any).execute(sql, params, ...rest);
          };
        }
        const v = Reflect.get(target, prop, target); return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const viewer = { userId: '00000000-0000-4000-8000-000000000a01', username: 'admin', role: 'ADMIN' as const, clientId: null };
    const t0 = Date.now();
    await serviceDashboard({ em: spy as any, viewer }, { from: new Date(until.getTime() - 365 * DAY), to: until });
    const total = Date.now() - t0;
    const plans: unknown[] = [];
    for (const s of statements) {
      const rows = await em.fork().execute(`explain (analyze, format text) ${s.sql}`, s.params as any[]);
      plans.push({ sql: s.sql.slice(-400), plan: rows.map((r: any) => r['QUERY PLAN']).join('\n') });
    }
    const counts = await app.sql(`select (select count(*) from timeline_event) as events, (select count(*) from ticket) as tickets, (select count(*) from project) as projects`);
    out.explain = { total, statements: statements.length, counts, plans };
  });
});
