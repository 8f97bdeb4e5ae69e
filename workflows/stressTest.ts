import { proxyActivities, setCurrentDetails, sleep } from '@temporalio/workflow';
import type { SiteCheckActivities } from '../src/activities/siteChecks.js';
import type { StressTestThresholds } from '../src/domain/packagePolicy.js';
import { addChecks, BURST_SIZE, emptyTally, PROBES_PER_DAY, stressTestVerdict, summarize, type StressTestVerdict } from '../src/domain/siteCheck.js';

export interface StressTestInput {
  projectId: string;
  attempt: number;
  url: string;
  days: number;
  dayMs: number;
  thresholds: StressTestThresholds;
}

const { checkSite } = proxyActivities<SiteCheckActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 5 },
  summary: 'Probe the staging site',
});

/**
 * The delivery stress test: probes the staging site every hour of every day, plus a
 * burst of concurrent requests once a day, and judges the run on the policy's thresholds.
 * Each check is stored by the activity; the workflow keeps only the tally.
 */
export async function stressTest(input: StressTestInput): Promise<StressTestVerdict> {
  let tally = emptyTally();
  const probeInterval = Math.max(1, Math.floor(input.dayMs / PROBES_PER_DAY));
  const run = `stress-${input.attempt}`;
  for (let day = 1; day <= input.days; day++) {
    const burst = await checkSite({ projectId: input.projectId, url: input.url, purpose: 'STRESS_TEST', run, slot: `day${day}-burst`, concurrency: BURST_SIZE });
    tally = addChecks(tally, burst);
    for (let probe = 1; probe <= PROBES_PER_DAY; probe++) {
      await sleep(probeInterval);
      const checks = await checkSite({ projectId: input.projectId, url: input.url, purpose: 'STRESS_TEST', run, slot: `day${day}-probe${probe}`, concurrency: 1 });
      tally = addChecks(tally, checks);
    }
    const summary = summarize(tally);
    setCurrentDetails(
      `**Day ${day} of ${input.days}**: ${summary.checks} checks, availability ${(summary.availability * 100).toFixed(2)} %, p95 ${summary.p95LatencyMs} ms`,
    );
  }
  return stressTestVerdict(tally, input.thresholds);
}
