import { describe, expect, it } from 'vitest';
import {
  differenceOfMeans,
  leastSquaresSlope,
  median,
  netPromoterScoreOf,
  netPromoterScoreOfScores,
  npsPoints,
  regressionSums,
  relativeChange,
  sampleVariance,
  studentTCdf,
  t975,
  welchDegreesOfFreedom,
} from '../../src/insights/domain/dashboardStatistics.js';

/** Every expected value below is worked out by hand (or read from a printed t table) in the comments. */

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 10, 2])).toBe(3); // (2 + 4) / 2
  });
});

describe("Student's t", () => {
  // Two-sided 95 % critical values from a printed table.
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [3, 3.1824],
    [4, 2.7764],
    [5, 2.5706],
    [10, 2.2281],
    [30, 2.0423],
    [1000, 1.9623],
  ])('t0.975 with %i degrees of freedom is %f', (df, expected) => {
    expect(t975(df)).toBeCloseTo(expected, 4);
  });

  it('has a symmetric CDF with 1/2 at 0', () => {
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(-1.5, 7) + studentTCdf(1.5, 7)).toBeCloseTo(1, 12);
    // df = 1 is the Cauchy distribution: P(T ≤ 1) = 1/2 + atan(1)/π = 0.75.
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 10);
  });

  it('lies between the neighbouring whole degrees of freedom for a fractional one', () => {
    const t = t975(3.5);
    expect(t).toBeLessThan(t975(3));
    expect(t).toBeGreaterThan(t975(4));
  });
});

describe('least-squares slope', () => {
  // (1,2) (2,4) (3,5) (4,4) (5,5): x̄ = 3, ȳ = 4; Sxx = 4+1+0+1+4 = 10; Sxy = 4+0+0+0+2 = 6; Syy = 4+0+1+0+1 = 6.
  // b = 0.6; SSE = 6 − 0.6·6 = 2.4; SE = √(2.4 / 3 / 10) = √0.08 = 0.2828427; t0.975(3) = 3.1824463; margin = 0.9001317.
  const points = [
    { x: 1, y: 2 },
    { x: 2, y: 4 },
    { x: 3, y: 5 },
    { x: 4, y: 4 },
    { x: 5, y: 5 },
  ];

  it('computes the sums Postgres regr_* aggregates give', () => {
    const sums = regressionSums(points);
    expect(sums.n).toBe(5);
    expect(sums.sxx).toBeCloseTo(10, 12);
    expect(sums.sxy).toBeCloseTo(6, 12);
    expect(sums.syy).toBeCloseTo(6, 12);
  });

  it('gives the slope with its 95 % interval, and not enough data under 8 points', () => {
    const slope = leastSquaresSlope({ n: 5, sxx: 10, sxy: 6, syy: 6 });
    expect(slope.estimate).toBeCloseTo(0.6, 12);
    expect(slope.lower).toBeCloseTo(0.6 - 0.9001317, 6);
    expect(slope.upper).toBeCloseTo(0.6 + 0.9001317, 6);
    expect(slope.sampleSize).toBe(5);
    expect(slope.enoughData).toBe(false);
    expect(leastSquaresSlope({ n: 5, sxx: 10, sxy: 6, syy: 6 }, 5).enoughData).toBe(true);
  });

  it('has a zero-width interval on a perfect line and none without spread in x', () => {
    // y = 10 − 2x at x = 1..8: Sxx = 42, Sxy = −84, Syy = 168: SSE = 0.
    const line = leastSquaresSlope(regressionSums([1, 2, 3, 4, 5, 6, 7, 8].map((x) => ({ x, y: 10 - 2 * x }))));
    expect(line).toMatchObject({ sampleSize: 8, enoughData: true });
    expect(line.estimate).toBeCloseTo(-2, 12);
    expect(line.lower).toBeCloseTo(-2, 6);
    expect(line.upper).toBeCloseTo(-2, 6);
    expect(leastSquaresSlope({ n: 4, sxx: 0, sxy: 0, syy: 3 })).toEqual({ estimate: null, lower: null, upper: null, sampleSize: 4, enoughData: false });
    expect(leastSquaresSlope({ n: 2, sxx: 2, sxy: 2, syy: 2 })).toEqual({ estimate: 1, lower: null, upper: null, sampleSize: 2, enoughData: false });
  });
});

describe('difference of means (Welch)', () => {
  it('equals the pooled interval for equal sizes and variances', () => {
    // a = 1,2,3 (mean 2, s² 1), b = 4,5,6 (mean 5, s² 1): SE = √(1/3 + 1/3) = 0.8164966,
    // df = (2/3)² / ((1/3)²/2 + (1/3)²/2) = 4, t0.975(4) = 2.7764451, margin = 2.2669579.
    const a = { n: 3, mean: 2, variance: sampleVariance([1, 2, 3]) };
    const b = { n: 3, mean: 5, variance: sampleVariance([4, 5, 6]) };
    expect(welchDegreesOfFreedom(a, b)).toBeCloseTo(4, 12);
    const d = differenceOfMeans(a, b, 3);
    expect(d.estimate).toBe(-3);
    expect(d.lower).toBeCloseTo(-3 - 2.2669579, 6);
    expect(d.upper).toBeCloseTo(-3 + 2.2669579, 6);
    expect(d).toMatchObject({ sampleSize: 6, enoughData: true });
    expect(differenceOfMeans(a, b).enoughData).toBe(false); // 5 per group by default
  });

  it('uses Welch–Satterthwaite degrees of freedom for unequal groups', () => {
    // a = 1..5 (mean 3, s² 2.5), b = 2,4,6 (mean 4, s² 4): va = 0.5, vb = 4/3;
    // df = (11/6)² / (0.25/4 + (16/9)/2) = 3.3611111 / 0.9513889 = 3.5328467.
    const a = { n: 5, mean: 3, variance: 2.5 };
    const b = { n: 3, mean: 4, variance: 4 };
    expect(welchDegreesOfFreedom(a, b)).toBeCloseTo(3.5328467, 6);
    const d = differenceOfMeans(a, b);
    const margin = t975(3.5328467) * Math.sqrt(11 / 6);
    expect(d.estimate).toBe(-1);
    expect(d.lower).toBeCloseTo(-1 - margin, 6);
    expect(d.upper).toBeCloseTo(-1 + margin, 6);
    expect(d.upper! - d.lower!).toBeGreaterThan(2 * 2.7764451 * Math.sqrt(11 / 6)); // wider than with 4 df
  });

  it('answers null without both groups, and no interval under two members', () => {
    expect(differenceOfMeans({ n: 0, mean: null, variance: null }, { n: 3, mean: 1, variance: 1 }).estimate).toBeNull();
    expect(differenceOfMeans({ n: 1, mean: 4, variance: null }, { n: 3, mean: 1, variance: 1 })).toEqual({ estimate: 3, lower: null, upper: null, sampleSize: 4, enoughData: false });
    expect(differenceOfMeans({ n: 5, mean: 100, variance: 0 }, { n: 5, mean: 0, variance: 0 })).toEqual({ estimate: 100, lower: 100, upper: 100, sampleSize: 10, enoughData: true });
  });
});

describe('net promoter score', () => {
  it('is promoters minus detractors in % of responses', () => {
    // 10, 9 promoters; 8, 7 passives; 6, 0 detractors; 10 promoter: (3 − 2) / 7 = 14.2857 %.
    expect(netPromoterScoreOfScores([10, 9, 8, 7, 6, 0, 10])).toBeCloseTo(100 / 7, 10);
    expect(netPromoterScoreOf({ responses: 4, promoters: 1, detractors: 3 })).toBe(-50);
    expect(netPromoterScoreOfScores([])).toBeNull();
  });

  it('is the mean of +100 / 0 / −100 points per response', () => {
    const scores = [10, 9, 8, 7, 6, 0, 10];
    expect(scores.map(npsPoints)).toEqual([100, 100, 0, 0, -100, -100, 100]);
  });

  it('relative change', () => {
    expect(relativeChange(1.5, 1)).toBe(0.5);
    expect(relativeChange(1, 0)).toBeNull();
    expect(relativeChange(null, 1)).toBeNull();
  });
});
