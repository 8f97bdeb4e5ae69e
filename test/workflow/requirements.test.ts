import { describe, expect, it } from 'vitest';
import { actor, sopActionUpdate, sopStateQuery, refusal, round, signOff, useSopHarness, withProject } from './sopHarness.js';

const harness = useSopHarness();

describe('requirements stage', () => {
  it('refuses sign-off below the minimum rounds and leaves the state untouched', () =>
    withProject(harness, 'PREMIUM', async (handle) => {
      await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round(1)] });
      const refused = await refusal(handle.executeUpdate(sopActionUpdate('signOffRequirements'), { args: [actor] }));
      expect(refused).toMatchObject({
        type: 'SOP_RULE_VIOLATION',
        message: 'Requirements cannot be signed off: 1 of 8 communication rounds logged.',
        details: { rule: 'MIN_COMMUNICATION_ROUNDS', required: 8, actual: 1 },
      });
      expect(await handle.query(sopStateQuery)).toMatchObject({ stage: 'REQUIREMENTS', communicationRounds: 1, lastEventSeq: 1 });
      expect(harness.events).toHaveLength(1);
    }));

  it('refuses sign-off without a confirmed requirement, then signs off and projects every event in order', () =>
    withProject(harness, 'PREMIUM', async (handle, policy) => {
      for (let n = 1; n <= 8; n++) await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round(n)] });
      const noRequirement = await refusal(handle.executeUpdate(sopActionUpdate('signOffRequirements'), { args: [actor] }));
      expect(noRequirement.details).toMatchObject({ rule: 'CONFIRMED_REQUIREMENT' });

      const state = await signOff(handle, policy);
      expect(state).toMatchObject({ stage: 'DEVELOPMENT', communicationRounds: 16, validationDay: 'PENDING' });
      expect(harness.events.map((e) => e.seq)).toEqual(harness.events.map((_, i) => i + 1));
      expect(harness.events.at(-1)).toMatchObject({ type: 'REQUIREMENTS_SIGNED_OFF', fromStage: 'REQUIREMENTS', toStage: 'DEVELOPMENT', actor: 'client' });

      const late = await refusal(handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round(99)] }));
      expect(late.type).toBe('STAGE_CONFLICT');
    }));

  it('adds, confirms and drops requirements, refusing unknown and repeated moves', () =>
    withProject(harness, 'STANDARD', async (handle) => {
      await handle.executeUpdate(sopActionUpdate('addRequirement'), { args: [{ ...actor, requirementId: 'r1', title: 'Search' }] });
      await handle.executeUpdate(sopActionUpdate('addRequirement'), { args: [{ ...actor, requirementId: 'r2', title: 'Blog' }] });
      const duplicate = await refusal(handle.executeUpdate(sopActionUpdate('addRequirement'), { args: [{ ...actor, requirementId: 'r1', title: 'Again' }] }));
      expect(duplicate).toMatchObject({ type: 'INVALID_INPUT', details: { rule: 'REQUIREMENT_ID' } });
      await handle.executeUpdate(sopActionUpdate('confirmRequirement'), { args: [{ ...actor, requirementId: 'r1' }] });
      const twice = await refusal(handle.executeUpdate(sopActionUpdate('confirmRequirement'), { args: [{ ...actor, requirementId: 'r1' }] }));
      expect(twice.details).toMatchObject({ rule: 'REQUIREMENT_STATUS' });
      const state = await handle.executeUpdate(sopActionUpdate('dropRequirement'), { args: [{ ...actor, requirementId: 'r2', reason: 'out of budget' }] });
      expect(state.requirements).toEqual([
        { id: 'r1', title: 'Search', status: 'CONFIRMED', validation: 'UNCHECKED' },
        { id: 'r2', title: 'Blog', status: 'DROPPED', validation: 'UNCHECKED' },
      ]);
      const unknown = await refusal(handle.executeUpdate(sopActionUpdate('dropRequirement'), { args: [{ ...actor, requirementId: 'nope' }] }));
      expect(unknown.type).toBe('INVALID_INPUT');
    }));

  it('caps research sessions until an approved EXTRA_RESEARCH change order raises the cap', () =>
    withProject(harness, 'STANDARD', async (handle) => {
      const session = { ...actor, topic: 'Competitor audit', attendees: ['client marketing'] };
      await handle.executeUpdate(sopActionUpdate('logResearchSession'), { args: [session] });
      await handle.executeUpdate(sopActionUpdate('logResearchSession'), { args: [session] });
      const capped = await refusal(handle.executeUpdate(sopActionUpdate('logResearchSession'), { args: [session] }));
      expect(capped).toMatchObject({ type: 'SOP_RULE_VIOLATION', details: { rule: 'RESEARCH_SESSION_CAP', required: 2, actual: 2 } });

      const order = { ...actor, changeOrderId: 'co1', kind: 'EXTRA_RESEARCH' as const, reason: 'New market', amount: 800 };
      await handle.executeUpdate(sopActionUpdate('requestChangeOrder'), { args: [order] });
      expect((await refusal(handle.executeUpdate(sopActionUpdate('logResearchSession'), { args: [session] }))).type).toBe('SOP_RULE_VIOLATION');
      await handle.executeUpdate(sopActionUpdate('approveChangeOrder'), { args: [{ ...actor, changeOrderId: 'co1' }] });
      const state = await handle.executeUpdate(sopActionUpdate('logResearchSession'), { args: [session] });
      expect(state.researchSessions).toBe(3);
      const decided = await refusal(handle.executeUpdate(sopActionUpdate('rejectChangeOrder'), { args: [{ ...actor, changeOrderId: 'co1' }] }));
      expect(decided.details).toMatchObject({ rule: 'CHANGE_ORDER_STATUS' });
    }));

  it('validates update payloads itself, whoever sends them', () =>
    withProject(harness, 'PREMIUM', async (handle) => {
      const cases: [Record<string, unknown>, string][] = [
        [{ channel: 'PIGEON' }, 'CHANNEL'],
        [{ summary: '  ' }, 'SUMMARY'],
        [{ attendees: [] }, 'ATTENDEES'],
        [{ occurredAt: 'yesterday' }, 'OCCURRED_AT'],
        [{ occurredAt: '2999-01-01T00:00:00Z' }, 'OCCURRED_AT'],
        [{ actor: '' }, 'ACTOR'],
      ];
      for (const [patch, rule] of cases) {
        const refused = await refusal(handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [{ ...round(1), ...patch } as never] }));
        expect(refused).toMatchObject({ type: 'INVALID_INPUT', details: { rule } });
      }
      const badOrder = await refusal(
        handle.executeUpdate(sopActionUpdate('requestChangeOrder'), { args: [{ ...actor, changeOrderId: 'c', kind: 'SCOPE', reason: 'x', amount: -5 }] }),
      );
      expect(badOrder.details).toMatchObject({ rule: 'AMOUNT' });
      expect(harness.events).toHaveLength(0);
    }));

  it('applies an update sent twice with the same id once', () =>
    withProject(harness, 'PREMIUM', async (handle) => {
      await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round(1)], updateId: 'same' });
      const second = await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round(1)], updateId: 'same' });
      expect(second.communicationRounds).toBe(1);
      expect(harness.events).toHaveLength(1);
    }));
});
