import { followClientTier } from '../clientTier.js';
import { setCurrentDetails, sleep } from '@temporalio/workflow';
import type { StressTestThresholds } from '../../src/catalog/domain/packagePolicy.js';
import { addChecks, BURST_SIZE, emptyTally, PROBES_PER_DAY, stressTestVerdict, summarize, type StressTestVerdict } from '../../src/delivery/domain/siteCheck.js';
import { probeOnSchedule } from './siteProbes.js';

export interface StressTestInput {
  projectId: string;
  attempt: number;
  url: string;
  days: number;
  dayMs: number;
  thresholds: StressTestThresholds;
}

/**
 * The delivery stress test: for each of the policy's days, a durable timer marks the day
 * while an activity bursts concurrent requests at the site and then probes it every hour;
 * at the end the run is judged on the policy's thresholds. The checks are stored by the
 * activity; the workflow keeps only the tally.
 */
export async function stressTest(input: StressTestInput): Promise<StressTestVerdict> {
  followClientTier();
  let tally = emptyTally();
  const intervalMs = Math.max(1, Math.floor(input.dayMs / PROBES_PER_DAY));
  for (let day = 1; day <= input.days; day++) {
    const [, checks] = await Promise.all([
      sleep(input.dayMs),
      probeOnSchedule(
        { projectId: input.projectId, url: input.url, purpose: 'STRESS_TEST', run: `stress-${input.attempt}`, period: `day${day}`, burst: BURST_SIZE, probes: PROBES_PER_DAY, intervalMs },
        `Stress test day ${day}: a burst and ${PROBES_PER_DAY} hourly probes`,
      ),
    ]);
    tally = addChecks(tally, checks);
    const summary = summarize(tally);
    setCurrentDetails(
      `**Day ${day} of ${input.days}**: ${summary.checks} checks, availability ${(summary.availability * 100).toFixed(2)} %, p95 ${summary.p95LatencyMs} ms`,
    );
  }
  return stressTestVerdict(tally, input.thresholds);
}
