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

const COUNT_FIELDS = [
  'minCommunicationRounds',
  'includedResearchSessions',
  'minReviewRounds',
  'includedIterationRounds',
  'hostingMonths',
  'trafficMonitoringMonths',
] as const satisfies readonly (keyof PackagePolicy)[];

function isWholeNumber(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

function isShare(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
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

  for (const field of COUNT_FIELDS) {
    require(isWholeNumber(policy[field], 0), field, 'must be a whole number, 0 or more');
  }
  require(isWholeNumber(policy.stressTestDays, 1), 'stressTestDays', 'must be a whole number, 1 or more');
  require(
    isWholeNumber(policy.serviceReviewWithinDays, 1),
    'serviceReviewWithinDays',
    'must be a whole number, 1 or more',
  );
  require(
    policy.validationDayOffsetDays === null || isWholeNumber(policy.validationDayOffsetDays, 1),
    'validationDayOffsetDays',
    'must be null (no validation day) or a whole number of days, 1 or more',
  );

  const thresholds = policy.stressTestThresholds;
  require(isShare(thresholds?.minAvailability), 'stressTestThresholds.minAvailability', 'must be between 0 and 1');
  require(isShare(thresholds?.maxErrorRate), 'stressTestThresholds.maxErrorRate', 'must be between 0 and 1');
  require(
    typeof thresholds?.maxP95LatencyMs === 'number' && thresholds.maxP95LatencyMs > 0,
    'stressTestThresholds.maxP95LatencyMs',
    'must be a positive number of milliseconds',
  );

  for (const severity of TICKET_SEVERITIES) {
    const hours = policy.firstResponseHours?.[severity];
    require(
      typeof hours === 'number' && hours > 0,
      `firstResponseHours.${severity}`,
      'must be a positive number of hours',
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
