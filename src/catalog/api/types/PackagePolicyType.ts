import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

@ObjectType('CostShareRange', { description: 'Share of the contract value a phase should cost (0.05 = 5 %).' })
export class CostShareRangeType {
  @Field(() => Float, { description: 'Lower end of the expected share, 0 to 1; for reference only, nothing is flagged below it.' }) min!: number;
  @Field(() => Float, { description: 'Upper end, 0 to 1: a phase that costs more than this share is flagged `overGuardrail` in `Project.costShares`.' })
  max!: number;
}

@ObjectType('CostShareGuardrails', { description: 'The share of the contract value each guarded cost phase should stay within.' })
export class CostShareGuardrailsType {
  @Field(() => CostShareRangeType, { description: 'Range for RESEARCH costs (5-8 % as shipped).' }) research!: CostShareRangeType;
  @Field(() => CostShareRangeType, { description: 'Range for ITERATION costs (15-20 % as shipped).' }) iteration!: CostShareRangeType;
  @Field(() => CostShareRangeType, { description: 'Range for AFTER_SALES costs (10-15 % as shipped).' }) afterSales!: CostShareRangeType;
}

@ObjectType('FirstResponseHours', { description: 'Hours until a ticket\'s first response is due ("48-24-12").' })
export class FirstResponseHoursType {
  @Field(() => Float, { description: 'Hours for a LOW-severity after-sales ticket (48 as shipped).' }) LOW!: number;
  @Field(() => Float, { description: 'Hours for a MEDIUM-severity ticket (24 as shipped); at most LOW.' }) MEDIUM!: number;
  @Field(() => Float, { description: 'Hours for a HIGH-severity ticket (12 as shipped); at most MEDIUM.' }) HIGH!: number;
}

@ObjectType('StressTestThresholds', { description: 'What a stress test must meet, over all its checks, to pass.' })
export class StressTestThresholdsType {
  @Field(() => Float, { description: 'Smallest share of checks that must succeed, 0 to 1 (0.99 = 99 %).' }) minAvailability!: number;
  @Field(() => Float, { description: 'Largest 95th-percentile latency of the successful checks, in milliseconds (above 0, at most 60000).' })
  maxP95LatencyMs!: number;
  @Field(() => Float, { description: 'Largest share of checks that may fail, 0 to 1 (0.01 = 1 %).' }) maxErrorRate!: number;
}

@ObjectType('PackagePolicy', { description: 'What a package promises and caps; data, not code.' })
export class PackagePolicyType {
  @Field(() => Int, { description: 'Communication rounds to log before the requirements can be signed off (0-100; 8 for Premium).' })
  minCommunicationRounds!: number;
  @Field(() => Int, { description: 'Research sessions included (0-100); each one more needs an approved EXTRA_RESEARCH change order.' })
  includedResearchSessions!: number;
  @Field(() => Int, { description: 'Approved review rounds needed before the stress test can start (0-100).' }) minReviewRounds!: number;
  @Field(() => Boolean, { description: 'Whether only ON_SITE review rounds count towards `minReviewRounds` (Premium and Custom).' })
  requireOnSiteReviews!: boolean;
  @Field(() => Int, {
    description:
      'Iteration rounds included (0-100), used by CHANGES_REQUESTED review rounds and failed stress tests; each one more needs an approved EXTRA_ITERATION change order.',
  })
  includedIterationRounds!: number;
  @Field(() => Int, { nullable: true, description: 'Days into development when the validation day opens; null: none.' })
  validationDayOffsetDays!: number | null;
  @Field(() => Int, { description: 'SOP days the stress test probes the staging site (1-30).' }) stressTestDays!: number;
  @Field(() => StressTestThresholdsType, { description: 'What the stress test must meet to pass.' }) stressTestThresholds!: StressTestThresholdsType;
  @Field(() => Int, { description: 'Months of hosting after delivery (0-120); monitoring runs for the longer of this and `trafficMonitoringMonths`.' })
  hostingMonths!: number;
  @Field(() => Int, { description: 'Months of traffic monitoring of the live site after delivery (0-120).' }) trafficMonitoringMonths!: number;
  @Field(() => Int, { description: 'SOP days after delivery by which the after-care service review is due (1-365).' }) serviceReviewWithinDays!: number;
  @Field(() => Boolean, { description: 'Whether the client gets a dedicated channel to a customer success manager (CSM).' }) dedicatedCsmChannel!: boolean;
  @Authorized(AGENCY_STAFF)
  @Field(() => Boolean, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): whether an industry solution is included.' })
  industrySolution!: boolean;
  @Field(() => Boolean, { description: "Whether annual training for the client's team is included." }) annualTraining!: boolean;
  @Field(() => FirstResponseHoursType, { description: 'Hours until the first response to an after-sales ticket is due, by severity.' })
  firstResponseHours!: FirstResponseHoursType;
  @Authorized(AGENCY_STAFF)
  @Field(() => CostShareGuardrailsType, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): the cost structure, each phase\'s share of the contract value.' })
  costShareGuardrails!: CostShareGuardrailsType;
}
