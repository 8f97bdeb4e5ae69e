import { followClientTier } from '../clientTier.js';
import { continueAsNew, proxyActivities, setCurrentDetails, sleep } from '@temporalio/workflow';
import type { MonitoringReportActivities } from '../../src/delivery/activities/monitoringReports.js';
import { DAYS_PER_MONTH } from '../../src/delivery/domain/aftercare.js';
import { addChecks, emptyTally, summarize } from '../../src/delivery/domain/siteCheck.js';
import { probeOnSchedule } from './siteProbes.js';

export interface AftercareMonitoringInput {
  projectId: string;
  /** The live site; null: no site to probe, the months still run for hosting. */
  url: string | null;
  months: number;
  dayMs: number;
  /** The month this run covers, from 1; each month is a run of its own (continue-as-new). */
  month: number;
}

const { writeMonitoringReport } = proxyActivities<MonitoringReportActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 10 },
  summary: 'Write the monthly monitoring report',
});

/**
 * Hosting and traffic monitoring after delivery: a durable timer marks each month while
 * an activity probes the live site once a day; a report row is written at the end of the
 * month. Every month continues as new, so the history stays one month long however many
 * months are bought.
 */
export async function aftercareMonitoring(input: AftercareMonitoringInput): Promise<number> {
  followClientTier();
  if (input.months < 1) return 0;
  const monthMs = DAYS_PER_MONTH * input.dayMs;
  const [, checks] = await Promise.all([
    sleep(monthMs),
    input.url
      ? probeOnSchedule(
          { projectId: input.projectId, url: input.url, purpose: 'MONITORING', run: 'monitoring', period: `month${input.month}`, burst: 0, probes: DAYS_PER_MONTH, intervalMs: input.dayMs },
          `Monitoring month ${input.month}: a daily probe of the live site`,
        )
      : Promise.resolve([]),
  ]);
  const summary = summarize(addChecks(emptyTally(), checks));
  await writeMonitoringReport({ projectId: input.projectId, month: input.month, summary });
  setCurrentDetails(`**Month ${input.month} of ${input.months}**: ${summary.checks} checks, availability ${(summary.availability * 100).toFixed(2)} %`);
  if (input.month < input.months) {
    return continueAsNew<typeof aftercareMonitoring>({ ...input, month: input.month + 1 });
  }
  return input.months;
}
