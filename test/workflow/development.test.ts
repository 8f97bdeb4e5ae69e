import { describe, expect, it } from 'vitest';
import { actor, approvedOnSite, sopActionUpdate, sopStateQuery, refusal, signOff, stateWhen, untilValidationDayOpens, useSopHarness, withProject } from './sopHarness.js';

const harness = useSopHarness();

const changesRequested = { ...approvedOnSite, outcome: 'CHANGES_REQUESTED' as const, feedback: 'Move the CTA' };

describe('development stage', () => {
  it('opens the validation day on a durable timer at the policy offset', () =>
    withProject(harness, 'PREMIUM', async (handle, policy) => {
      const signed = await signOff(handle, policy);
      expect(signed.validationDay).toBe('PENDING');
      const early = await refusal(
        handle.executeUpdate(sopActionUpdate('completeValidationDay'), { args: [{ ...actor, results: [{ requirementId: 'r1', result: 'MET' }] }] }),
      );
      expect(early.details).toMatchObject({ rule: 'VALIDATION_DAY_OPEN' });

      await harness.env.sleep(`${policy.validationDayOffsetDays! - 1} days`);
      expect((await handle.query(sopStateQuery)).validationDay).toBe('PENDING');
      await harness.env.sleep('1 day');
      expect((await stateWhen(handle, (state) => state.validationDay !== 'PENDING')).validationDay).toBe('OPEN');
      expect(harness.events.at(-1)).toMatchObject({ type: 'VALIDATION_DAY_OPENED', actor: 'system' });
    }));

  it('keeps a validation gap open until a review round closes it, and gates the stress test on it', () =>
    withProject(harness, 'PREMIUM', async (handle, policy) => {
      await signOff(handle, policy);
      await untilValidationDayOpens(harness, handle, policy);
      const incomplete = await refusal(handle.executeUpdate(sopActionUpdate('completeValidationDay'), { args: [{ ...actor, results: [] }] }));
      expect(incomplete.details).toMatchObject({ rule: 'RESULTS' });
      const afterDay = await handle.executeUpdate(sopActionUpdate('completeValidationDay'), {
        args: [{ ...actor, results: [{ requirementId: 'r1', result: 'GAP', note: 'Checkout has 5 steps' }] }],
      });
      expect(afterDay).toMatchObject({ validationDay: 'DONE', requirements: [{ id: 'r1', validation: 'GAP' }] });

      for (let n = 0; n < 3; n++) await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [approvedOnSite] });
      const gapOpen = await refusal(handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] }));
      expect(gapOpen.details).toMatchObject({ rule: 'OPEN_GAPS', actual: 1 });

      const closing = await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [{ ...approvedOnSite, closesGapIds: ['r1'] }] });
      expect(closing.requirements[0]!.validation).toBe('MET');
      const unknownGap = await refusal(handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [{ ...approvedOnSite, closesGapIds: ['r1'] }] }));
      expect(unknownGap.details).toMatchObject({ rule: 'CLOSES_GAP_IDS' });
      expect((await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] })).stage).toBe('STRESS_TEST');
    }));

  it('counts only approved on-site reviews towards the Premium minimum', () =>
    withProject(harness, 'PREMIUM', async (handle, policy) => {
      await signOff(handle, policy);
      await untilValidationDayOpens(harness, handle, policy);
      await handle.executeUpdate(sopActionUpdate('completeValidationDay'), { args: [{ ...actor, results: [{ requirementId: 'r1', result: 'MET' }] }] });
      await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [{ ...approvedOnSite, kind: 'REMOTE' }] });
      await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [approvedOnSite] });
      const short = await refusal(handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] }));
      expect(short).toMatchObject({
        type: 'SOP_RULE_VIOLATION',
        message: 'The stress test cannot start: 1 of 3 approved on-site review rounds.',
        details: { rule: 'MIN_REVIEW_ROUNDS', required: 3, actual: 1 },
      });
    }));

  it('caps iteration rounds until an EXTRA_ITERATION change order is approved', () =>
    withProject(harness, 'STANDARD', async (handle, policy) => {
      await signOff(handle, policy);
      for (let n = 0; n < policy.includedIterationRounds; n++) {
        await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [changesRequested] });
      }
      const capped = await refusal(handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [changesRequested] }));
      expect(capped).toMatchObject({ details: { rule: 'ITERATION_ROUND_CAP', required: 3, actual: 3 } });
      // An approving round is no iteration and is never capped.
      await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [approvedOnSite] });

      await handle.executeUpdate(sopActionUpdate('requestChangeOrder'), { args: [{ ...actor, changeOrderId: 'it1', kind: 'EXTRA_ITERATION', reason: 'New page', amount: 1200 }] });
      await handle.executeUpdate(sopActionUpdate('approveChangeOrder'), { args: [{ ...actor, changeOrderId: 'it1' }] });
      const state = await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [changesRequested] });
      expect(state).toMatchObject({ iterationRoundsUsed: 4, reviewRounds: 5 });
    }));

  it('lets a Standard project (no validation day) start the stress test after one approved review', () =>
    withProject(harness, 'STANDARD', async (handle, policy) => {
      expect((await signOff(handle, policy)).validationDay).toBe('NOT_APPLICABLE');
      expect((await refusal(handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] }))).details).toMatchObject({ rule: 'MIN_REVIEW_ROUNDS' });
      await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [{ ...approvedOnSite, kind: 'PROTOTYPE' }] });
      expect((await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] })).stage).toBe('STRESS_TEST');
    }));

  it('refuses the stress test without an http(s) staging URL', () =>
    withProject(
      harness,
      'STANDARD',
      async (handle, policy) => {
        await signOff(handle, policy);
        await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [approvedOnSite] });
        const noUrl = await refusal(handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] }));
        expect(noUrl.details).toMatchObject({ rule: 'STAGING_URL' });
        const state = await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [{ ...actor, stagingUrl: 'http://127.0.0.1:1/' }] });
        expect(state).toMatchObject({ stage: 'STRESS_TEST', stagingUrl: 'http://127.0.0.1:1/' });
      },
      { stagingUrl: null },
    ));
});
