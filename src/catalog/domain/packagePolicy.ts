import { TICKET_SEVERITIES, type TicketSeverity } from '../../aftersales/domain/ticketSeverity.js';

/** A share of the contract value that a phase's cost should stay within. */
export interface CostShareRange {
  min: number;
  max: number;
}

/** Thresholds the stress test must meet to pass. */
export interface StressTestThresholds {
  minAvailability: number;
  maxP95LatencyMs: number;
  maxErrorRate: number;
}

/**
 * What a service package promises and caps. Every number here is data: it is seeded
 * from the defaults in `defaultPackages.ts` and stored per package in Postgres, and a
 * project's workflow receives a snapshot of it (plus its add-ons) when it starts.
 */
export interface PackagePolicy {
  minCommunicationRounds: number;
  includedResearchSessions: number;
  minReviewRounds: number;
  /** Premium and Custom ask for on-site review rounds; Standard accepts any kind. */
  requireOnSiteReviews: boolean;
  includedIterationRounds: number;
  /** Days after development starts when the requirement validation day opens; null: none. */
  validationDayOffsetDays: number | null;
  stressTestDays: number;
  stressTestThresholds: StressTestThresholds;
  hostingMonths: number;
  trafficMonitoringMonths: number;
  serviceReviewWithinDays: number;
  dedicatedCsmChannel: boolean;
  industrySolution: boolean;
  annualTraining: boolean;
  /** Hours until the first response is due, by ticket severity ("48-24-12"). */
  firstResponseHours: Record<TicketSeverity, number>;
  costShareGuardrails: {
    research: CostShareRange;
    iteration: CostShareRange;
    afterSales: CostShareRange;
  };
}

/** One reason a policy is not usable, addressed by its path in the policy. */
export interface PolicyProblem {
  path: string;
  message: string;
}

/**
 * The largest value each number of a policy may take: far above any real package, low
 * enough that caps stay meaningful and timers (days times an SOP day) stay in range.
 */
export const POLICY_LIMITS = {
  /** Rounds, sessions and other counts. */
  count: 100,
  /** Hosting and traffic monitoring. */
  months: 120,
  stressTestDays: 30,
  /** The service review window and the validation day offset. */
  days: 365,
  /** No probe waits longer than the outbound timeout's maximum. */
  maxP95LatencyMs: 60_000,
  /** A year. */
  firstResponseHours: 8760,
} as const;

const COUNT_FIELDS = [
  'minCommunicationRounds',
  'includedResearchSessions',
  'minReviewRounds',
  'includedIterationRounds',
] as const satisfies readonly (keyof PackagePolicy)[];

const MONTH_FIELDS = ['hostingMonths', 'trafficMonitoringMonths'] as const satisfies readonly (keyof PackagePolicy)[];

const FLAG_FIELDS = [
  'requireOnSiteReviews',
  'dedicatedCsmChannel',
  'industrySolution',
  'annualTraining',
] as const satisfies readonly (keyof PackagePolicy)[];

export function isWholeNumber(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isShare(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

function isPositiveUpTo(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= max;
}

/**
 * Checks a policy that came from outside the code (the database, an admin input).
 * Returns every problem at once so the caller can report them together; an empty list
 * means the policy is usable.
 */
export function validatePolicy(policy: PackagePolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const require = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  const L = POLICY_LIMITS;

  for (const field of COUNT_FIELDS) {
    require(isWholeNumber(policy[field], 0, L.count), field, `must be a whole number from 0 to ${L.count}`);
  }
  for (const field of MONTH_FIELDS) {
    require(isWholeNumber(policy[field], 0, L.months), field, `must be a whole number of months from 0 to ${L.months}`);
  }
  for (const field of FLAG_FIELDS) {
    require(typeof policy[field] === 'boolean', field, 'must be true or false');
  }
  require(isWholeNumber(policy.stressTestDays, 1, L.stressTestDays), 'stressTestDays', `must be a whole number from 1 to ${L.stressTestDays}`);
  require(
    isWholeNumber(policy.serviceReviewWithinDays, 1, L.days),
    'serviceReviewWithinDays',
    `must be a whole number from 1 to ${L.days}`,
  );
  require(
    policy.validationDayOffsetDays === null || isWholeNumber(policy.validationDayOffsetDays, 1, L.days),
    'validationDayOffsetDays',
    `must be null (no validation day) or a whole number of days from 1 to ${L.days}`,
  );

  const thresholds = policy.stressTestThresholds;
  require(isShare(thresholds?.minAvailability), 'stressTestThresholds.minAvailability', 'must be between 0 and 1');
  require(isShare(thresholds?.maxErrorRate), 'stressTestThresholds.maxErrorRate', 'must be between 0 and 1');
  require(
    isPositiveUpTo(thresholds?.maxP95LatencyMs, L.maxP95LatencyMs),
    'stressTestThresholds.maxP95LatencyMs',
    `must be a positive number of milliseconds, at most ${L.maxP95LatencyMs}`,
  );

  for (const severity of TICKET_SEVERITIES) {
    require(
      isPositiveUpTo(policy.firstResponseHours?.[severity], L.firstResponseHours),
      `firstResponseHours.${severity}`,
      `must be a positive number of hours, at most ${L.firstResponseHours}`,
    );
  }
  const { LOW, MEDIUM, HIGH } = policy.firstResponseHours ?? {};
  if (problems.length === 0) {
    require(
      HIGH <= MEDIUM && MEDIUM <= LOW,
      'firstResponseHours',
      'a more severe ticket must not wait longer than a less severe one',
    );
  }

  for (const phase of ['research', 'iteration', 'afterSales'] as const) {
    const range = policy.costShareGuardrails?.[phase];
    const path = `costShareGuardrails.${phase}`;
    require(
      isShare(range?.min) && isShare(range?.max) && range.min <= range.max,
      path,
      'must be shares between 0 and 1 with min <= max',
    );
  }
  return problems;
}
