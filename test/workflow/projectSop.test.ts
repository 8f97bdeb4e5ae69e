import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectionActivities } from '../../src/activities/projection.js';
import type { CommunicationRound } from '../../src/domain/communicationRound.js';
import { DEFAULT_PACKAGES } from '../../src/domain/defaultPackages.js';
import type { SopEvent } from '../../src/domain/sopEvent.js';
import { logCommunicationRoundUpdate, signOffRequirementsUpdate, sopStateQuery } from '../../workflows/messages.js';
import type { ProjectSopInput } from '../../workflows/projectSop.js';
import { registerSearchAttributes, testServerExecutable } from '../support/temporalBinaries.js';
import { bundleWorkflows } from '../support/workflowBundle.js';

const premium = DEFAULT_PACKAGES.find((p) => p.code === 'PREMIUM')!.policy;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let recorded: SopEvent[];

// The projection activity is mocked: these tests are about the workflow's rules.
const activities: ProjectionActivities = {
  async recordSopEvent(event) {
    recorded.push(event);
  },
};

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: testServerExecutable() } });
  await registerSearchAttributes(env);
  bundle = await bundleWorkflows();
});

afterAll(async () => {
  await env?.teardown();
});

beforeEach(() => {
  recorded = [];
});

let counter = 0;
async function withProject(test: (handle: Awaited<ReturnType<typeof start>>) => Promise<void>) {
  const taskQueue = `sop-${++counter}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  await worker.runUntil(async () => test(await start(taskQueue)));
}

function start(taskQueue: string) {
  const input: ProjectSopInput = {
    projectId: `p-${counter}`,
    packageCode: 'PREMIUM',
    clientTier: 'A',
    projectLead: 'lin',
    policy: premium,
  };
  return env.client.workflow.start('projectSop', { taskQueue, workflowId: `project-p-${counter}`, args: [input] });
}

const round = (n: number): CommunicationRound => ({
  channel: 'MEETING',
  summary: `workshop ${n}`,
  attendees: ['client'],
  occurredAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
  actor: 'lin',
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; message: string; details?: unknown[] };
  return { type: cause.type, message: cause.message, details: cause.details?.[0] };
}

describe('projectSop workflow', () => {
  it('refuses sign-off below the minimum rounds and leaves the state untouched', () =>
    withProject(async (handle) => {
      await handle.executeUpdate(logCommunicationRoundUpdate, { args: [round(1)] });
      const refused = await refusal(handle.executeUpdate(signOffRequirementsUpdate, { args: [{ actor: 'lin' }] }));
      expect(refused).toMatchObject({
        type: 'SOP_RULE_VIOLATION',
        message: 'Requirements cannot be signed off: 1 of 8 communication rounds logged.',
        details: { rule: 'MIN_COMMUNICATION_ROUNDS', required: 8, actual: 1 },
      });
      expect(await handle.query(sopStateQuery)).toEqual({ stage: 'REQUIREMENTS', communicationRounds: 1, lastEventSeq: 1 });
      expect(recorded).toHaveLength(1);
    }));

  it('signs off after 8 rounds, projecting every event in order before each update returns', () =>
    withProject(async (handle) => {
      for (let n = 1; n <= 8; n++) {
        const state = await handle.executeUpdate(logCommunicationRoundUpdate, { args: [round(n)] });
        expect(state.communicationRounds).toBe(n);
        expect(recorded).toHaveLength(n);
      }
      const state = await handle.executeUpdate(signOffRequirementsUpdate, { args: [{ actor: 'client', note: 'ok' }] });
      expect(state).toEqual({ stage: 'DEVELOPMENT', communicationRounds: 8, lastEventSeq: 9 });
      expect(recorded.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(recorded.at(-1)).toMatchObject({
        type: 'REQUIREMENTS_SIGNED_OFF',
        fromStage: 'REQUIREMENTS',
        toStage: 'DEVELOPMENT',
        actor: 'client',
        details: { note: 'ok' },
        state: { stage: 'DEVELOPMENT' },
      });

      const late = await refusal(handle.executeUpdate(logCommunicationRoundUpdate, { args: [round(9)] }));
      expect(late.type).toBe('STAGE_CONFLICT');
      const again = await refusal(handle.executeUpdate(signOffRequirementsUpdate, { args: [{ actor: 'lin' }] }));
      expect(again.type).toBe('STAGE_CONFLICT');
      expect(recorded).toHaveLength(9);
    }));

  it('validates update payloads itself, whoever sends them', () =>
    withProject(async (handle) => {
      const cases: [Partial<CommunicationRound>, string][] = [
        [{ channel: 'PIGEON' as never }, 'CHANNEL'],
        [{ summary: '  ' }, 'SUMMARY'],
        [{ attendees: [] }, 'ATTENDEES'],
        [{ occurredAt: 'yesterday' }, 'OCCURRED_AT'],
        [{ occurredAt: '2999-01-01T00:00:00Z' }, 'OCCURRED_AT'],
        [{ actor: '' }, 'ACTOR'],
      ];
      for (const [patch, rule] of cases) {
        const refused = await refusal(handle.executeUpdate(logCommunicationRoundUpdate, { args: [{ ...round(1), ...patch }] }));
        expect(refused).toMatchObject({ type: 'INVALID_INPUT', details: { rule } });
      }
      const noActor = await refusal(handle.executeUpdate(signOffRequirementsUpdate, { args: [{} as never] }));
      expect(noActor.type).toBe('INVALID_INPUT');
      expect(recorded).toHaveLength(0);
      expect((await handle.query(sopStateQuery)).communicationRounds).toBe(0);
    }));

  it('applies an update sent twice with the same id once', () =>
    withProject(async (handle) => {
      await handle.executeUpdate(logCommunicationRoundUpdate, { args: [round(1)], updateId: 'same' });
      const second = await handle.executeUpdate(logCommunicationRoundUpdate, { args: [round(1)], updateId: 'same' });
      expect(second.communicationRounds).toBe(1);
      expect(recorded).toHaveLength(1);
    }));
});
