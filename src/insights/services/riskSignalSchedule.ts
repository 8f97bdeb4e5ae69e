import { ScheduleAlreadyRunning, type Client as TemporalClient, type ScheduleDescription, type ScheduleOptions } from '@temporalio/client';
import { weeklyRiskSignal } from '../../../workflows/insights/weeklyRiskSignal.js';

/**
 * The Temporal Schedule that runs the weekly risk signal (workflows/insights/weeklyRiskSignal.ts):
 * every Monday at 06:00 UTC, for the week that just ended. It lives in Temporal (listed in
 * the Web UI under Schedules, with its next runs and the workflows it started), so it fires
 * whichever worker is up; the workers make sure it exists each time one starts.
 */

/** The schedule's id in the namespace. */
export const RISK_SIGNAL_SCHEDULE_ID = 'weekly-risk-signal';

/**
 * Names the definition below. A release that changes the spec, the workflow or the
 * policies changes this text, and the first worker of the release updates the schedule.
 */
export const RISK_SIGNAL_SCHEDULE_COMMENT = 'Weekly risk signal: Mondays 06:00 UTC, measures the week that just ended (v1)';

/** What the schedule is: when, what it starts, on which task queue. */
export function riskSignalScheduleOptions(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: RISK_SIGNAL_SCHEDULE_ID,
    spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 6, minute: 0, comment: RISK_SIGNAL_SCHEDULE_COMMENT }], timezone: 'UTC' },
    action: {
      type: 'startWorkflow',
      workflowType: weeklyRiskSignal,
      // The server appends the scheduled time: `risk-signal-weekly-2026-01-12T06:00:00Z`.
      workflowId: 'risk-signal-weekly',
      taskQueue,
      args: [{}],
      staticSummary: 'Weekly risk signal: complaint rates of the week that just ended, audits for rises of 20 % or more',
    },
    policies: {
      // A run still going when the next one is due (never, in practice) is not doubled.
      overlap: 'SKIP',
      // After an outage of Temporal of up to a day the run still happens, for the same week
      // (it measures the week before its start); longer outages are an ADMIN's backfill.
      catchupWindow: '1 day',
    },
  };
}

/** Whether the schedule that exists is the definition this release would create. */
function isCurrent(description: ScheduleDescription, taskQueue: string): boolean {
  return (
    description.action.workflowType === weeklyRiskSignal.name &&
    description.action.taskQueue === taskQueue &&
    description.spec.calendars?.length === 1 &&
    description.spec.calendars[0]!.comment === RISK_SIGNAL_SCHEDULE_COMMENT
  );
}

export type ScheduleOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

/**
 * Creates the schedule if it does not exist, and brings it up to this release's definition
 * if it differs (another spec, workflow or task queue); otherwise leaves it alone. Safe to
 * call from every worker at every start, several at once: creating twice is refused by
 * Temporal (ScheduleAlreadyRunning), and an update that races another one is checked again.
 * A paused schedule stays paused: pausing is an operator's decision.
 */
export async function ensureRiskSignalSchedule(temporal: TemporalClient, taskQueue: string): Promise<ScheduleOutcome> {
  const options = riskSignalScheduleOptions(taskQueue);
  try {
    await temporal.schedule.create(options);
    return 'CREATED';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = temporal.schedule.getHandle(RISK_SIGNAL_SCHEDULE_ID);
  for (let attempt = 1; ; attempt += 1) {
    if (isCurrent(await handle.describe(), taskQueue)) return attempt === 1 ? 'UNCHANGED' : 'UPDATED';
    try {
      await handle.update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: { ...previous.policies, ...options.policies } }));
      return 'UPDATED';
    } catch (error) {
      // Another worker updated it between our describe and our update: look again.
      if (attempt >= 3) throw error;
    }
  }
}
