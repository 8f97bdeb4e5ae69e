/**
 * The statistics of the service value dashboard, pure: Postgres aggregates the read model
 * (counts, sums of squares, percentiles) and these functions turn the aggregates into the
 * figures the dashboard shows: a median, a least-squares slope with its 95 % confidence
 * interval (Student's t), a difference of two means with its 95 % confidence interval
 * (Welch), and the net promoter score.
 *
 * Every function answers null (or `enoughData: false`) rather than a number it cannot
 * justify: no data, a single point, a constant regressor.
 */

/** The median of `values` (the mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The arithmetic mean; null when empty. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The sample variance (n − 1 in the denominator); null with fewer than two values. */
export function sampleVariance(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1);
}

// ---------------------------------------------------------------------------------------
// Student's t distribution

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df > 0, not necessarily whole: Welch). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The `p` quantile of Student's t with `df` degrees of freedom (0 < p < 1), by bisection on the CDF. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`studentTQuantile needs 0 < p < 1 and df > 0 (p ${p}, df ${df}).`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The two-sided 95 % critical value of Student's t (t₀.₉₇₅). */
export const t975 = (df: number): number => studentTQuantile(0.975, df);

// ---------------------------------------------------------------------------------------
// Estimates with confidence intervals

/** An estimate with its 95 % confidence interval; the interval is null when it cannot be computed. */
export interface Estimate {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  sampleSize: number;
  /** Whether the sample reaches the minimum the estimate asks for (below it the figures are still shown, but not to be relied on). */
  enoughData: boolean;
}

/**
 * Sums that determine a least-squares line, as Postgres' `regr_count`, `regr_sxx`,
 * `regr_sxy` and `regr_syy` give them: the count of (x, y) pairs and the sums of squares
 * and products of their deviations from the means.
 */
export interface RegressionSums {
  n: number;
  sxx: number;
  sxy: number;
  syy: number;
}

/** The regression sums of `points`, computed here (what Postgres' `regr_*` aggregates answer). */
export function regressionSums(points: readonly { x: number; y: number }[]): RegressionSums {
  const n = points.length;
  const mx = mean(points.map((p) => p.x)) ?? 0;
  const my = mean(points.map((p) => p.y)) ?? 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const { x, y } of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  return { n, sxx, sxy, syy };
}

/** Fewest points a slope is reported as reliable on. */
export const MIN_SLOPE_POINTS = 8;

/**
 * The least-squares slope of y on x with its 95 % confidence interval:
 * b = Sxy / Sxx, SE(b) = √(SSE / (n − 2) / Sxx) with SSE = Syy − b·Sxy, and b ± t₀.₉₇₅(n − 2)·SE(b).
 * The slope is null when x does not vary (or there are no points); the interval needs n ≥ 3.
 */
export function leastSquaresSlope(sums: RegressionSums, minimumPoints = MIN_SLOPE_POINTS): Estimate {
  const { n, sxx, sxy, syy } = sums;
  if (n < 2 || !(sxx > 0)) return { estimate: null, lower: null, upper: null, sampleSize: n, enoughData: false };
  const slope = sxy / sxx;
  if (n < 3) return { estimate: slope, lower: null, upper: null, sampleSize: n, enoughData: false };
  const sse = Math.max(0, syy - slope * sxy);
  const standardError = Math.sqrt(sse / (n - 2) / sxx);
  const margin = t975(n - 2) * standardError;
  return { estimate: slope, lower: slope - margin, upper: slope + margin, sampleSize: n, enoughData: n >= minimumPoints };
}

/** A group's summary for a difference of means: size, mean and sample variance (Postgres' count, avg, var_samp). */
export interface GroupSummary {
  n: number;
  mean: number | null;
  variance: number | null;
}

/** Fewest members each group needs for a difference of means to be reported as reliable. */
export const MIN_GROUP_SIZE = 5;

/**
 * The difference of two means (a − b) with Welch's 95 % confidence interval:
 * SE = √(s²a/na + s²b/nb), df by Welch–Satterthwaite, (ma − mb) ± t₀.₉₇₅(df)·SE.
 * Null estimate when a group is empty; no interval unless both groups have two members.
 * Two groups without any spread have a zero-width interval.
 */
export function differenceOfMeans(a: GroupSummary, b: GroupSummary, minimumPerGroup = MIN_GROUP_SIZE): Estimate {
  const sampleSize = a.n + b.n;
  const enoughData = a.n >= minimumPerGroup && b.n >= minimumPerGroup;
  if (a.n === 0 || b.n === 0 || a.mean === null || b.mean === null) return { estimate: null, lower: null, upper: null, sampleSize, enoughData: false };
  const estimate = a.mean - b.mean;
  if (a.n < 2 || b.n < 2 || a.variance === null || b.variance === null) return { estimate, lower: null, upper: null, sampleSize, enoughData: false };
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) return { estimate, lower: estimate, upper: estimate, sampleSize, enoughData };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const margin = t975(df) * standardError;
  return { estimate, lower: estimate - margin, upper: estimate + margin, sampleSize, enoughData };
}

/** Welch–Satterthwaite degrees of freedom of two groups (exported for the tests). */
export function welchDegreesOfFreedom(a: GroupSummary, b: GroupSummary): number | null {
  if (a.n < 2 || b.n < 2 || a.variance === null || b.variance === null) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  if (va + vb === 0) return null;
  return (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
}

// ---------------------------------------------------------------------------------------
// Net promoter score

/** Scores of 9 and 10 are promoters, 0 to 6 detractors, 7 and 8 passives. */
export const PROMOTER_MIN = 9;
export const DETRACTOR_MAX = 6;

/** One response's contribution to the NPS: +100 a promoter, −100 a detractor, 0 a passive. The NPS is the mean of these. */
export const npsPoints = (score: number): number => (score >= PROMOTER_MIN ? 100 : score <= DETRACTOR_MAX ? -100 : 0);

/** The net promoter score from counts: 100 · (promoters − detractors) / responses, −100 to 100, unrounded; null without responses. */
export function netPromoterScoreOf(counts: { responses: number; promoters: number; detractors: number }): number | null {
  return counts.responses > 0 ? (100 * (counts.promoters - counts.detractors)) / counts.responses : null;
}

/** The net promoter score of 0–10 scores; null without any. */
export function netPromoterScoreOfScores(scores: readonly number[]): number | null {
  return netPromoterScoreOf({
    responses: scores.length,
    promoters: scores.filter((s) => s >= PROMOTER_MIN).length,
    detractors: scores.filter((s) => s <= DETRACTOR_MAX).length,
  });
}

/** `value / total`, null when the total is 0. */
export const ratio = (value: number, total: number): number | null => (total > 0 ? value / total : null);

/** The relative change from `previous` to `current` ((current − previous) / previous); null when either is missing or previous is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  return current === null || previous === null || previous === 0 ? null : (current - previous) / previous;
}
