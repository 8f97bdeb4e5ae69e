/**
 * The stage-action and creation floors' workflow: the least a durable project needs —
 * it starts, waits, and takes actions as Updates. `recordWithInsert` runs one activity
 * that INSERTs one row (the projection's round trip, minimal); `recordBare` only counts.
 */
import { condition, defineUpdate, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { FloorActivities } from './floorActivities.js';

export const recordWithInsert = defineUpdate<number, [string]>('recordWithInsert');
export const recordBare = defineUpdate<number, [string]>('recordBare');

const { insertFloorEvent } = proxyActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

export async function floorProject(): Promise<void> {
  let actions = 0;
  setHandler(recordWithInsert, async (summary) => {
    actions += 1;
    await insertFloorEvent(workflowInfo().workflowId, actions, summary);
    return actions;
  });
  setHandler(recordBare, async () => {
    actions += 1;
    return actions;
  });
  // Open for good, as a project waiting for its next action.
  await condition(() => false);
}
