import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { addWeeks, auditDueAt, previousWeekStart, weekStartMillis, DAY_MS, RISK_RULE } from '../../src/insights/domain/riskSignal.js';
import { ensureRiskSignalSchedule, RISK_SIGNAL_SCHEDULE_COMMENT, RISK_SIGNAL_SCHEDULE_ID } from '../../src/insights/services/riskSignalSchedule.js';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The weekly risk signal against the real stack (Postgres, Temporal dev server, worker, API
 * over HTTP): the schedule exists once the worker has started, and a backfill opens a
 * service audit for a client whose complaint rate rose 20 % or more (and for the agency,
 * whose rate rose too) but not for one whose rate held, announces each through the notify
 * activity, and changes nothing when the same week runs again, even after a late complaint.
 *
 * Complaints in past weeks cannot be opened through the API (a ticket opens now), so their
 * `ticket` rows are written directly, on projects made through the API and dated back.
 */

const [ACME, GLOBEX] = SEED_CLIENTS;

let app: TestApplication;
/** The log sink's lines: one per notification the notify activity delivered. */
const lines: string[] = [];

/** The week measured (two weeks before the last complete one), the one before it, and the one before that. */
const W = addWeeks(previousWeekStart(Date.now()), -1);
const P = addWeeks(W, -1);
const P1 = addWeeks(W, -2);
/** The week before P1: the projects' first (they were created in it), for two runs at once. */
const Q0 = addWeeks(W, -3);

const auditNotifications = () =>
  lines
    .map((line) => JSON.parse(line))
    .filter((line) => line.kind === 'SERVICE_AUDIT_OPENED')
    .map((line) => line.notification);

async function createProject(clientId: string, name: string): Promise<string> {
  const input = { clientId, name, packageCode: 'STANDARD', projectLead: 'lin.pm' };
  return ok(await app.gql<{ createProject: { id: string } }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input })).createProject.id;
}

/** A complaint ticket opened `hours` into the week starting `weekStart`, closed an hour later. */
async function complaint(projectId: string, clientId: string, weekStart: string, hours: number): Promise<void> {
  await app.sql(
    `insert into ticket (id, project_id, client_id, title, description, channel, severity, category, status, affected_users, opened_by, opened_at, closed_at,
       policy_version, calendar, sla_state, sla_breached, workflow_id, projected_seq, updated_at)
     values (gen_random_uuid(), $1, $2, 'Slow pages', 'A complaint of the past', 'PORTAL', 'MEDIUM', 'COMPLAINT', 'CLOSED', 1, 'test', $3, $3::timestamptz + interval '1 hour',
       1, '{}'::jsonb, '{}'::jsonb, false, 'ticket-' || gen_random_uuid(), 1, now())`,
    [projectId, clientId, new Date(weekStartMillis(weekStart) + hours * 3_600_000)],
  );
}

const BACKFILL = `mutation ($input: BackfillRiskSignalInput!) { backfillRiskSignal(input: $input) {
  weekStart isoWeek complaints activeProjects previousComplaints previousActiveProjects rate previousRate change rise reason
  clientsMeasured measuredBefore auditsOpened notificationsSent notificationsPending } }`;
const backfill = (from: string, to: string, as = 'admin') => app.gql<{ backfillRiskSignal: any[] }>(BACKFILL, { input: { from, to } }, { as });

const AUDITS = `query ($status: ServiceAuditStatus, $owner: String) { serviceAudits(status: $status, owner: $owner) {
  id weekStart isoWeek scope client { id name } complaints activeProjects previousComplaints previousActiveProjects rate previousRate change reason
  owner dueAt status createdAt notifiedAt completedAt completedBy note } }`;
const audits = async (variables: Record<string, unknown> = {}, as = 'mia.csm') => ok(await app.gql<{ serviceAudits: any[] }>(AUDITS, variables, { as })).serviceAudits;

beforeAll(async () => {
  app = await startTestApplication({ notifications: { writeLog: (line) => lines.push(line) } });
  // Two projects for each seeded client, active since before P1.
  const acme = [await createProject(ACME!.id, 'Acme shop'), await createProject(ACME!.id, 'Acme app')];
  const globex = [await createProject(GLOBEX!.id, 'Globex portal'), await createProject(GLOBEX!.id, 'Globex intranet')];
  await app.sql(`update project set created_at = $1`, [new Date(weekStartMillis(P1) - DAY_MS)]);
  // Acme: 1, 1, then 3 complaints (0.5, 0.5, 1.5 per project): its rate triples in W.
  // Globex: 2 complaints each week (1.0 per project): no change.
  // The agency: 3, 3, then 5 over 4 projects (0.75, 0.75, 1.25): up 67 % in W.
  for (const week of [P1, P]) {
    await complaint(acme[0]!, ACME!.id, week, 30);
    await complaint(globex[0]!, GLOBEX!.id, week, 40);
    await complaint(globex[1]!, GLOBEX!.id, week, 50);
  }
  for (const hours of [10, 60, 100]) await complaint(acme[hours % 2]!, ACME!.id, W, hours);
  await complaint(globex[0]!, GLOBEX!.id, W, 20);
  await complaint(globex[1]!, GLOBEX!.id, W, 150);
  // Q0: two Acme complaints in the projects' first week (nothing active the week before: a rise).
  for (const hours of [140, 160]) await complaint(acme[0]!, ACME!.id, Q0, hours);
});

afterAll(async () => {
  await app?.stop();
});

describe('the weekly schedule', () => {
  it('exists once the worker has started: Mondays at 06:00 UTC, starting weeklyRiskSignal', async () => {
    const description = await app.temporal.schedule.getHandle(RISK_SIGNAL_SCHEDULE_ID).describe();
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'weeklyRiskSignal', args: [{}] });
    expect(description.action.workflowId).toBe('risk-signal-weekly');
    expect(description.spec.calendars).toHaveLength(1);
    expect(description.spec.calendars![0]).toMatchObject({
      comment: RISK_SIGNAL_SCHEDULE_COMMENT,
      dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }],
      hour: [{ start: 6, end: 6, step: 1 }],
      minute: [{ start: 0, end: 0, step: 1 }],
    });
    expect(description.state.paused).toBe(false);
    expect(description.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: DAY_MS });
    // Its next runs, as the Temporal UI lists them: Mondays, 06:00 UTC, in the future.
    const next = description.info.nextActionTimes[0]!;
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.toISOString()).toMatch(/T06:00:00\.000Z$/);
    expect(next.getUTCDay()).toBe(1);
  });

  it('is created once and brought back to its definition when it drifted', async () => {
    const handle = app.temporal.schedule.getHandle(RISK_SIGNAL_SCHEDULE_ID);
    await handle.update((previous) => ({ ...previous, spec: { calendars: [{ dayOfWeek: 'TUESDAY', hour: 9, comment: 'changed by hand' }] } }));
    expect(await ensureRiskSignalSchedule(app.temporal, app.taskQueue)).toBe('UPDATED');
    const restored = await handle.describe();
    expect(restored.spec.calendars![0]).toMatchObject({ comment: RISK_SIGNAL_SCHEDULE_COMMENT, hour: [{ start: 6, end: 6, step: 1 }] });
    // Again: it exists, nothing to create. (Test files share one Temporal server with a task
    // queue each, so another file's worker starting meanwhile may point it at its own queue.)
    expect(['UNCHANGED', 'UPDATED']).toContain(await ensureRiskSignalSchedule(app.temporal, app.taskQueue));
  });
});

describe('backfilling a week', () => {
  it('is for ADMINs only', async () => {
    for (const as of ['lin.pm', 'mia.csm', 'acme.client']) {
      const response = await backfill(W, W, as);
      expect(response.errors?.[0]?.extensions?.code, as).toBe('FORBIDDEN');
    }
    expect((await backfill(W, W, null as unknown as string)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Nothing ran.
    expect(await app.sql(`select * from risk_signal_run`)).toEqual([]);
  });

  it('refuses weeks that have not ended and ranges over two years', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const future = await backfill(W, today);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const long = await backfill(addWeeks(W, -RISK_RULE.maxBackfillWeeks), W);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const backwards = await backfill(W, P);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(await app.sql(`select * from risk_signal_run`)).toEqual([]);
  });

  it("opens an audit for the client whose rate rose 20 % or more and for the agency, not for the client whose rate held, and announces each", async () => {
    const [week] = ok(await backfill(W, W)).backfillRiskSignal;
    expect(week).toMatchObject({
      weekStart: W,
      complaints: 5,
      activeProjects: 4,
      previousComplaints: 3,
      previousActiveProjects: 4,
      rate: 1.25,
      previousRate: 0.75,
      rise: true,
      clientsMeasured: 2,
      measuredBefore: false,
      auditsOpened: 2,
      notificationsSent: 2,
      notificationsPending: 0,
    });
    expect(week.change).toBeCloseTo(2 / 3, 10);
    const rows = await app.sql(`select scope, client_id, owner, notified_at from service_audit order by scope`);
    expect(rows.map((r) => [r.scope, r.client_id, r.owner])).toEqual([
      ['AGENCY', null, 'admin'],
      ['CLIENT', ACME!.id, 'mia.csm'],
    ]);
    expect(rows.every((r) => r.notified_at !== null)).toBe(true);
    // Through the notify activity, to the log sink (and a webhook, when configured), once each.
    expect(auditNotifications().map((n) => [n.deliveryId, n.owner])).toEqual([
      [`audit:${W}:AGENCY:agency`, 'admin'],
      [`audit:${W}:CLIENT:${ACME!.id}`, 'mia.csm'],
    ]);
    // The week's workflow, as the Temporal UI shows it.
    const run = await app.temporal.workflow.getHandle(`risk-signal-${W}`).describe();
    expect(run).toMatchObject({ type: 'weeklyRiskSignal', status: { name: 'COMPLETED' }, taskQueue: app.taskQueue });
  });

  it('lists the audits in the API with owner and due date, for the staff who deal with clients', async () => {
    const list = await audits();
    expect(list).toHaveLength(2);
    const [agency, acme] = list;
    expect(agency).toMatchObject({ weekStart: W, scope: 'AGENCY', client: null, owner: 'admin', status: 'OPEN', complaints: 5, activeProjects: 4, rate: 1.25, previousRate: 0.75 });
    expect(acme).toMatchObject({
      weekStart: W,
      scope: 'CLIENT',
      client: { id: ACME!.id, name: ACME!.name },
      owner: 'mia.csm',
      status: 'OPEN',
      complaints: 3,
      activeProjects: 2,
      previousComplaints: 1,
      previousActiveProjects: 2,
      rate: 1.5,
      previousRate: 0.5,
      change: 2,
      completedAt: null,
      note: null,
    });
    expect(acme.isoWeek).toMatch(/^\d{4}-W\d{2}$/);
    expect(acme.reason).toContain('up 200 %');
    expect(acme.notifiedAt).not.toBeNull();
    // Due five business days after it opened.
    expect(Date.parse(acme.dueAt)).toBe(auditDueAt(Date.parse(acme.createdAt)));
    // 5 to 7 calendar days, by the weekday it opened on (from a Sunday 5, from a Saturday 6, else 7).
    expect(Date.parse(acme.dueAt) - Date.parse(acme.createdAt)).toBeGreaterThanOrEqual(5 * DAY_MS);
    expect(Date.parse(acme.dueAt) - Date.parse(acme.createdAt)).toBeLessThanOrEqual(7 * DAY_MS);
    expect(list.some((audit) => audit.client?.id === GLOBEX!.id)).toBe(false);
    // ADMIN, LEAD and CSM read them; a CLIENT may not.
    expect(await audits({}, 'lin.pm')).toHaveLength(2);
    expect(await audits({ owner: 'mia.csm' }, 'admin')).toHaveLength(1);
    expect((await app.gql(AUDITS, {}, { as: 'acme.client' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('run again for the same week (with a week before it), changes nothing and sends nothing new, even after a late complaint', async () => {
    const before = await app.sql(`select * from service_audit order by id`);
    const [acmeProject] = await app.sql<{ id: string }>(`select id from project where client_id = $1 limit 1`, [ACME!.id]);
    await complaint(acmeProject!.id, ACME!.id, W, 120); // written after W was measured
    const weeks = ok(await backfill(P, addWeeks(W, 0))).backfillRiskSignal;
    expect(weeks.map((w) => w.weekStart)).toEqual([P, W]);
    // W: the figures kept when it was first measured (5 complaints, not 6), nothing opened or sent.
    expect(weeks[1]).toMatchObject({ measuredBefore: true, complaints: 5, rate: 1.25, rise: true, auditsOpened: 0, notificationsSent: 0 });
    // P: measured now, and its rates held (0.75 against 0.75; Acme's single complaint never signals).
    expect(weeks[0]).toMatchObject({ measuredBefore: false, complaints: 3, activeProjects: 4, previousComplaints: 3, rate: 0.75, change: 0, rise: false, auditsOpened: 0 });
    expect(await app.sql(`select * from service_audit order by id`)).toEqual(before);
    expect(auditNotifications()).toHaveLength(2);
    expect((await app.sql(`select week_start::text as week from risk_signal_run order by week_start`)).map((r) => r.week)).toEqual([P, W]);
  });
});

describe('completing an audit', () => {
  it("is for its owner or an ADMIN: DONE with the note, who and when; done again, it is answered as it is", async () => {
    const COMPLETE = `mutation ($input: CompleteServiceAuditInput!) { completeServiceAudit(input: $input) { id status completedBy completedAt note } }`;
    const acme = (await audits()).find((audit) => audit.scope === 'CLIENT')!;
    const notOwner = await app.gql(COMPLETE, { input: { id: acme.id, note: 'Looked at it' } }, { as: 'noah.csm' });
    expect(notOwner.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'NOT_AUDIT_OWNER' });
    const empty = await app.gql(COMPLETE, { input: { id: acme.id, note: '' } }, { as: 'mia.csm' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const done = ok(await app.gql<{ completeServiceAudit: any }>(COMPLETE, { input: { id: acme.id, note: 'Slow checkout pages; caching fixed, weekly check-in agreed.' } }, { as: 'mia.csm' })).completeServiceAudit;
    expect(done).toMatchObject({ id: acme.id, status: 'DONE', completedBy: 'mia.csm', note: 'Slow checkout pages; caching fixed, weekly check-in agreed.' });
    const again = ok(await app.gql<{ completeServiceAudit: any }>(COMPLETE, { input: { id: acme.id, note: 'Another note' } }, { as: 'admin' })).completeServiceAudit;
    expect(again).toEqual(done);
    expect((await audits({ status: 'OPEN' })).map((audit) => audit.scope)).toEqual(['AGENCY']);
    const unknown = await app.gql(COMPLETE, { input: { id: '7a6a5f1e-2f0c-4c7e-9b1d-3f7e4e0c9a11', note: 'x' } }, { as: 'admin' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('two runs of one week at once', () => {
  it("(the schedule's and a backfill) open each audit once and announce it once", async () => {
    const before = auditNotifications().length;
    const scheduled = app.temporal.workflow.execute('weeklyRiskSignal', { workflowId: `risk-signal-weekly-concurrent-${Q0}`, taskQueue: app.taskQueue, args: [{ weekStart: Q0 }] });
    const [week] = ok(await backfill(Q0, Q0)).backfillRiskSignal;
    const other = (await scheduled) as { notificationsSent: number };
    expect(week).toMatchObject({ weekStart: Q0, complaints: 2, rise: true });
    // Each audit was announced by one run only (the log sink would hide a repeat within one worker process).
    expect(week.notificationsSent + other.notificationsSent).toBe(2);
    const audits = await app.sql(`select scope, notified_at from service_audit where week_start = $1 order by scope`, [Q0]);
    expect(audits.map((a) => a.scope)).toEqual(['AGENCY', 'CLIENT']);
    expect(audits.every((a) => a.notified_at !== null)).toBe(true);
    const sent = auditNotifications().slice(before).map((n) => n.deliveryId);
    expect(sent.sort()).toEqual([`audit:${Q0}:AGENCY:agency`, `audit:${Q0}:CLIENT:${ACME!.id}`]);
  });
});
