import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGES } from '../../src/catalog/domain/defaultPackages.js';
import { PROJECTION_REJECTED, type TimelineEvent } from '../../src/delivery/domain/timelineEvent.js';
import { sopActionUpdate, sopStateQuery } from '../../workflows/delivery/messages.js';
import type { projectSop } from '../../workflows/delivery/projectSop.js';
import { useTimeSkipping } from '../support/temporalBinaries.js';
import { round } from './sopHarness.js';

/**
 * How projectSop writes its timeline events: as a local activity first, handed to the
 * regular activity when the local one does not succeed, and never retried when the read
 * model refuses the event for good.
 */
const server = useTimeSkipping();

let counter = 0;

/** Runs `test` on a fresh project whose event writes `write` answers (it may throw). */
async function withProject(write: (event: TimelineEvent, attempt: number) => void, test: (handle: ReturnType<typeof server.env.client.workflow.getHandle<typeof projectSop>>) => Promise<void>) {
  const taskQueue = `read-model-${++counter}`;
  let attempt = 0;
  const worker = await Worker.create({
    connection: server.env.nativeConnection,
    taskQueue,
    workflowBundle: server.bundle,
    activities: {
      async recordTimelineEvent(event: TimelineEvent) {
        write(event, ++attempt);
      },
    },
  });
  await worker.runUntil(async () => {
    const handle = await server.env.client.workflow.start<typeof projectSop>('projectSop', {
      taskQueue,
      workflowId: `read-model-${counter}`,
      args: [{ projectId: `rm${counter}`, policy: DEFAULT_PACKAGES.find((p) => p.code === 'STANDARD')!.policy }],
    });
    try {
      await test(handle);
    } finally {
      await handle.terminate('test finished').catch(() => undefined);
    }
  });
}

/** What the workflow's history says about how the event was written. */
async function writesInHistory(workflowId: string) {
  const { events } = await server.env.client.workflow.getHandle(workflowId).fetchHistory();
  return {
    localActivityMarkers: events!.filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
    activitiesScheduled: events!.filter((event) => event.activityTaskScheduledEventAttributes).length,
  };
}

describe('projectSop writes timeline events', () => {
  it('as a local activity: no activity task, one marker', async () => {
    const written: number[] = [];
    await withProject(
      (event) => written.push(event.seq),
      async (handle) => {
        const state = await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round()] });
        expect(state.communicationRounds).toBe(1);
        expect(written).toEqual([1]);
        expect(await writesInHistory(handle.workflowId)).toEqual({ localActivityMarkers: 1, activitiesScheduled: 0 });
      },
    );
  });

  it('as the regular activity when the local one fails, and the action still answers once', async () => {
    const written: number[] = [];
    await withProject(
      (event, attempt) => {
        // The local activity gives up at once: the write must move to the regular activity.
        if (attempt === 1) throw ApplicationFailure.nonRetryable('Postgres did not answer', 'Unavailable');
        written.push(event.seq);
      },
      async (handle) => {
        const state = await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round()] });
        expect(state.communicationRounds).toBe(1);
        expect(written).toEqual([1]);
        expect(await writesInHistory(handle.workflowId)).toEqual({ localActivityMarkers: 1, activitiesScheduled: 1 });
      },
    );
  });

  it('never again once the read model refuses the event for good: the action is undone', async () => {
    let attempts = 0;
    await withProject(
      () => {
        attempts += 1;
        throw ApplicationFailure.nonRetryable('refused', PROJECTION_REJECTED, { sqlState: '23514' });
      },
      async (handle) => {
        const failure = await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round()] }).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
        expect(((failure as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe(PROJECTION_REJECTED);
        expect(attempts).toBe(1);
        expect((await handle.query(sopStateQuery)).communicationRounds).toBe(0);
        expect(await writesInHistory(handle.workflowId)).toEqual({ localActivityMarkers: 1, activitiesScheduled: 0 });
      },
    );
  });
});
