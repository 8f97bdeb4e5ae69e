/**
 * The weekly risk signal (issue 10): one run per week measured. The `weekly-risk-signal`
 * Temporal Schedule starts it every Monday at 06:00 UTC for the week that just ended
 * (src/insights/services/riskSignalSchedule.ts); an ADMIN's backfill starts it as
 * `risk-signal-<weekStart>` for past weeks (src/insights/services/riskSignals.ts).
 *
 * 1. `measureComplaintRates(week)`: each client's and the agency's complaints and active
 *    projects in the week and the week before, measured once and kept; a second run for the
 *    week gets the kept figures (`measuredBefore`).
 * 2. The rule (src/insights/domain/riskSignal.ts, pure) judges each scope: a rise of 20 %
 *    or more (with at least 2 complaints) calls for a service audit.
 * 3. `openServiceAudits`: inserts each audit once per week and scope (`on conflict do
 *    nothing`) and answers the audits whose notification is not yet delivered.
 * 4. For each: the `notify` activity (the one SLA notifications use: the log, the signed
 *    webhook) with a `SERVICE_AUDIT_OPENED` notification, then `markServiceAuditNotified`.
 *    A second run of the week finds nothing to open and nothing to announce. A notification
 *    that still fails after its retries is left undelivered (the audit stays open and
 *    listed); the next run (the next week's, or a backfill) sends it.
 *
 * Without `weekStart` the run measures the week before the one it was started in, by the
 * workflow's start time (`workflowInfo().startTime`, fixed in its history, so a replay or a
 * worker picking it up days later measures the same week).
 */
import { ActivityFailure, ApplicationFailure, log, proxyActivities, setCurrentDetails, workflowInfo } from '@temporalio/workflow';
import type { RiskSignalActivities } from '../../src/insights/activities/riskSignal.js';
import {
  isoWeekName,
  isWeekStart,
  previousWeekStart,
  riskSignalOf,
  serviceAuditNotification,
  type RiskSignalResult,
  type ServiceAuditNotification,
  type ServiceAuditNotifier,
} from '../../src/insights/domain/riskSignal.js';

export interface WeeklyRiskSignalInput {
  /** Monday (`YYYY-MM-DD`, UTC) of the week to measure; absent: the week before the run's start. */
  weekStart?: string | null;
}

/** The read model's activities, retried until Postgres answers (a bad week is refused for good). */
const records = (summary: string) =>
  proxyActivities<RiskSignalActivities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' }, summary });
const { measureComplaintRates } = records("Measure the week's complaint rates (once; kept)");
const { openServiceAudits } = records('Open a service audit for each rise (once per week and scope)');
const { markServiceAuditNotified } = records("Record the audit's notification as delivered");

function announce(notification: ServiceAuditNotification): Promise<void> {
  const { notify } = proxyActivities<ServiceAuditNotifier>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
    scheduleToCloseTimeout: '1 hour',
    summary: notification.summary,
  });
  return notify(notification);
}

export async function weeklyRiskSignal(input: WeeklyRiskSignalInput = {}): Promise<RiskSignalResult> {
  const weekStart = input?.weekStart ?? previousWeekStart(workflowInfo().startTime);
  if (!isWeekStart(weekStart)) {
    throw ApplicationFailure.create({ type: 'INVALID_INPUT', message: `weekStart must be a Monday (YYYY-MM-DD), not ${JSON.stringify(weekStart)}.`, nonRetryable: true });
  }
  const isoWeek = isoWeekName(weekStart);
  setCurrentDetails(`**${isoWeek}** (from ${weekStart}): measuring complaint rates`);

  const measurement = await measureComplaintRates(weekStart);
  const signal = riskSignalOf(measurement);
  const { opened, toNotify } = signal.audits.length > 0 ? await openServiceAudits({ weekStart, audits: signal.audits }) : { opened: 0, toNotify: [] };

  let sent = 0;
  for (const audit of toNotify) {
    const notification = serviceAuditNotification(audit);
    try {
      await announce(notification);
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn('Service audit notification not delivered; the next run sends it', { deliveryId: notification.deliveryId, error: error.cause?.message ?? error.message });
      continue;
    }
    await markServiceAuditNotified(audit.auditId);
    sent += 1;
  }

  const rate = signal.agency.rate === null ? 'no active project' : `${signal.agency.rate.toFixed(2)} complaints per active project`;
  setCurrentDetails(
    `**${isoWeek}** (from ${weekStart}): agency ${rate}; ${signal.audits.length} rise(s), ${opened} audit(s) opened, ${sent} notification(s) sent` +
      (measurement.measuredBefore ? ' (figures as first measured)' : ''),
  );
  return {
    weekStart,
    isoWeek,
    agency: { ...measurement.agency, ...signal.agency },
    clientsMeasured: measurement.clients.length,
    measuredBefore: measurement.measuredBefore,
    auditsOpened: opened,
    notificationsSent: sent,
    notificationsPending: toNotify.length - sent,
  };
}
