import { NO_EFFECT, type AddOnEffect } from './addOnPack.js';
import type { PackagePolicy } from './packagePolicy.js';

/**
 * The defaults the product ships with, taken from the seed documents (see DESIGN.md §2).
 * They are seeded into Postgres once; from then on the stored rows are what counts.
 */

/** "48-24-12": first response due in 48 h (LOW), 24 h (MEDIUM), 12 h (HIGH). */
const SLA_48_24_12: PackagePolicy['firstResponseHours'] = { LOW: 48, MEDIUM: 24, HIGH: 12 };

const COST_SHARE_GUARDRAILS: PackagePolicy['costShareGuardrails'] = {
  research: { min: 0.05, max: 0.08 },
  iteration: { min: 0.15, max: 0.2 },
  afterSales: { min: 0.1, max: 0.15 },
};

const STRESS_TEST_THRESHOLDS: PackagePolicy['stressTestThresholds'] = {
  minAvailability: 0.99,
  maxP95LatencyMs: 1500,
  maxErrorRate: 0.01,
};

export const PACKAGE_CODES = ['STANDARD', 'PREMIUM', 'CUSTOM'] as const;
export type PackageCode = (typeof PACKAGE_CODES)[number];

export interface PackageDefinition {
  code: PackageCode;
  name: string;
  description: string;
  policy: PackagePolicy;
}

const standardPolicy: PackagePolicy = {
  minCommunicationRounds: 2,
  includedResearchSessions: 2,
  minReviewRounds: 1,
  requireOnSiteReviews: false,
  includedIterationRounds: 3,
  validationDayOffsetDays: null,
  stressTestDays: 1,
  stressTestThresholds: STRESS_TEST_THRESHOLDS,
  hostingMonths: 3,
  trafficMonitoringMonths: 0,
  serviceReviewWithinDays: 90,
  dedicatedCsmChannel: false,
  industrySolution: false,
  annualTraining: false,
  firstResponseHours: SLA_48_24_12,
  costShareGuardrails: COST_SHARE_GUARDRAILS,
};

const premiumPolicy: PackagePolicy = {
  ...standardPolicy,
  minCommunicationRounds: 8,
  minReviewRounds: 3,
  requireOnSiteReviews: true,
  validationDayOffsetDays: 14,
  stressTestDays: 7,
  trafficMonitoringMonths: 3,
  dedicatedCsmChannel: true,
};

const customPolicy: PackagePolicy = {
  ...premiumPolicy,
  trafficMonitoringMonths: 12,
  industrySolution: true,
  annualTraining: true,
};

export const DEFAULT_PACKAGES: readonly PackageDefinition[] = [
  {
    code: 'STANDARD',
    name: 'Standard',
    description: 'Site build plus 3 months of hosting.',
    policy: standardPolicy,
  },
  {
    code: 'PREMIUM',
    name: 'Premium',
    description: 'Full-process service with on-site reviews, a 7-day stress test and 3 months of traffic monitoring.',
    policy: premiumPolicy,
  },
  {
    code: 'CUSTOM',
    name: 'Custom',
    description: 'Premium plus an industry solution, annual training and 12 months of traffic monitoring.',
    policy: customPolicy,
  },
];

export interface AddOnDefinition {
  code: string;
  name: string;
  description: string;
  effect: AddOnEffect;
}

export const DEFAULT_ADD_ONS: readonly AddOnDefinition[] = [
  {
    code: 'EXTRA_ITERATION_ROUND',
    name: 'Extra iteration round',
    description: 'One more development iteration round beyond the package cap.',
    effect: { ...NO_EFFECT, extraIterationRounds: 1 },
  },
  {
    code: 'EXTRA_RESEARCH_SESSION',
    name: 'Extra research session',
    description: 'One more requirement research session beyond the package cap.',
    effect: { ...NO_EFFECT, extraResearchSessions: 1 },
  },
  {
    code: 'TRAFFIC_MONITORING_3M',
    name: 'Traffic monitoring +3 months',
    description: 'Three more months of traffic monitoring after delivery.',
    effect: { ...NO_EFFECT, extraMonitoringMonths: 3 },
  },
  {
    code: 'ANNUAL_MAINTENANCE',
    name: 'Annual maintenance',
    description: 'Twelve more months of hosting and maintenance.',
    effect: { ...NO_EFFECT, extraHostingMonths: 12 },
  },
  {
    code: 'TRAINING',
    name: 'Training',
    description: 'Annual training for the client team.',
    effect: { ...NO_EFFECT, annualTraining: true },
  },
];
