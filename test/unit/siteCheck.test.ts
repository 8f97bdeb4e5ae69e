import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGES } from '../../src/catalog/domain/defaultPackages.js';
import {
  addChecks,
  emptyTally,
  FAILED_SAMPLES_KEPT,
  percentile,
  stressTestVerdict,
  summarize,
  type CheckTally,
  type SiteCheck,
} from '../../src/delivery/domain/siteCheck.js';

// minAvailability 0.99, maxErrorRate 0.01, maxP95LatencyMs 1500.
const thresholds = DEFAULT_PACKAGES.find((p) => p.code === 'PREMIUM')!.policy.stressTestThresholds;

const ok = (latencyMs: number): SiteCheck => ({ ok: true, status: 200, latencyMs, error: null });
const bad = (latencyMs: number, error = 'HTTP 503'): SiteCheck => ({ ok: false, status: 503, latencyMs, error });
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe('percentile (nearest rank)', () => {
  it('is 0 without samples', () => {
    expect(percentile([], 95)).toBe(0);
    expect(percentile([], 50)).toBe(0);
  });

  it('takes the value at rank ceil(p/100 × n)', () => {
    const oneToHundred = times(100, (i) => i + 1);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
    // 10 samples: rank ceil(9.5) = 10, the largest.
    expect(percentile(times(10, (i) => i + 1), 95)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
  });

  it('sorts numerically and leaves its input alone', () => {
    const values = [900, 5, 100, 20, 3000];
    expect(percentile(values, 60)).toBe(100);
    expect(percentile(values, 95)).toBe(3000);
    expect(values).toEqual([900, 5, 100, 20, 3000]);
  });
});

describe('summarize', () => {
  it('counts checks, failures, availability, error rate and p95 of the latencies', () => {
    const tally: CheckTally = { total: 200, failed: 4, latencies: times(196, (i) => i + 1), failedSamples: [] };
    expect(summarize(tally)).toEqual({ checks: 200, failed: 4, availability: 0.98, errorRate: 0.02, p95LatencyMs: 187 });
  });

  it('treats no checks as nothing available and everything failing', () => {
    expect(summarize(emptyTally())).toEqual({ checks: 0, failed: 0, availability: 0, errorRate: 1, p95LatencyMs: 0 });
  });
});

describe('addChecks', () => {
  it('adds counts and keeps latencies of successful checks only', () => {
    const tally = addChecks(addChecks(emptyTally(), [ok(100), bad(30_000), ok(300)]), [ok(200)]);
    expect(tally.total).toBe(4);
    expect(tally.failed).toBe(1);
    expect(tally.latencies).toEqual([100, 300, 200]);
    expect(tally.failedSamples).toEqual([bad(30_000)]);
  });

  it(`keeps only the first ${FAILED_SAMPLES_KEPT} failing checks as evidence`, () => {
    expect(FAILED_SAMPLES_KEPT).toBe(10);
    const first = addChecks(emptyTally(), times(7, (i) => bad(i, `first ${i}`)));
    const second = addChecks(first, times(7, (i) => bad(i, `second ${i}`)));
    expect(second.failed).toBe(14);
    expect(second.failedSamples).toHaveLength(FAILED_SAMPLES_KEPT);
    expect(second.failedSamples.map((c) => c.error)).toEqual([...times(7, (i) => `first ${i}`), 'second 0', 'second 1', 'second 2']);
  });

  it('does not change the tally it is given', () => {
    const tally = emptyTally();
    addChecks(tally, [ok(1), bad(2)]);
    expect(tally).toEqual(emptyTally());
  });
});

describe('stressTestVerdict', () => {
  const tallyOf = (checks: SiteCheck[]) => addChecks(emptyTally(), checks);

  it('passes at the thresholds exactly', () => {
    // 1 failure in 100: availability 0.99, error rate 0.01; p95 latency 1500 ms.
    const verdict = stressTestVerdict(tallyOf([...times(99, () => ok(1500)), bad(10)]), thresholds);
    expect(verdict).toMatchObject({ passed: true, failures: [], checks: 100, failed: 1, availability: 0.99, errorRate: 0.01, p95LatencyMs: 1500 });
    expect(verdict.failedChecks).toEqual([bad(10)]);
  });

  it('fails on availability and error rate, saying by how much', () => {
    const verdict = stressTestVerdict(tallyOf([...times(98, () => ok(100)), bad(10), bad(10)]), thresholds);
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual(['availability 98.00 % below 99.00 %', 'error rate 2.00 % above 1.00 %']);
  });

  it('fails on the error rate alone when availability is allowed to be lower', () => {
    const verdict = stressTestVerdict(tallyOf([...times(98, () => ok(100)), bad(10), bad(10)]), { ...thresholds, minAvailability: 0.9 });
    expect(verdict.failures).toEqual(['error rate 2.00 % above 1.00 %']);
  });

  it('fails on availability alone when more errors are allowed', () => {
    const verdict = stressTestVerdict(tallyOf([...times(98, () => ok(100)), bad(10), bad(10)]), { ...thresholds, maxErrorRate: 0.05 });
    expect(verdict.failures).toEqual(['availability 98.00 % below 99.00 %']);
  });

  it('fails on p95 latency', () => {
    const verdict = stressTestVerdict(tallyOf([...times(94, () => ok(200)), ...times(6, () => ok(1501))]), thresholds);
    expect(verdict.p95LatencyMs).toBe(1501);
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual(['p95 latency 1501 ms above 1500 ms']);
  });

  it('fails when no checks were made', () => {
    const verdict = stressTestVerdict(emptyTally(), thresholds);
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual(['no checks were made', 'availability 0.00 % below 99.00 %', 'error rate 100.00 % above 1.00 %']);
  });
});
