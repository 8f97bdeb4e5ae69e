import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { TimelineEvent } from '../domain/timelineEvent.js';

/** The interceptor module a replay bundle must include (bundleWorkflows({ interceptorModules: [...] })). */
export const TIMELINE_CAPTURE_MODULE = fileURLToPath(new URL('./timelineEventCapture.ts', import.meta.url));

/**
 * The timeline events a project workflow's current run wrote to the read model, by seq,
 * recovered by replaying its history with the capture interceptor: local activities
 * record only their result, so the events themselves exist nowhere else. A seq written
 * twice (an undone transition, a local activity retried as a regular one) keeps the last
 * write, as the projection does.
 */
export async function replayTimelineEvents(temporal: Client, bundle: WorkflowBundleWithSourceMap, workflowId: string): Promise<Map<number, TimelineEvent>> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const events = new Map<number, TimelineEvent>();
  await Worker.runReplayHistory(
    {
      workflowBundle: bundle,
      replayName: 'reconcile',
      sinks: { timelineCapture: { event: { fn: (_info, event: TimelineEvent) => void events.set(event.seq, event), callDuringReplay: true } } },
    },
    history,
    workflowId,
  );
  return events;
}
