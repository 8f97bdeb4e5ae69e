import type { StressTestThresholds } from '../../catalog/domain/packagePolicy.js';

/** Stress-test probes per simulated day (hourly); one burst of concurrent requests a day on top. */
export const PROBES_PER_DAY = 24;
export const BURST_SIZE = 10;

export const SITE_CHECK_KINDS = ['PROBE', 'BURST', 'MONITOR'] as const;
export type SiteCheckKind = (typeof SITE_CHECK_KINDS)[number];

/** One HTTP request to a client's site and what came back. */
export interface SiteCheck {
  ok: boolean;
  status: number | null;
  latencyMs: number;
  error: string | null;
}

/** Running totals a workflow keeps instead of every check (the checks themselves are in Postgres). */
export interface CheckTally {
  total: number;
  failed: number;
  latencies: number[];
  /** The first failing checks, as evidence for the timeline. */
  failedSamples: SiteCheck[];
}

/** How many failing checks a tally keeps as evidence. */
export const FAILED_SAMPLES_KEPT = 10;

export const emptyTally = (): CheckTally => ({ total: 0, failed: 0, latencies: [], failedSamples: [] });

export function addChecks(tally: CheckTally, checks: readonly SiteCheck[]): CheckTally {
  const failing = checks.filter((c) => !c.ok);
  return {
    total: tally.total + checks.length,
    failed: tally.failed + failing.length,
    latencies: [...tally.latencies, ...checks.filter((c) => c.ok).map((c) => c.latencyMs)],
    failedSamples: [...tally.failedSamples, ...failing].slice(0, FAILED_SAMPLES_KEPT),
  };
}

/** Nearest-rank percentile; 0 for no samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface TallySummary {
  checks: number;
  failed: number;
  availability: number;
  errorRate: number;
  p95LatencyMs: number;
}

export function summarize(tally: CheckTally): TallySummary {
  const availability = tally.total === 0 ? 0 : (tally.total - tally.failed) / tally.total;
  return {
    checks: tally.total,
    failed: tally.failed,
    availability,
    errorRate: tally.total === 0 ? 1 : tally.failed / tally.total,
    p95LatencyMs: percentile(tally.latencies, 95),
  };
}

export interface StressTestVerdict extends TallySummary {
  passed: boolean;
  /** Which thresholds were missed, in words, for the timeline. */
  failures: string[];
  /** The first failing checks (status, latency, error), for the timeline. */
  failedChecks: SiteCheck[];
}

/** Passes or fails a stress test on the policy's thresholds. */
export function stressTestVerdict(tally: CheckTally, thresholds: StressTestThresholds): StressTestVerdict {
  const summary = summarize(tally);
  const failures: string[] = [];
  if (summary.checks === 0) failures.push('no checks were made');
  if (summary.availability < thresholds.minAvailability) {
    failures.push(`availability ${(summary.availability * 100).toFixed(2)} % below ${(thresholds.minAvailability * 100).toFixed(2)} %`);
  }
  if (summary.errorRate > thresholds.maxErrorRate) {
    failures.push(`error rate ${(summary.errorRate * 100).toFixed(2)} % above ${(thresholds.maxErrorRate * 100).toFixed(2)} %`);
  }
  if (summary.p95LatencyMs > thresholds.maxP95LatencyMs) {
    failures.push(`p95 latency ${summary.p95LatencyMs} ms above ${thresholds.maxP95LatencyMs} ms`);
  }
  return { ...summary, passed: failures.length === 0, failures, failedChecks: tally.failedSamples };
}
