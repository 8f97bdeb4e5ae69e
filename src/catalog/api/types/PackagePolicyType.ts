import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

@ObjectType('CostShareRange', { description: 'Share of the contract value a phase should cost (0.05 = 5 %).' })
export class CostShareRangeType {
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
}

@ObjectType('CostShareGuardrails')
export class CostShareGuardrailsType {
  @Field(() => CostShareRangeType) research!: CostShareRangeType;
  @Field(() => CostShareRangeType) iteration!: CostShareRangeType;
  @Field(() => CostShareRangeType) afterSales!: CostShareRangeType;
}

@ObjectType('FirstResponseHours', { description: 'Hours until a ticket\'s first response is due ("48-24-12").' })
export class FirstResponseHoursType {
  @Field(() => Float) LOW!: number;
  @Field(() => Float) MEDIUM!: number;
  @Field(() => Float) HIGH!: number;
}

@ObjectType('StressTestThresholds')
export class StressTestThresholdsType {
  @Field(() => Float) minAvailability!: number;
  @Field(() => Float) maxP95LatencyMs!: number;
  @Field(() => Float) maxErrorRate!: number;
}

@ObjectType('PackagePolicy', { description: 'What a package promises and caps; data, not code.' })
export class PackagePolicyType {
  @Field(() => Int) minCommunicationRounds!: number;
  @Field(() => Int) includedResearchSessions!: number;
  @Field(() => Int) minReviewRounds!: number;
  @Field(() => Boolean) requireOnSiteReviews!: boolean;
  @Field(() => Int) includedIterationRounds!: number;
  @Field(() => Int, { nullable: true, description: 'Days into development when the validation day opens; null: none.' })
  validationDayOffsetDays!: number | null;
  @Field(() => Int) stressTestDays!: number;
  @Field(() => StressTestThresholdsType) stressTestThresholds!: StressTestThresholdsType;
  @Field(() => Int) hostingMonths!: number;
  @Field(() => Int) trafficMonitoringMonths!: number;
  @Field(() => Int) serviceReviewWithinDays!: number;
  @Field(() => Boolean) dedicatedCsmChannel!: boolean;
  @Authorized(AGENCY_STAFF)
  @Field(() => Boolean, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): whether an industry solution is included.' })
  industrySolution!: boolean;
  @Field(() => Boolean) annualTraining!: boolean;
  @Field(() => FirstResponseHoursType) firstResponseHours!: FirstResponseHoursType;
  @Authorized(AGENCY_STAFF)
  @Field(() => CostShareGuardrailsType, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): the cost structure, each phase\'s share of the contract value.' })
  costShareGuardrails!: CostShareGuardrailsType;
}
