import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';

/**
 * Inputs that change the catalog (ADMIN). Every policy or effect field is optional: what
 * is left out keeps the latest version's value. Ranges are checked on the whole result
 * by `validatePolicy` / `validateAddOnEffect`, which answer BAD_USER_INPUT naming the field.
 */

@InputType({ description: 'Stress-test thresholds to change; fields left out keep their value.' })
export class StressTestThresholdsInput {
  @Field(() => Float, { nullable: true, description: 'Share of probes that must succeed, 0 to 1.' }) minAvailability?: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest p95 latency in ms, above 0 and at most 60000.' }) maxP95LatencyMs?: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest share of failed probes, 0 to 1.' }) maxErrorRate?: number | null;
}

@InputType({ description: 'First-response targets in hours to change (above 0, at most 8760; HIGH <= MEDIUM <= LOW).' })
export class FirstResponseHoursInput {
  @Field(() => Float, { nullable: true }) LOW?: number | null;
  @Field(() => Float, { nullable: true }) MEDIUM?: number | null;
  @Field(() => Float, { nullable: true }) HIGH?: number | null;
}

@InputType({ description: 'A share range of the contract value (0.05 = 5 %), min <= max.' })
export class CostShareRangeInput {
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
}

@InputType({ description: 'Cost-share guardrails to change, by phase.' })
export class CostShareGuardrailsInput {
  @Field(() => CostShareRangeInput, { nullable: true }) research?: CostShareRangeInput | null;
  @Field(() => CostShareRangeInput, { nullable: true }) iteration?: CostShareRangeInput | null;
  @Field(() => CostShareRangeInput, { nullable: true }) afterSales?: CostShareRangeInput | null;
}

const CODE = /^[A-Z][A-Z0-9_]*$/;

@InputType({
  description:
    "A package's next policy version: the given fields replace the latest version's. Projects created from now on get it; running projects keep the version they started with.",
})
export class UpdateServicePackageInput {
  @Field(() => String, { description: 'Code of the package, e.g. STANDARD.' })
  @MinLength(1)
  @MaxLength(40)
  code!: string;

  @Field(() => Int, { nullable: true, description: 'Communication rounds before sign-off, 0 to 100.' }) minCommunicationRounds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Research sessions included, 0 to 100.' }) includedResearchSessions?: number | null;
  @Field(() => Int, { nullable: true, description: 'Approved review rounds before the stress test, 0 to 100.' }) minReviewRounds?: number | null;
  @Field(() => Boolean, { nullable: true }) requireOnSiteReviews?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Iteration rounds included, 0 to 100.' }) includedIterationRounds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Days into development when the validation day opens, 1 to 365; null: no validation day; left out: unchanged.' })
  validationDayOffsetDays?: number | null;
  @Field(() => Int, { nullable: true, description: 'Days the stress test runs, 1 to 30.' }) stressTestDays?: number | null;
  @Field(() => StressTestThresholdsInput, { nullable: true }) stressTestThresholds?: StressTestThresholdsInput | null;
  @Field(() => Int, { nullable: true, description: 'Months of hosting, 0 to 120.' }) hostingMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Months of traffic monitoring, 0 to 120.' }) trafficMonitoringMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Days after delivery the service review is due, 1 to 365.' }) serviceReviewWithinDays?: number | null;
  @Field(() => Boolean, { nullable: true }) dedicatedCsmChannel?: boolean | null;
  @Field(() => Boolean, { nullable: true }) industrySolution?: boolean | null;
  @Field(() => Boolean, { nullable: true }) annualTraining?: boolean | null;
  @Field(() => FirstResponseHoursInput, { nullable: true }) firstResponseHours?: FirstResponseHoursInput | null;
  @Field(() => CostShareGuardrailsInput, { nullable: true }) costShareGuardrails?: CostShareGuardrailsInput | null;
}

/** What an add-on pack adds; fields left out add nothing (create) or keep their value (update). A base class: not emitted. */
@InputType()
abstract class AddOnEffectFields {
  @Field(() => Int, { nullable: true, description: 'Extra iteration rounds, 0 to 100.' }) extraIterationRounds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Extra research sessions, 0 to 100.' }) extraResearchSessions?: number | null;
  @Field(() => Int, { nullable: true, description: 'Extra months of traffic monitoring, 0 to 120.' }) extraMonitoringMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Extra months of hosting, 0 to 120.' }) extraHostingMonths?: number | null;
  @Field(() => Boolean, { nullable: true }) annualTraining?: boolean | null;
}

@InputType({ description: 'A new add-on pack, as its version 1.' })
export class CreateAddOnPackInput extends AddOnEffectFields {
  @Field(() => String, { description: 'Code in capitals, digits and underscores, e.g. EXTRA_REVIEW_ROUND.' })
  @MaxLength(40)
  @Matches(CODE)
  code!: string;

  @Field(() => String) @MinLength(1) @MaxLength(100) name!: string;
  @Field(() => String) @MaxLength(4000) description!: string;
}

@InputType({ description: "An add-on pack's next version: the given fields replace the latest version's." })
export class UpdateAddOnPackInput extends AddOnEffectFields {
  @Field(() => String) @MinLength(1) @MaxLength(40) code!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MinLength(1) @MaxLength(100) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) description?: string | null;
}
