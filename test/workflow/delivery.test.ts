import { describe, expect, it } from 'vitest';
import { actor, failing, healthy, sopActionUpdate, sopStateQuery, readyForStressTest, refusal, signOff, useSopHarness, withProject } from './sopHarness.js';

const harness = useSopHarness();

async function waitForStage(handle: Parameters<Parameters<typeof withProject>[2]>[0], stage: string, step = '1 hour', limit = 24 * 30) {
  for (let i = 0; i < limit; i++) {
    if ((await handle.query(sopStateQuery)).stage === stage) return;
    await harness.env.sleep(step);
  }
  throw new Error(`project never reached ${stage}`);
}

describe('stress test, acceptance and after-care', () => {
  it('runs the 7-day stress test as a child workflow and passes a healthy site to ACCEPTANCE', () =>
    withProject(harness, 'PREMIUM', async (handle, policy) => {
      await signOff(handle, policy);
      await readyForStressTest(harness, handle, policy);
      await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
      await harness.env.sleep('6 days');
      expect((await handle.query(sopStateQuery)).stage).toBe('STRESS_TEST');
      await waitForStage(handle, 'ACCEPTANCE');
      // One scheduled-probe activity a day: a burst and 24 hourly probes.
      expect(harness.probes).toEqual(Array.from({ length: 7 }, (_, i) => ({ run: 'stress-1', period: `day${i + 1}` })));
      expect(harness.events.at(-1)).toMatchObject({
        type: 'STRESS_TEST_PASSED',
        toStage: 'ACCEPTANCE',
        details: { passed: true, availability: 1, p95LatencyMs: 120, checks: 7 * (24 + 10) },
      });
    }));

  it('sends a failing site back to development, using an iteration round, with the failures in the timeline', () =>
    withProject(harness, 'STANDARD', async (handle, policy) => {
      await signOff(handle, policy);
      await readyForStressTest(harness, handle, policy);
      harness.site.check = failing;
      await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
      await waitForStage(handle, 'DEVELOPMENT');
      const state = await handle.query(sopStateQuery);
      expect(state).toMatchObject({ stressTest: 'FAILED', iterationRoundsUsed: 1, stressTestAttempts: 1 });
      const failed = harness.events.at(-1)!;
      expect(failed.type).toBe('STRESS_TEST_FAILED');
      expect(failed.summary).toMatch(/availability 0\.00 % below 99\.00 %/);
      expect(failed.details).toMatchObject({
        passed: false,
        failures: expect.arrayContaining([expect.stringContaining('error rate')]),
        failedChecks: Array.from({ length: 10 }, () => ({ ok: false, status: 503, latencyMs: 40, error: 'HTTP 503' })),
      });
    }));

  it('holds a project whose failed stress tests used rounds past the cap (ITERATION_OVERDRAFT) until an EXTRA_ITERATION order is approved', () =>
    withProject(harness, 'STANDARD', async (handle, policy) => {
      await signOff(handle, policy);
      await readyForStressTest(harness, handle, policy);
      harness.site.check = failing;
      // Every failure costs a round, the included ones and then one past the cap.
      for (let attempt = 1; attempt <= policy.includedIterationRounds + 1; attempt++) {
        const before = await handle.query(sopStateQuery);
        await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
        await waitForStage(handle, 'DEVELOPMENT');
        expect((await handle.query(sopStateQuery)).iterationRoundsUsed).toBe(before.iterationRoundsUsed + 1);
      }
      const held = await refusal(handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] }));
      expect(held.type).toBe('SOP_RULE_VIOLATION');
      expect(held.details).toMatchObject({ rule: 'ITERATION_OVERDRAFT' });
      await handle.executeUpdate(sopActionUpdate('requestChangeOrder'), { args: [{ ...actor, changeOrderId: 'co-1', kind: 'EXTRA_ITERATION', reason: 'Fix the failures', amount: 900 }] });
      await handle.executeUpdate(sopActionUpdate('approveChangeOrder'), { args: [{ ...actor, changeOrderId: 'co-1' }] });
      harness.site.check = healthy;
      await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
      await waitForStage(handle, 'ACCEPTANCE');
    }));

  it('lets a lead abort a running stress test', () =>
    withProject(harness, 'PREMIUM', async (handle, policy) => {
      await signOff(handle, policy);
      await readyForStressTest(harness, handle, policy);
      await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
      await harness.env.sleep('2 days');
      const aborted = await handle.executeUpdate(sopActionUpdate('abortStressTest'), { args: [actor] });
      expect(aborted).toMatchObject({ stage: 'DEVELOPMENT', stressTest: 'ABORTED' });
      // The child is cancelled once the abort is recorded; a probe it had already dispatched may still run.
      const child = harness.env.client.workflow.getHandle(`${handle.workflowId}-stress-test-1`);
      await child.result().catch(() => undefined);
      expect((await child.describe()).status.name).toBe('CANCELLED');
      const probed = harness.probes.length;
      await harness.env.sleep('3 days');
      expect(harness.probes.length).toBe(probed);
      expect((await refusal(handle.executeUpdate(sopActionUpdate('abortStressTest'), { args: [actor] }))).type).toBe('STAGE_CONFLICT');
    }));

  it('accepts only after a pass, rejects back to development', () =>
    withProject(harness, 'STANDARD', async (handle, policy) => {
      await signOff(handle, policy);
      expect((await refusal(handle.executeUpdate(sopActionUpdate('acceptDelivery'), { args: [{ ...actor, signedBy: 'client CEO' }] }))).type).toBe('STAGE_CONFLICT');
      await readyForStressTest(harness, handle, policy);
      await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
      await waitForStage(handle, 'ACCEPTANCE');
      const rejected = await handle.executeUpdate(sopActionUpdate('rejectDelivery'), { args: [{ ...actor, reasons: ['Logo is blurry'] }] });
      expect(rejected).toMatchObject({ stage: 'DEVELOPMENT', stressTest: 'NOT_STARTED' });
      expect(harness.events.at(-1)).toMatchObject({ type: 'DELIVERY_REJECTED', summary: 'Delivery rejected: Logo is blurry' });
    }));

  it('runs after-care to CLOSED: monthly monitoring reports, the review timer, reminder and NPS', () =>
    withProject(harness, 'PREMIUM', async (handle, policy) => {
      await signOff(handle, policy);
      await readyForStressTest(harness, handle, policy);
      await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
      await waitForStage(handle, 'ACCEPTANCE');
      const accepted = await handle.executeUpdate(sopActionUpdate('acceptDelivery'), {
        args: [{ ...actor, signedBy: 'client CEO', liveUrl: 'https://www.example.test' }],
      });
      expect(accepted).toMatchObject({ stage: 'AFTERCARE', monitoring: 'RUNNING', serviceReview: 'NOT_DUE', liveUrl: 'https://www.example.test' });
      const early = await refusal(handle.executeUpdate(sopActionUpdate('submitServiceReview'), { args: [{ ...actor, npsScore: 9 }] }));
      expect(early.details).toMatchObject({ rule: 'SERVICE_REVIEW_OPEN' });

      await harness.env.sleep('31 days');
      expect((await handle.query(sopStateQuery)).serviceReview).toBe('OPEN');
      await harness.env.sleep('53 days');
      expect(harness.events.map((e) => e.type)).toContain('SERVICE_REVIEW_REMINDER');
      expect((await refusal(handle.executeUpdate(sopActionUpdate('submitServiceReview'), { args: [{ ...actor, npsScore: 11 }] }))).type).toBe('INVALID_INPUT');
      await handle.executeUpdate(sopActionUpdate('submitServiceReview'), { args: [{ ...actor, npsScore: 9, comment: 'Great launch' }] });
      expect((await handle.query(sopStateQuery)).stage).toBe('AFTERCARE');

      await waitForStage(handle, 'CLOSED', '1 day', 30);
      expect(harness.reports.map((r) => r.month)).toEqual([1, 2, 3]);
      expect(harness.probes.filter((p) => p.run === 'monitoring').map((p) => p.period)).toEqual(['month1', 'month2', 'month3']);
      expect(harness.events.slice(-2).map((e) => e.type)).toEqual(['MONITORING_ENDED', 'PROJECT_CLOSED']);
      expect(await handle.result()).toMatchObject({ stage: 'CLOSED', npsScore: 9 });
      // Each month of monitoring is a run of its own: the history stays small.
      const monitoring = await harness.env.client.workflow.getHandle(`${handle.workflowId}-monitoring`).fetchHistory();
      expect(monitoring.events!.length).toBeLessThan(400);
    }));

  it('cancels from any open stage, stopping the running child and its timers', () =>
    withProject(harness, 'PREMIUM', async (handle, policy) => {
      await signOff(handle, policy);
      await readyForStressTest(harness, handle, policy);
      await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
      await harness.env.sleep('1 day');
      const noReason = await refusal(handle.executeUpdate(sopActionUpdate('cancelProject'), { args: [{ ...actor, reason: '' }] }));
      expect(noReason.type).toBe('INVALID_INPUT');
      const cancelled = await handle.executeUpdate(sopActionUpdate('cancelProject'), { args: [{ ...actor, reason: 'Client went bankrupt' }] });
      expect(cancelled).toMatchObject({ stage: 'CANCELLED', cancelReason: 'Client went bankrupt', stressTest: 'ABORTED' });
      expect(await handle.result()).toMatchObject({ stage: 'CANCELLED' });
      const child = harness.env.client.workflow.getHandle(`${handle.workflowId}-stress-test-1`);
      expect((await child.describe()).status.name).toBe('CANCELLED');
    }));
});
