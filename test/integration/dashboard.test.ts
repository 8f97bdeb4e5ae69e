import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The service value dashboard against a small data set built by hand directly in the read
 * model (clients, projects, timeline events, tickets, SLA breaches, costs). Every expected
 * figure is worked out in the comments from the data below, not by running the service's
 * SQL again.
 *
 * The period is June 2025, [day 0, day 30); the previous period is [day −30, day 0).
 *
 * | project | client | package  | lead   | created | what happens (days)                                                                                   |
 * |---------|--------|----------|--------|---------|-------------------------------------------------------------------------------------------------------|
 * | P1      | C1 (A) | STANDARD | lin.pm | −10     | sign-off 2 (3 rounds); change order SCOPE 500 requested 3, approved 4; reviews 5 (client), 8 (none);    |
 * |         |        |          |        |         | validation 6 (4 results, 1 gap); stress started 10, FAILED 12, PASSED 20; accepted 21                   |
 * | P2      | C2 (B) | PREMIUM  | sam.pm | −40     | sign-off −20 (8 rounds); EXTRA_RESEARCH 300 requested −25, approved −24; validation −25 (2, 2 gaps);    |
 * |         |        |          |        |         | stress started −5, PASSED −2; accepted −1; review 15 (score 10); closed 16, contract 50 000              |
 * | P3      | C1 (A) | STANDARD | lin.pm | 1       | sign-off 5 (2 rounds); EXTRA_ITERATION 800 requested 6; review 7 (client); validation 8 (2, 0 gaps);    |
 * |         |        |          |        |         | stress started 9, PASSED 11; accepted 12; service review 25 (score 3); closed 26, contract 20 000       |
 * | P4      | C2 (B) | STANDARD | sam.pm | 40      | nothing (C2's new project after P2 closed: a renewal)                                                  |
 * | P5      | C1 (A) | STANDARD | lin.pm | −60     | cancelled −45                                                                                          |
 * | P6      | C2 (B) | STANDARD | lin.pm | −20     | sign-off −5 (5 rounds); stress started 1, PASSED 3; accepted 4                                         |
 * | P7      | C1 (A) | STANDARD | lin.pm | −200    | accepted −150; service review 10 (score 9), long after 90 days                                         |
 */

let app: TestApplication;

const FROM = new Date('2025-06-01T00:00:00.000Z');
const TO = new Date('2025-07-01T00:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = (n: number, hours = 0) => new Date(FROM.getTime() + n * DAY + hours * HOUR);

const C1 = randomUUID();
const C2 = randomUUID();
const P = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [n, randomUUID()])) as Record<number, string>;

const INDICATOR = 'indicator unit value sampleSize previous { value sampleSize } change reference referenceMin note';
const RELATION = 'estimate lower upper sampleSize enoughData minimumSample unit groups { group value sampleSize } definition';
const DASHBOARD_QUERY = `query ($from: DateTimeISO!, $to: DateTimeISO!, $filter: ServiceDashboardFilter) {
  serviceDashboard(from: $from, to: $to, filter: $filter) {
    from to previousFrom asOf
    requirementCycleDays { ${INDICATOR} }
    communicationRounds { ${INDICATOR} }
    reviewRoundsPerProject { ${INDICATOR} }
    clientAttendanceRate { ${INDICATOR} }
    validationGapRate { ${INDICATOR} }
    stressTestFirstPassRate { ${INDICATOR} }
    changeOrders { kind requested { ${INDICATOR} } approvedValue { ${INDICATOR} } }
    onTimeDeliveryRate { ${INDICATOR} }
    firstResponseHitRate { ${INDICATOR} }
    firstResponseHitRateBySeverity { severity hitRate { ${INDICATOR} } }
    medianFirstResponseHours { ${INDICATOR} }
    complaintRate { ${INDICATOR} }
    complaintRateLastWeek { ${INDICATOR} }
    nps { ${INDICATOR} }
    renewalRate { ${INDICATOR} }
    costShares { phase share { ${INDICATOR} } }
    developmentDaysPerCommunicationRound { ${RELATION} }
    npsServiceReviewWithin90Days { ${RELATION} }
  }
}`;

const dashboard = async (filter: Record<string, unknown> | null = null, as = 'admin') =>
  ok(await app.gql<{ serviceDashboard: any }>(DASHBOARD_QUERY, { from: FROM.toISOString(), to: TO.toISOString(), filter }, { as })).serviceDashboard;

// ---------------------------------------------------------------------------------------
// Building the data set

async function client(id: string, tier: string) {
  await app.sql(`insert into client (id, name, tier, created_at) values ($1, $2, $3, $4)`, [id, `Client ${tier} ${id.slice(0, 4)}`, tier, day(-300)]);
}

async function project(n: number, clientId: string, packageCode: string, lead: string, createdDay: number, stage: string, contractValue: number | null = null) {
  await app.sql(
    `insert into project (id, name, client_id, service_package_code, project_lead, workflow_id, policy, stage, created_at, updated_at, sop_state, contract_value)
     values ($1, $2, $3, $4::varchar, $5, $6, (select policy from service_package where code = $4::varchar), $7, $8, $8, '{}'::jsonb, $9)`,
    [P[n], `P${n}`, clientId, packageCode, lead, `project-${P[n]}`, stage, day(createdDay), contractValue],
  );
}

const seqs = new Map<string, number>();
async function event(n: number, type: string, at: Date, details: unknown = null) {
  const seq = (seqs.get(P[n]!) ?? 0) + 1;
  seqs.set(P[n]!, seq);
  await app.sql(
    `insert into timeline_event (project_id, seq, type, from_stage, to_stage, actor, occurred_at, summary, details) values ($1, $2, $3, 'DEVELOPMENT', 'DEVELOPMENT', 'lin.pm', $4, $3, $5)`,
    [P[n], seq, type, at, JSON.stringify(details)],
  );
}

const signOff = (n: number, at: number, rounds: number) => event(n, 'REQUIREMENTS_SIGNED_OFF', day(at), { note: null, communicationRounds: rounds, confirmedRequirements: 1 });
const review = (n: number, at: number, clientAttendees: string[]) =>
  event(n, 'REVIEW_ROUND_SUBMITTED', day(at), { round: 1, kind: 'REMOTE', outcome: 'APPROVED', feedback: 'ok', clientAttendees, closesGapIds: [] });
const validation = (n: number, at: number, results: ('MET' | 'GAP')[]) =>
  event(n, 'VALIDATION_DAY_COMPLETED', day(at), {
    results: results.map((result, i) => ({ requirementId: `r${i}`, result, note: null })),
    gaps: results.filter((r) => r === 'GAP').length,
  });
const verdict = (n: number, at: number, passed: boolean) =>
  event(n, passed ? 'STRESS_TEST_PASSED' : 'STRESS_TEST_FAILED', day(at), { attempt: 1, passed, checks: 10, failed: 0, availability: 1, errorRate: 0, p95LatencyMs: 100, failures: [], failedChecks: [] });
const changeOrder = (n: number, type: 'CHANGE_ORDER_REQUESTED' | 'CHANGE_ORDER_APPROVED', at: number, kind: string, amount: number) =>
  event(n, type, day(at), { changeOrderId: `co-${kind}`, kind, reason: 'more', amount, note: null });
const serviceReview = (n: number, at: number, npsScore: number) => event(n, 'SERVICE_REVIEW_SUBMITTED', day(at), { npsScore, comment: null });

async function cost(n: number, phase: string, amount: number, at: number) {
  await app.sql(`insert into cost_entry (id, project_id, phase, amount, note, recorded_by, recorded_at) values ($1, $2, $3, $4, null, 'lin.pm', $5)`, [
    randomUUID(),
    P[n],
    phase,
    amount,
    day(at),
  ]);
}

/** A ticket whose first-response clock started when it opened; `respondedAfterHours` null while it runs. */
async function ticket(
  n: number,
  clientId: string,
  t: {
    severity: string;
    category: string;
    openedDay: number;
    calendar: 'ALWAYS' | 'BUSINESS_HOURS';
    targetHours: number;
    respondedAfterHours: number | null;
    breached?: boolean;
    /** Business time to the reply, as the projection stores it; the wall-clock hours unless given (around the clock they agree). */
    businessHoursToReply?: number;
  },
) {
  const id = randomUUID();
  const opened = day(t.openedDay);
  const start = opened.getTime();
  const firstResponse = {
    clock: 'FIRST_RESPONSE',
    round: 1,
    start,
    targetMillis: t.targetHours * HOUR,
    stoppedAt: t.respondedAfterHours === null ? null : start + t.respondedAfterHours * HOUR,
    stoppedBy: t.respondedAfterHours === null ? null : 'RESPONSE',
    sent: [],
  };
  const slaState = { firstResponse, targets: { firstResponseMillis: t.targetHours * HOUR, nextResponseMillis: 1, resolutionMillis: 1, calendar: t.calendar }, breaches: [] };
  await app.sql(
    `insert into ticket (id, project_id, client_id, title, description, channel, severity, category, status, affected_users, opened_by, opened_at,
       policy_version, calendar, sla_state, sla_breached, workflow_id, projected_seq, updated_at, first_response_business_millis)
     values ($1, $2, $3, 'T', 'd', 'PORTAL', $4, $5, 'OPEN', 0, 'acme.client', $6, 1, '{}'::jsonb, $7, $8, $9, 1, $6, $10)`,
    [
      id,
      P[n],
      clientId,
      t.severity,
      t.category,
      opened,
      JSON.stringify(slaState),
      t.breached ?? false,
      `ticket-${id}`,
      t.respondedAfterHours === null ? null : (t.businessHoursToReply ?? t.respondedAfterHours) * HOUR,
    ],
  );
  if (t.breached) {
    const due = new Date(start + 30 * HOUR);
    await app.sql(`insert into sla_breach (ticket_id, clock, round, due_at, recorded_at, late_by_millis, met_at) values ($1, 'FIRST_RESPONSE', 1, $2, $2, 0, null)`, [id, due]);
  }
}

beforeAll(async () => {
  app = await startTestApplication();
  await client(C1, 'A');
  await client(C2, 'B');

  await project(1, C1, 'STANDARD', 'lin.pm', -10, 'ACCEPTANCE', 100_000);
  await signOff(1, 2, 3);
  await changeOrder(1, 'CHANGE_ORDER_REQUESTED', 3, 'SCOPE', 500);
  await changeOrder(1, 'CHANGE_ORDER_APPROVED', 4, 'SCOPE', 500);
  await review(1, 5, ['Client Carla']);
  await validation(1, 6, ['MET', 'MET', 'MET', 'GAP']);
  await review(1, 8, []);
  await event(1, 'STRESS_TEST_STARTED', day(10), { attempt: 1, url: 'https://x.test', days: 3, thresholds: {} });
  await verdict(1, 12, false);
  await verdict(1, 20, true);
  await event(1, 'DELIVERY_ACCEPTED', day(21), { signedBy: 'c', note: null, liveUrl: null });

  await project(2, C2, 'PREMIUM', 'sam.pm', -40, 'CLOSED', 50_000);
  await signOff(2, -20, 8);
  await changeOrder(2, 'CHANGE_ORDER_REQUESTED', -25, 'EXTRA_RESEARCH', 300);
  await changeOrder(2, 'CHANGE_ORDER_APPROVED', -24, 'EXTRA_RESEARCH', 300);
  await validation(2, -25, ['GAP', 'GAP']);
  await event(2, 'STRESS_TEST_STARTED', day(-5), { attempt: 1, url: 'https://x.test', days: 3, thresholds: {} });
  await verdict(2, -2, true);
  await event(2, 'DELIVERY_ACCEPTED', day(-1), { signedBy: 'c', note: null, liveUrl: null });
  await serviceReview(2, 15, 10);
  await event(2, 'PROJECT_CLOSED', day(16));
  await cost(2, 'RESEARCH', 3_000, -30);
  await cost(2, 'ITERATION', 12_000, -10);
  await cost(2, 'AFTER_SALES', 5_000, 10);
  await cost(2, 'OTHER', 999, 10);

  await project(3, C1, 'STANDARD', 'lin.pm', 1, 'CLOSED', 20_000);
  await signOff(3, 5, 2);
  await changeOrder(3, 'CHANGE_ORDER_REQUESTED', 6, 'EXTRA_ITERATION', 800);
  await review(3, 7, ['Client Cody']);
  await validation(3, 8, ['MET', 'MET']);
  await event(3, 'STRESS_TEST_STARTED', day(9), { attempt: 1, url: 'https://x.test', days: 1, thresholds: {} });
  await verdict(3, 11, true);
  await event(3, 'DELIVERY_ACCEPTED', day(12), { signedBy: 'c', note: null, liveUrl: null });
  await serviceReview(3, 25, 3);
  await event(3, 'PROJECT_CLOSED', day(26));
  await cost(3, 'RESEARCH', 2_000, 3);

  await project(4, C2, 'STANDARD', 'sam.pm', 40, 'REQUIREMENTS');

  await project(5, C1, 'STANDARD', 'lin.pm', -60, 'CANCELLED');
  await event(5, 'PROJECT_CANCELLED', day(-45), { reason: 'budget' });

  await project(6, C2, 'STANDARD', 'lin.pm', -20, 'ACCEPTANCE');
  await signOff(6, -5, 5);
  await event(6, 'STRESS_TEST_STARTED', day(1), { attempt: 1, url: 'https://x.test', days: 1, thresholds: {} });
  await verdict(6, 3, true);
  await event(6, 'DELIVERY_ACCEPTED', day(4), { signedBy: 'c', note: null, liveUrl: null });

  await project(7, C1, 'STANDARD', 'lin.pm', -200, 'AFTERCARE');
  // Promised delivery dates (P6 and P7 have none).
  for (const [n, plannedDay] of [[1, 20], [3, 15], [2, 0]] as const) await app.sql('update project set planned_delivery_at = $1 where id = $2', [day(plannedDay), P[n]]);
  await event(7, 'DELIVERY_ACCEPTED', day(-150), { signedBy: 'c', note: null, liveUrl: null });
  await serviceReview(7, 10, 9);

  // Tickets: T1–T3 are complaints; T4/T5 count in business hours; T6 runs past its deadline; T7 runs within it.
  await ticket(1, C1, { severity: 'HIGH', category: 'COMPLAINT', openedDay: 3, calendar: 'ALWAYS', targetHours: 12, respondedAfterHours: 2 }); // hit
  await ticket(3, C1, { severity: 'LOW', category: 'COMPLAINT', openedDay: 20, calendar: 'ALWAYS', targetHours: 48, respondedAfterHours: 50 }); // miss
  await ticket(2, C2, { severity: 'HIGH', category: 'COMPLAINT', openedDay: -15, calendar: 'ALWAYS', targetHours: 12, respondedAfterHours: 1 }); // previous: hit
  await ticket(1, C1, { severity: 'MEDIUM', category: 'SYSTEM', openedDay: 4, calendar: 'BUSINESS_HOURS', targetHours: 24, respondedAfterHours: 60, businessHoursToReply: 20 }); // hit: no breach recorded
  await ticket(3, C1, { severity: 'MEDIUM', category: 'BUSINESS', openedDay: 6, calendar: 'BUSINESS_HOURS', targetHours: 24, respondedAfterHours: 40, businessHoursToReply: 16, breached: true }); // miss
  await ticket(1, C1, { severity: 'LOW', category: 'SYSTEM', openedDay: 7, calendar: 'ALWAYS', targetHours: 48, respondedAfterHours: null }); // miss: overdue long ago
  await ticket(1, C1, { severity: 'HIGH', category: 'BUSINESS', openedDay: 8, calendar: 'BUSINESS_HOURS', targetHours: 12, respondedAfterHours: null }); // undecided: no breach yet
});

afterAll(async () => {
  await app?.stop();
});

const figure = (value: number | null, sampleSize: number) => ({ value, sampleSize });

describe('service value dashboard', () => {
  it('computes every indicator over the period and the previous one', async () => {
    const d = await dashboard();
    expect(d.from).toBe(FROM.toISOString());
    expect(d.previousFrom).toBe(day(-30).toISOString());

    // 1. Signed off in June: P1 after 12 days (−10 → 2), P3 after 4 (1 → 5): median 8. Previous: P2 after 20 (−40 → −20), P6 after 15 (−20 → −5): median 17.5.
    expect(d.requirementCycleDays).toMatchObject({ indicator: 1, unit: 'DAYS', value: 8, sampleSize: 2, previous: figure(17.5, 2) });
    expect(d.requirementCycleDays.change).toBeCloseTo((8 - 17.5) / 17.5, 10);

    // 2. Rounds 3 and 2: 2.5 against STANDARD's minimum 2. Previous: 8 (PREMIUM) and 5: 6.5.
    expect(d.communicationRounds).toMatchObject({ indicator: 2, unit: 'ROUNDS', value: 2.5, sampleSize: 2, reference: 2, previous: figure(6.5, 2) });

    // 3. Rounds on days 5, 8 (P1) and 7 (P3): 3 rounds, 2 projects; 2 of 3 had a client attendee. None before.
    expect(d.reviewRoundsPerProject).toMatchObject({ indicator: 3, value: 1.5, sampleSize: 2, previous: figure(null, 0), change: null });
    expect(d.clientAttendanceRate.value).toBeCloseTo(2 / 3, 10);
    expect(d.clientAttendanceRate).toMatchObject({ unit: 'RATIO', sampleSize: 3 });

    // 4. 1 gap in 4 results (P1) + 0 in 2 (P3) = 1/6. Previous: P2's 2 of 2.
    expect(d.validationGapRate.value).toBeCloseTo(1 / 6, 10);
    expect(d.validationGapRate).toMatchObject({ indicator: 4, sampleSize: 6, previous: figure(1, 2) });

    // 5. First verdicts in June: P1 FAILED (12), P3 PASSED (11), P6 PASSED (3): 2/3. P1's later pass does not count. Previous: P2 PASSED.
    expect(d.stressTestFirstPassRate.value).toBeCloseTo(2 / 3, 10);
    expect(d.stressTestFirstPassRate).toMatchObject({ indicator: 5, sampleSize: 3, previous: figure(1, 1) });

    // 6. June: SCOPE requested and approved (500); EXTRA_ITERATION requested, not approved. Previous: EXTRA_RESEARCH 300 requested and approved.
    expect(d.changeOrders).toEqual([
      {
        kind: 'EXTRA_RESEARCH',
        requested: expect.objectContaining({ indicator: 6, unit: 'COUNT', value: 0, sampleSize: 0, previous: figure(1, 1) }),
        approvedValue: expect.objectContaining({ unit: 'MONEY', value: 0, sampleSize: 0, previous: figure(300, 1) }),
      },
      {
        kind: 'EXTRA_ITERATION',
        requested: expect.objectContaining({ value: 1, sampleSize: 1, previous: figure(0, 0) }),
        approvedValue: expect.objectContaining({ value: 0, sampleSize: 0, previous: figure(0, 0) }),
      },
      {
        kind: 'SCOPE',
        requested: expect.objectContaining({ value: 1, sampleSize: 1, previous: figure(0, 0) }),
        approvedValue: expect.objectContaining({ value: 500, sampleSize: 1, previous: figure(0, 0) }),
      },
    ]);

    // 7 and 9 are not tracked: null with a note.
    // 7: accepted in the period with a planned date: P1 (day 21, planned 20: late), P3 (day 12,
    // planned 15: on time); P6 has none. Previous: P2 (day -1, planned 0: on time).
    expect(d.onTimeDeliveryRate).toMatchObject({ indicator: 7, value: 0.5, sampleSize: 2, previous: figure(1, 1) });
    // 9: answered tickets opened in the period, business hours to the reply: 2, 50, 20, 16 → median 18; previous: 1.
    expect(d.medianFirstResponseHours).toMatchObject({ indicator: 9, value: 18, sampleSize: 4, previous: figure(1, 1) });

    // 8. HIGH: T1 hit (2 h of 12), T7 left out (business hours, running, no breach): 1/1.
    //    MEDIUM: T4 hit (60 wall-clock hours but no breach in business time), T5 miss (breach recorded): 1/2.
    //    LOW: T2 miss (50 h of 48), T6 miss (running since day 7, 48 h long past): 0/2. All: 2/5. Previous: T3 hit: 1/1.
    expect(d.firstResponseHitRate).toMatchObject({ indicator: 8, value: 0.4, sampleSize: 5, previous: figure(1, 1) });
    expect(d.firstResponseHitRateBySeverity).toEqual([
      { severity: 'LOW', hitRate: expect.objectContaining({ value: 0, sampleSize: 2, previous: figure(null, 0) }) },
      { severity: 'MEDIUM', hitRate: expect.objectContaining({ value: 0.5, sampleSize: 2, previous: figure(null, 0) }) },
      { severity: 'HIGH', hitRate: expect.objectContaining({ value: 1, sampleSize: 1, previous: figure(1, 1) }) },
    ]);

    // 10. Active in June: P1, P2 (closed 16), P3, P6, P7 = 5 (P4 starts day 40, P5 was cancelled on −45); complaints T1, T2: 0.4.
    //     Previous: P1, P2, P6, P7 = 4; complaint T3: 0.25. Change (0.4 − 0.25) / 0.25 = 0.6.
    expect(d.complaintRate).toMatchObject({ indicator: 10, unit: 'PER_PROJECT', value: 0.4, sampleSize: 5, previous: figure(0.25, 4) });
    expect(d.complaintRate.change).toBeCloseTo(0.6, 10);
    // The last week, [23, 30): P1, P3 (closed on day 26), P6, P7 active; no complaint. The week
    // before, [16, 23): P2 too (closed on day 16, not before it); T3's complaint on day 20.
    expect(d.complaintRateLastWeek).toMatchObject({ indicator: 10, value: 0, sampleSize: 4, previous: figure(0.2, 5), change: -1 });

    // 11. Scores 10 (P2), 3 (P3), 9 (P7): 2 promoters, 1 detractor of 3: 33.3. None before.
    expect(d.nps.value).toBeCloseTo(100 / 3, 10);
    expect(d.nps).toMatchObject({ indicator: 11, unit: 'NPS', sampleSize: 3, previous: figure(null, 0) });
    // Closed in June: P2 (C2, day 16) and P3 (C1, day 26). C2 started P4 on day 40; C1 nothing since: 1/2.
    expect(d.renewalRate).toMatchObject({ indicator: 11, value: 0.5, sampleSize: 2, previous: figure(null, 0) });

    // 12. Closed in June with a contract value: P2 (50 000) and P3 (20 000).
    //     RESEARCH: 3 000 / 50 000 = 0.06 and 2 000 / 20 000 = 0.10: 0.08 (guardrail 0.08).
    //     ITERATION: 0.24 and 0: 0.12 (0.20). AFTER_SALES: 0.10 and 0: 0.05 (0.15). OTHER is not guarded.
    expect(d.costShares.map((c: any) => c.phase)).toEqual(['RESEARCH', 'ITERATION', 'AFTER_SALES']);
    // The guardrails are ranges (the seeded policies': research 5–8 %, iteration 15–20 %, after-sales 10–15 %).
    for (const [i, value, referenceMin, reference] of [
      [0, 0.08, 0.05, 0.08],
      [1, 0.12, 0.15, 0.2],
      [2, 0.05, 0.1, 0.15],
    ] as const) {
      const share = d.costShares[i].share;
      expect(share.value).toBeCloseTo(value, 10);
      expect(share).toMatchObject({ indicator: 12, unit: 'RATIO', sampleSize: 2, reference, referenceMin, previous: figure(null, 0) });
    }
  });

  it('computes the two relations with their confidence intervals', async () => {
    const d = await dashboard();
    // Accepted in June: P1 (3 rounds, 2 → 10: 8 days), P3 (2 rounds, 5 → 9: 4 days), P6 (5 rounds, −5 → 1: 6 days).
    const points = [
      [3, 8],
      [2, 4],
      [5, 6],
    ] as const;
    const n = points.length;
    const mx = points.reduce((s, [x]) => s + x, 0) / n; // 10/3
    const my = points.reduce((s, [, y]) => s + y, 0) / n; // 6
    const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0); // 42/9
    const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0); // 2
    const syy = points.reduce((s, [, y]) => s + (y - my) ** 2, 0); // 8
    const slope = sxy / sxx; // 3/7
    const margin = 12.7062047 * Math.sqrt((syy - slope * sxy) / (n - 2) / sxx); // t0.975(1) from a table
    const relation = d.developmentDaysPerCommunicationRound;
    expect(relation).toMatchObject({ sampleSize: 3, enoughData: false, minimumSample: 8, unit: 'DAYS_PER_ROUND', groups: [] });
    expect(relation.estimate).toBeCloseTo(3 / 7, 8);
    expect(relation.lower).toBeCloseTo(slope - margin, 4);
    expect(relation.upper).toBeCloseTo(slope + margin, 4);

    // Reviews in June: P2 16 days and P3 13 days after acceptance (within 90: +100, −100: NPS 0); P7 160 days after (later: +100).
    // Difference 0 − 100 = −100; no interval with one response in a group; not enough data (5 per group).
    expect(d.npsServiceReviewWithin90Days).toMatchObject({
      estimate: -100,
      lower: null,
      upper: null,
      sampleSize: 3,
      enoughData: false,
      minimumSample: 5,
      unit: 'NPS_POINTS',
      groups: [
        { group: 'WITHIN_90_DAYS', value: 0, sampleSize: 2 },
        { group: 'LATER', value: 100, sampleSize: 1 },
      ],
    });
  });

  it('filters by client, tier, package and project lead', async () => {
    // C2: P2, P4, P6. Active in June: P2, P6 (no complaints); before: P2, P6 with T3 on P2.
    const c2 = await dashboard({ clientId: C2 });
    expect(c2.complaintRate).toMatchObject({ value: 0, sampleSize: 2, previous: figure(0.5, 2) });
    expect(c2.nps).toMatchObject({ value: 100, sampleSize: 1 });
    expect(c2.requirementCycleDays).toMatchObject({ value: null, sampleSize: 0, previous: figure(17.5, 2) });
    expect(c2.renewalRate).toMatchObject({ value: 1, sampleSize: 1 });
    expect(c2.firstResponseHitRate).toMatchObject({ value: null, sampleSize: 0, previous: figure(1, 1) });

    // Tier A (C1): P1, P3, P5, P7. Sign-offs P1, P3; first verdicts P1 failed, P3 passed.
    const tierA = await dashboard({ tier: 'A' });
    expect(tierA.requirementCycleDays).toMatchObject({ value: 8, sampleSize: 2, previous: figure(null, 0) });
    expect(tierA.stressTestFirstPassRate).toMatchObject({ value: 0.5, sampleSize: 2, previous: figure(null, 0) });
    expect(tierA.costShares[0].share).toMatchObject({ value: 0.1, sampleSize: 1 });

    // PREMIUM: P2 only.
    const premium = await dashboard({ packageCode: 'PREMIUM' });
    expect(premium.communicationRounds).toMatchObject({ value: null, sampleSize: 0, reference: null, previous: figure(8, 1) });
    expect(premium.validationGapRate).toMatchObject({ value: null, sampleSize: 0, previous: figure(1, 2) });

    // Led by sam.pm: P2 and P4; combined with tier A: nothing.
    const sam = await dashboard({ projectLead: 'sam.pm' });
    expect(sam.stressTestFirstPassRate).toMatchObject({ value: null, sampleSize: 0, previous: figure(1, 1) });
    expect(sam.changeOrders[0].approvedValue).toMatchObject({ value: 0, previous: figure(300, 1) });
    const none = await dashboard({ projectLead: 'sam.pm', tier: 'A' });
    expect(none.complaintRate).toMatchObject({ value: null, sampleSize: 0 });
  });

  it('is for agency staff: cost shares for ADMIN and LEAD, nothing for a CLIENT', async () => {
    const variables = { from: FROM.toISOString(), to: TO.toISOString() };
    expect((await dashboard(null, 'lin.pm')).costShares).toHaveLength(3);
    const csm = await app.gql(
      `query ($from: DateTimeISO!, $to: DateTimeISO!) { serviceDashboard(from: $from, to: $to) { nps { value } costShares { phase } changeOrders { kind requested { value } approvedValue { value } } } }`,
      variables,
      { as: 'mia.csm' },
    );
    expect(csm.data?.serviceDashboard.nps.value).toBeCloseTo(100 / 3, 10);
    expect(csm.data?.serviceDashboard.costShares).toBeNull();
    // Money of change orders is the agency's cost structure: counts yes, amounts no.
    expect(csm.data?.serviceDashboard.changeOrders.map((o: any) => o.approvedValue)).toEqual(csm.data?.serviceDashboard.changeOrders.map(() => null));
    expect(csm.data?.serviceDashboard.changeOrders.some((o: any) => o.requested.value > 0)).toBe(true);
    expect(new Set(csm.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    const asClient = await app.gql(`query ($from: DateTimeISO!, $to: DateTimeISO!) { serviceDashboard(from: $from, to: $to) { nps { value } } }`, variables, { as: 'acme.client' });
    expect(asClient.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asClient.data?.serviceDashboard ?? null).toBeNull();
    const anonymous = await app.gql(`query ($from: DateTimeISO!, $to: DateTimeISO!) { serviceDashboard(from: $from, to: $to) { nps { value } } }`, variables, { as: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty, inverted or over-long period with the field', async () => {
    const ask = (from: string, to: string) => app.gql(`query ($from: DateTimeISO!, $to: DateTimeISO!) { serviceDashboard(from: $from, to: $to) { from } }`, { from, to }, { as: 'admin' });
    for (const [from, to] of [
      ['2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z'],
      ['2025-07-01T00:00:00Z', '2025-06-01T00:00:00Z'],
      ['2022-06-01T00:00:00Z', '2025-06-01T00:00:01Z'],
    ] as const) {
      const response = await ask(from, to);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    }
    // Before 2000 or after 2100: refused, not an internal error from a date Postgres cannot hold.
    expect((await ask('0001-01-01T00:00:00Z', '0003-12-31T00:00:00Z')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await ask('2099-06-01T00:00:00Z', '2100-06-01T00:00:00Z')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    // Exactly three years is allowed.
    expect(ok(await ask('2022-06-01T00:00:00Z', '2025-06-01T00:00:00Z'))).toBeTruthy();
  });
});
