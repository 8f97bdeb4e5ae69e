import { proxyActivities } from '@temporalio/workflow';
import type { ProbeScheduleRequest, SiteProbeActivities } from '../../src/delivery/activities/siteProbes.js';
import type { SiteCheck } from '../../src/delivery/domain/siteCheck.js';

/**
 * Runs one period of scheduled site checks as a heartbeating activity. Its timeout
 * follows the period's length; a worker that dies is noticed by the heartbeat, and the
 * retry resumes after the last stored check.
 */
export function probeOnSchedule(request: ProbeScheduleRequest, summary: string): Promise<SiteCheck[]> {
  const periodMs = request.probes * request.intervalMs;
  const { probeOnSchedule: probe } = proxyActivities<SiteProbeActivities>({
    startToCloseTimeout: periodMs + 10 * 60_000,
    heartbeatTimeout: '1 minute',
    retry: { maximumAttempts: 10 },
    summary,
  });
  return probe(request);
}
