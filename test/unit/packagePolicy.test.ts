import { describe, expect, it } from 'vitest';
import { applyAddOns } from '../../src/catalog/domain/addOnPack.js';
import { DEFAULT_ADD_ONS, DEFAULT_PACKAGES } from '../../src/catalog/domain/defaultPackages.js';
import { validatePolicy, type PackagePolicy } from '../../src/catalog/domain/packagePolicy.js';

const policyOf = (code: string) => DEFAULT_PACKAGES.find((p) => p.code === code)!.policy;
const effectOf = (code: string) => DEFAULT_ADD_ONS.find((a) => a.code === code)!.effect;

describe('seed packages', () => {
  it.each(DEFAULT_PACKAGES.map((p) => p.code))('%s is a valid policy', (code) => {
    expect(validatePolicy(policyOf(code))).toEqual([]);
  });

  it('carry the seed documents’ numbers', () => {
    expect(policyOf('STANDARD')).toMatchObject({
      minCommunicationRounds: 2,
      includedResearchSessions: 2,
      minReviewRounds: 1,
      includedIterationRounds: 3,
      validationDayOffsetDays: null,
      stressTestDays: 1,
      hostingMonths: 3,
      trafficMonitoringMonths: 0,
      serviceReviewWithinDays: 90,
      firstResponseHours: { LOW: 48, MEDIUM: 24, HIGH: 12 },
    });
    expect(policyOf('PREMIUM')).toMatchObject({
      minCommunicationRounds: 8,
      minReviewRounds: 3,
      requireOnSiteReviews: true,
      stressTestDays: 7,
      trafficMonitoringMonths: 3,
      dedicatedCsmChannel: true,
    });
    expect(policyOf('PREMIUM').validationDayOffsetDays).toBeGreaterThan(0);
    expect(policyOf('CUSTOM')).toMatchObject({ industrySolution: true, annualTraining: true, trafficMonitoringMonths: 12 });
    expect(policyOf('CUSTOM').costShareGuardrails).toEqual({
      research: { min: 0.05, max: 0.08 },
      iteration: { min: 0.15, max: 0.2 },
      afterSales: { min: 0.1, max: 0.15 },
    });
  });
});

describe('validatePolicy', () => {
  const valid = policyOf('PREMIUM');
  const problemsOf = (patch: Partial<PackagePolicy>) => validatePolicy({ ...valid, ...patch }).map((p) => p.path);

  it('refuses negative or fractional counts', () => {
    expect(problemsOf({ minCommunicationRounds: -1 })).toEqual(['minCommunicationRounds']);
    expect(problemsOf({ includedIterationRounds: 1.5 })).toEqual(['includedIterationRounds']);
  });

  it('refuses a stress test or review window shorter than a day', () => {
    expect(problemsOf({ stressTestDays: 0, serviceReviewWithinDays: 0 })).toEqual(['stressTestDays', 'serviceReviewWithinDays']);
  });

  it('refuses a validation day offset that is not a positive whole number', () => {
    expect(problemsOf({ validationDayOffsetDays: 0 })).toEqual(['validationDayOffsetDays']);
    expect(problemsOf({ validationDayOffsetDays: null })).toEqual([]);
  });

  it('refuses SLA targets where a more severe ticket waits longer', () => {
    expect(problemsOf({ firstResponseHours: { LOW: 12, MEDIUM: 24, HIGH: 48 } })).toEqual(['firstResponseHours']);
    expect(problemsOf({ firstResponseHours: { LOW: 48, MEDIUM: 0, HIGH: 12 } })).toEqual(['firstResponseHours.MEDIUM']);
  });

  it('refuses cost shares outside 0..1 or with min above max', () => {
    expect(
      problemsOf({ costShareGuardrails: { ...valid.costShareGuardrails, research: { min: 0.09, max: 0.08 } } }),
    ).toEqual(['costShareGuardrails.research']);
    expect(
      problemsOf({ stressTestThresholds: { ...valid.stressTestThresholds, minAvailability: 1.5 } }),
    ).toEqual(['stressTestThresholds.minAvailability']);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ minCommunicationRounds: -1, hostingMonths: -3, stressTestDays: 0 })).toHaveLength(3);
  });
});

describe('applyAddOns', () => {
  it('raises the caps the packs buy and leaves the package policy untouched', () => {
    const standard = policyOf('STANDARD');
    const effective = applyAddOns(standard, [
      effectOf('EXTRA_ITERATION_ROUND'),
      effectOf('EXTRA_ITERATION_ROUND'),
      effectOf('EXTRA_RESEARCH_SESSION'),
      effectOf('TRAFFIC_MONITORING_3M'),
      effectOf('ANNUAL_MAINTENANCE'),
      effectOf('TRAINING'),
    ]);
    expect(effective).toMatchObject({
      includedIterationRounds: 5,
      includedResearchSessions: 3,
      trafficMonitoringMonths: 3,
      hostingMonths: 15,
      annualTraining: true,
    });
    expect(standard.includedIterationRounds).toBe(3);
    expect(applyAddOns(standard, [])).toEqual(standard);
  });
});
