import { isWholeNumber, POLICY_LIMITS, type PackagePolicy, type PolicyProblem } from './packagePolicy.js';

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

/** The largest extra an add-on may give: as large as the policy's own limits. */
export const ADD_ON_LIMITS = { count: POLICY_LIMITS.count, months: POLICY_LIMITS.months } as const;

/** Checks an add-on's effect from outside the code (an admin input); every problem at once, by field. */
export function validateAddOnEffect(effect: AddOnEffect): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const fields = [
    ['extraIterationRounds', ADD_ON_LIMITS.count],
    ['extraResearchSessions', ADD_ON_LIMITS.count],
    ['extraMonitoringMonths', ADD_ON_LIMITS.months],
    ['extraHostingMonths', ADD_ON_LIMITS.months],
  ] as const;
  for (const [field, max] of fields) {
    if (!isWholeNumber(effect[field], 0, max)) problems.push({ path: field, message: `must be a whole number from 0 to ${max}` });
  }
  if (typeof effect.annualTraining !== 'boolean') problems.push({ path: 'annualTraining', message: 'must be true or false' });
  return problems;
}
