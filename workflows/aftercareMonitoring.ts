import { continueAsNew, proxyActivities, setCurrentDetails, sleep } from '@temporalio/workflow';
import type { SiteCheckActivities } from '../src/activities/siteChecks.js';
import { DAYS_PER_MONTH } from '../src/domain/aftercare.js';
import { addChecks, emptyTally, summarize } from '../src/domain/siteCheck.js';

export interface AftercareMonitoringInput {
  projectId: string;
  /** The live site; null: no site to probe, the months still run for hosting. */
  url: string | null;
  months: number;
  dayMs: number;
  /** The month this run covers, from 1; each month is a run of its own (continue-as-new). */
  month: number;
}

const { checkSite, writeMonitoringReport } = proxyActivities<SiteCheckActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 10 },
  summary: 'Monitor the live site',
});

/**
 * Hosting and traffic monitoring after delivery: probes the live site once a day and
 * writes a report row at the end of each month. Every month continues as new, so the
 * history stays one month long however many months are bought.
 */
export async function aftercareMonitoring(input: AftercareMonitoringInput): Promise<number> {
  if (input.months < 1) return 0;
  let tally = emptyTally();
  for (let day = 1; day <= DAYS_PER_MONTH; day++) {
    await sleep(input.dayMs);
    if (input.url) {
      const checks = await checkSite({ projectId: input.projectId, url: input.url, purpose: 'MONITORING', run: 'monitoring', slot: `month${input.month}-day${day}`, concurrency: 1 });
      tally = addChecks(tally, checks);
    }
  }
  await writeMonitoringReport({ projectId: input.projectId, month: input.month, summary: summarize(tally) });
  setCurrentDetails(`**Month ${input.month} of ${input.months}** reported`);
  if (input.month < input.months) {
    return continueAsNew<typeof aftercareMonitoring>({ ...input, month: input.month + 1 });
  }
  return input.months;
}
