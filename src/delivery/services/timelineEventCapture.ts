/**
 * A workflow interceptor module for replays only (src/delivery/services/timelineReplay.ts):
 * hands every timeline event the project workflow schedules for the read model — local
 * or regular activity — to the replaying process through a sink, so an event the read
 * model lost can be written again exactly as the workflow wrote it. Runs in the sandbox.
 */
import { proxySinks, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

export interface TimelineCaptureSinks extends Sinks {
  timelineCapture: { event(event: unknown): void };
}

/** The projection activity under its current and its earlier name. */
const PROJECTION_ACTIVITIES = new Set(['recordTimelineEvent', 'recordSopEvent']);

const { timelineCapture } = proxySinks<TimelineCaptureSinks>();

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        if (PROJECTION_ACTIVITIES.has(input.activityType)) timelineCapture.event(input.args[0]);
        return next(input);
      },
      scheduleLocalActivity(input, next) {
        if (PROJECTION_ACTIVITIES.has(input.activityType)) timelineCapture.event(input.args[0]);
        return next(input);
      },
    },
  ],
});
