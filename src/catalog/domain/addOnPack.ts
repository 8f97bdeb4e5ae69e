import type { PackagePolicy } from './packagePolicy.js';

/** What buying one add-on pack changes in a project's effective policy. */
export interface AddOnEffect {
  extraIterationRounds: number;
  extraResearchSessions: number;
  extraMonitoringMonths: number;
  extraHostingMonths: number;
  annualTraining: boolean;
}

export const NO_EFFECT: AddOnEffect = {
  extraIterationRounds: 0,
  extraResearchSessions: 0,
  extraMonitoringMonths: 0,
  extraHostingMonths: 0,
  annualTraining: false,
};

/** The package's policy with every bought add-on applied: what the project's workflow enforces. */
export function applyAddOns(policy: PackagePolicy, effects: readonly AddOnEffect[]): PackagePolicy {
  return effects.reduce<PackagePolicy>(
    (effective, effect) => ({
      ...effective,
      includedIterationRounds: effective.includedIterationRounds + effect.extraIterationRounds,
      includedResearchSessions: effective.includedResearchSessions + effect.extraResearchSessions,
      trafficMonitoringMonths: effective.trafficMonitoringMonths + effect.extraMonitoringMonths,
      hostingMonths: effective.hostingMonths + effect.extraHostingMonths,
      annualTraining: effective.annualTraining || effect.annualTraining,
    }),
    policy,
  );
}
