import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SopStageKey } from '../../workflows/searchAttributes.js';
import { startStagingSite, type StagingSite } from '../support/stagingSite.js';
import { projectActions } from '../support/projectActions.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * A Premium project from creation to CLOSED over GraphQL, against the real worker,
 * Temporal dev server and Postgres, with SOP days of 150 ms so timers fire in seconds.
 */
const DAY_MS = 150;

let app: TestApplication;
let site: StagingSite;

beforeAll(async () => {
  site = await startStagingSite();
  app = await startTestApplication({ sopDayMs: DAY_MS });
});

afterAll(async () => {
  await app?.stop();
  await site?.close();
});

const PROJECT_FIELDS = `
  id stage availableActions contractValue
  progress {
    communicationRounds researchSessions reviewRounds approvedReviewRounds iterationRoundsUsed
    caps { researchSessions iterationRounds } validationDay openGaps stressTest stressTestAttempts
    monitoring serviceReview npsScore liveUrl cancelReason
  }
  requirements { id title status validation }
  changeOrders { id kind status amount }
  costShares { phase spent share overGuardrail }
  monitoringReports { month checks failed availability }
  timeline { seq type actor summary details { __typename ... on StressTestVerdictDetails { failedChecks { ok status latencyMs error } } } }
`;

const { ok, refused } = projectActions(() => app, PROJECT_FIELDS);

async function read(id: string) {
  return (await app.gql(`query ($id: UUID!) { project(id: $id) { ${PROJECT_FIELDS} } }`, { id })).data!.project;
}

async function waitFor(id: string, done: (project: any) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const project = await read(id);
    if (done(project)) return project;
    if (Date.now() > deadline) {
      const [checks] = await app.sql('select count(*)::int as n, max(checked_at) as last from site_check where project_id = $1', [id]);
      throw new Error(`timed out; project is ${JSON.stringify(project.progress)} in ${project.stage}; site checks ${JSON.stringify(checks)} at ${new Date().toISOString()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function createProject(packageCode: string, extra: Record<string, unknown> = {}) {
  const client = await app.gql(`mutation { createClient(input: { name: "Acme Trading", tier: A }) { id } }`);
  const created = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id workflowId } }`, {
    input: { clientId: client.data!.createClient.id, name: 'Acme shop', packageCode, projectLead: 'lin.pm', stagingUrl: site.url, ...extra },
  });
  return created.data!.createProject as { id: string; workflowId: string };
}

describe('a Premium project through the whole SOP', () => {
  describe('from creation to CLOSED, with every rule enforced', () => {
    // One project walks through the steps below in order; each step starts where the last ended.
    let projectId: string;
    let workflowId: string;
    let checkout: { id: string; title: string };

    beforeAll(async () => {
      ({ id: projectId, workflowId } = await createProject('PREMIUM', { contractValue: 100_000 }));
    });

    it('caps research sessions until a change order raises the cap', async () => {
      const session = { projectId, topic: 'Audience research', attendees: ['client marketing'] };
      await ok('logResearchSession', session);
      await ok('logResearchSession', session);
      expect((await refused('logResearchSession', session)).extensions).toMatchObject({ code: 'SOP_RULE_VIOLATION', rule: 'RESEARCH_SESSION_CAP' });
      const requested = await ok('requestChangeOrder', { projectId, kind: 'EXTRA_RESEARCH', reason: 'Second market', amount: 1500 });
      const [order] = requested.changeOrders;
      expect(order).toMatchObject({ kind: 'EXTRA_RESEARCH', status: 'REQUESTED', amount: 1500 });
      expect((await ok('approveChangeOrder', { projectId, changeOrderId: order.id })).progress.caps.researchSessions).toBe(3);
      expect((await ok('logResearchSession', session)).progress.researchSessions).toBe(3);
    });

    it('signs off after the minimum rounds with a confirmed requirement', async () => {
      const withTwo = await ok('addRequirement', { projectId, title: 'Checkout in three steps' });
      await ok('addRequirement', { projectId, title: 'Live chat' });
      const [first, chat] = (await read(projectId)).requirements.sort((a: any, b: any) => a.title.localeCompare(b.title));
      checkout = first;
      expect(withTwo.requirements).toHaveLength(1);
      await ok('confirmRequirement', { projectId, requirementId: checkout.id });
      await ok('dropRequirement', { projectId, requirementId: chat.id, reason: 'Phase two' });
      for (let n = 1; n <= 8; n++) {
        await ok('logCommunicationRound', { projectId, channel: 'MEETING', summary: `Workshop ${n}`, attendees: ['client CTO'] });
      }
      const developing = await ok('signOffRequirements', { projectId, note: 'Scope frozen' });
      expect(developing).toMatchObject({ stage: 'DEVELOPMENT', progress: { validationDay: 'PENDING' } });
    });

    it('opens the validation day on its timer and keeps a gap open until a review closes it', async () => {
      expect((await refused('startStressTest', { projectId })).extensions).toMatchObject({ rule: 'MIN_REVIEW_ROUNDS' });
      await waitFor(projectId, (p) => p.progress.validationDay === 'OPEN');
      await ok('completeValidationDay', { projectId, results: [{ requirementId: checkout.id, result: 'GAP', note: 'Four steps today' }] });
      const review = { projectId, kind: 'ON_SITE', outcome: 'APPROVED', feedback: 'Good', clientAttendees: ['client CTO'] };
      await ok('submitReviewRound', review);
      await ok('submitReviewRound', review);
      await ok('submitReviewRound', { ...review, kind: 'REMOTE' });
      expect((await refused('startStressTest', { projectId })).extensions).toMatchObject({ rule: 'MIN_REVIEW_ROUNDS', required: 3, actual: 2 });
      await ok('submitReviewRound', review);
      expect((await refused('startStressTest', { projectId })).extensions).toMatchObject({ rule: 'OPEN_GAPS' });
      const closed = await ok('submitReviewRound', { ...review, closesGapIds: [checkout.id] });
      expect(closed.progress.openGaps).toBe(0);
    });

    it('fails the stress test against a failing site and sends the project back to development', async () => {
      site.healthy = false;
      expect((await ok('startStressTest', { projectId })).stage).toBe('STRESS_TEST');
      const failed = await waitFor(projectId, (p) => p.progress.stressTest === 'FAILED');
      expect(failed).toMatchObject({ stage: 'DEVELOPMENT', progress: { iterationRoundsUsed: 1, stressTestAttempts: 1 } });
      const failure = failed.timeline.find((e: any) => e.type === 'STRESS_TEST_FAILED');
      expect(failure.summary).toContain('availability 0.00 % below 99.00 %');
      expect(failure.details.failedChecks).toHaveLength(10);
      expect(failure.details.failedChecks[0]).toMatchObject({ ok: false, status: 503, error: 'HTTP 503' });
      const checks = await app.sql(`select count(*)::int as n, bool_or(ok) as any_ok from site_check where project_id = $1 and run = 'stress-1'`, [projectId]);
      expect(checks).toEqual([{ n: 7 * 34, any_ok: false }]);
    });

    it('passes the second attempt to acceptance', async () => {
      site.healthy = true;
      await ok('startStressTest', { projectId });
      const accepting = await waitFor(projectId, (p) => p.stage === 'ACCEPTANCE');
      expect(accepting.progress).toMatchObject({ stressTest: 'PASSED', stressTestAttempts: 2 });
    });

    it('flags research cost past its guardrail', async () => {
      // Research is allowed 8 % of the contract value.
      const costed = await app.gql(`mutation { recordCost(input: { projectId: "${projectId}", phase: RESEARCH, amount: 9000 }) { costShares { phase share overGuardrail } } }`);
      expect(costed.data!.recordCost.costShares[0]).toEqual({ phase: 'RESEARCH', share: 0.09, overGuardrail: true });
    });

    it('runs after-care: monthly reports, the review timer, NPS, then CLOSED', async () => {
      const aftercare = await ok('acceptDelivery', { projectId, signedBy: 'client CEO', liveUrl: site.url });
      expect(aftercare.progress).toMatchObject({ monitoring: 'RUNNING', serviceReview: 'NOT_DUE', liveUrl: site.url });
      expect((await refused('submitServiceReview', { projectId, npsScore: 9 })).extensions).toMatchObject({ rule: 'SERVICE_REVIEW_OPEN' });
      await waitFor(projectId, (p) => p.progress.serviceReview === 'OPEN');
      const badScore = await refused('submitServiceReview', { projectId, npsScore: 11 });
      expect(badScore.extensions?.code).toBe('BAD_USER_INPUT');
      await ok('submitServiceReview', { projectId, npsScore: 9, comment: 'Smooth launch' });
      const done = await waitFor(projectId, (p) => p.stage === 'CLOSED');
      expect(done.monitoringReports.map((r: any) => r.month)).toEqual([1, 2, 3]);
      expect(done.monitoringReports[0]).toMatchObject({ checks: 30, failed: 0, availability: 1 });
      expect(done.progress).toMatchObject({ monitoring: 'ENDED', serviceReview: 'DONE', npsScore: 9 });

      // The read model shows CLOSED as soon as the last event is projected; the run ends just after.
      const handle = app.temporal.workflow.getHandle(workflowId);
      expect(await handle.result()).toMatchObject({ stage: 'CLOSED' });
      const description = await handle.describe();
      expect(description.status.name).toBe('COMPLETED');
      expect(description.typedSearchAttributes.get(SopStageKey)).toBe('CLOSED');
    });

    it('lists every step in the timeline in order', async () => {
      const done = await read(projectId);
      const types = done.timeline.map((e: any) => e.type);
      for (const type of [
        'PROJECT_CREATED', 'RESEARCH_SESSION_LOGGED', 'CHANGE_ORDER_REQUESTED', 'CHANGE_ORDER_APPROVED', 'REQUIREMENT_ADDED',
        'REQUIREMENT_CONFIRMED', 'REQUIREMENT_DROPPED', 'COMMUNICATION_ROUND_LOGGED', 'REQUIREMENTS_SIGNED_OFF', 'VALIDATION_DAY_OPENED',
        'VALIDATION_DAY_COMPLETED', 'REVIEW_ROUND_SUBMITTED', 'STRESS_TEST_STARTED', 'STRESS_TEST_FAILED', 'STRESS_TEST_PASSED',
        'DELIVERY_ACCEPTED', 'SERVICE_REVIEW_OPENED', 'SERVICE_REVIEW_SUBMITTED', 'MONITORING_ENDED', 'PROJECT_CLOSED',
      ]) {
        expect(types, type).toContain(type);
      }
      expect(done.timeline.map((e: any) => e.seq)).toEqual(done.timeline.map((_: unknown, i: number) => i));
      expect(done.timeline.find((e: any) => e.type === 'DELIVERY_ACCEPTED').actor).toBe('lin.pm');
    });
  });

  it('caps iteration rounds until a change order, over GraphQL', async () => {
    const { id: projectId } = await createProject('STANDARD');
    const added = await ok('addRequirement', { projectId, title: 'Landing page' });
    await ok('confirmRequirement', { projectId, requirementId: added.requirements[0].id });
    for (let n = 1; n <= 2; n++) await ok('logCommunicationRound', { projectId, channel: 'CALL', summary: `Call ${n}`, attendees: ['client'] });
    await ok('signOffRequirements', { projectId });
    const changes = { projectId, kind: 'PROTOTYPE', outcome: 'CHANGES_REQUESTED', feedback: 'Bigger hero', clientAttendees: ['client'] };
    for (let n = 1; n <= 3; n++) await ok('submitReviewRound', changes);
    const capped = await refused('submitReviewRound', changes);
    expect(capped.extensions).toMatchObject({ code: 'SOP_RULE_VIOLATION', rule: 'ITERATION_ROUND_CAP', required: 3, actual: 3 });
    expect((await read(projectId)).progress.reviewRounds).toBe(3);
    const order = (await ok('requestChangeOrder', { projectId, kind: 'EXTRA_ITERATION', reason: 'Extra page', amount: 900 })).changeOrders[0];
    expect((await refused('rejectChangeOrder', { projectId, changeOrderId: 'no-such-order' })).extensions?.code).toBe('BAD_USER_INPUT');
    await ok('approveChangeOrder', { projectId, changeOrderId: order.id });
    expect((await ok('submitReviewRound', changes)).progress).toMatchObject({ iterationRoundsUsed: 4, caps: { iterationRounds: 4 } });
  });

  it('cancels a project, stopping its timers, and refuses every later action', async () => {
    const { id: projectId, workflowId } = await createProject('PREMIUM');
    const added = await ok('addRequirement', { projectId, title: 'Catalogue' });
    await ok('confirmRequirement', { projectId, requirementId: added.requirements[0].id });
    for (let n = 1; n <= 8; n++) await ok('logCommunicationRound', { projectId, channel: 'VIDEO', summary: `Call ${n}`, attendees: ['client'] });
    await ok('signOffRequirements', { projectId });
    expect((await refused('cancelProject', { projectId, reason: '' })).extensions?.code).toBe('BAD_USER_INPUT');
    const cancelled = await ok('cancelProject', { projectId, reason: 'Client paused the launch' });
    expect(cancelled).toMatchObject({ stage: 'CANCELLED', progress: { cancelReason: 'Client paused the launch', validationDay: 'PENDING' } });
    expect(cancelled.timeline.at(-1)).toMatchObject({ type: 'PROJECT_CANCELLED', actor: 'lin.pm' });
    const handle = app.temporal.workflow.getHandle(workflowId);
    expect(await handle.result()).toMatchObject({ stage: 'CANCELLED' });
    expect((await handle.describe()).status.name).toBe('COMPLETED');

    const late = await refused('submitReviewRound', { projectId, kind: 'ON_SITE', outcome: 'APPROVED', feedback: 'x', clientAttendees: [] });
    expect(late.extensions?.code).toBe('STAGE_CONFLICT');
    // The validation-day timer died with the workflow: nothing opens later.
    await new Promise((resolve) => setTimeout(resolve, 15 * DAY_MS));
    expect((await read(projectId)).progress.validationDay).toBe('PENDING');
  });
});
