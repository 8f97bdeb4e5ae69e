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
  @Field(() => Float, { nullable: true, description: 'Hours for a LOW-severity ticket; left out: unchanged.' }) LOW?: number | null;
  @Field(() => Float, { nullable: true, description: 'Hours for a MEDIUM-severity ticket; left out: unchanged.' }) MEDIUM?: number | null;
  @Field(() => Float, { nullable: true, description: 'Hours for a HIGH-severity ticket; left out: unchanged.' }) HIGH?: number | null;
}

@InputType({ description: 'A share range of the contract value (0.05 = 5 %), min <= max.' })
export class CostShareRangeInput {
  @Field(() => Float, { nullable: true, description: 'Lower end of the share, 0 to 1; left out: unchanged.' }) min?: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the share, 0 to 1, past which a phase is flagged; left out: unchanged.' }) max?: number | null;
}

@InputType({ description: 'Cost-share guardrails to change, by phase.' })
export class CostShareGuardrailsInput {
  @Field(() => CostShareRangeInput, { nullable: true, description: 'Range for RESEARCH costs; left out: unchanged.' }) research?: CostShareRangeInput | null;
  @Field(() => CostShareRangeInput, { nullable: true, description: 'Range for ITERATION costs; left out: unchanged.' }) iteration?: CostShareRangeInput | null;
  @Field(() => CostShareRangeInput, { nullable: true, description: 'Range for AFTER_SALES costs; left out: unchanged.' }) afterSales?: CostShareRangeInput | null;
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
  @Field(() => Boolean, { nullable: true, description: 'Whether only ON_SITE review rounds count towards minReviewRounds.' }) requireOnSiteReviews?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Iteration rounds included, 0 to 100.' }) includedIterationRounds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Days into development when the validation day opens, 1 to 365; null: no validation day; left out: unchanged.' })
  validationDayOffsetDays?: number | null;
  @Field(() => Int, { nullable: true, description: 'Days the stress test runs, 1 to 30.' }) stressTestDays?: number | null;
  @Field(() => StressTestThresholdsInput, { nullable: true, description: 'What the stress test must meet to pass; left out: unchanged.' })
  stressTestThresholds?: StressTestThresholdsInput | null;
  @Field(() => Int, { nullable: true, description: 'Months of hosting, 0 to 120.' }) hostingMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Months of traffic monitoring, 0 to 120.' }) trafficMonitoringMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Days after delivery the service review is due, 1 to 365.' }) serviceReviewWithinDays?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the client gets a dedicated channel to a customer success manager.' })
  dedicatedCsmChannel?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether an industry solution is included (confidential: shown to ADMIN and LEAD only).' })
  industrySolution?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Whether annual training for the client's team is included." }) annualTraining?: boolean | null;
  @Field(() => FirstResponseHoursInput, { nullable: true, description: 'First-response targets by ticket severity; left out: unchanged.' })
  firstResponseHours?: FirstResponseHoursInput | null;
  @Field(() => CostShareGuardrailsInput, { nullable: true, description: 'Cost-share guardrails by phase (confidential: shown to ADMIN and LEAD only); left out: unchanged.' })
  costShareGuardrails?: CostShareGuardrailsInput | null;
}

/** What an add-on pack adds; fields left out add nothing (create) or keep their value (update). A base class: not emitted. */
@InputType()
abstract class AddOnEffectFields {
  @Field(() => Int, { nullable: true, description: 'Extra iteration rounds, 0 to 100.' }) extraIterationRounds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Extra research sessions, 0 to 100.' }) extraResearchSessions?: number | null;
  @Field(() => Int, { nullable: true, description: 'Extra months of traffic monitoring, 0 to 120.' }) extraMonitoringMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Extra months of hosting, 0 to 120.' }) extraHostingMonths?: number | null;
  @Field(() => Boolean, { nullable: true, description: "Whether the pack adds annual training for the client's team." }) annualTraining?: boolean | null;
}

@InputType({ description: 'A new add-on pack, as its version 1.' })
export class CreateAddOnPackInput extends AddOnEffectFields {
  @Field(() => String, { description: 'Code in capitals, digits and underscores, e.g. EXTRA_REVIEW_ROUND.' })
  @MaxLength(40)
  @Matches(CODE)
  code!: string;

  @Field(() => String, { description: 'Display name for catalogs and quotes (1-100 characters).' }) @MinLength(1) @MaxLength(100) name!: string;
  @Field(() => String, { description: 'What the pack offers, in words for the client (at most 4000 characters; may be empty).' }) @MaxLength(4000) description!: string;
}

@InputType({ description: "An add-on pack's next version: the given fields replace the latest version's." })
export class UpdateAddOnPackInput extends AddOnEffectFields {
  @Field(() => String, { description: 'Code of the add-on pack to change.' }) @MinLength(1) @MaxLength(40) code!: string;
  @Field(() => String, { nullable: true, description: 'New display name (1-100 characters); left out: unchanged.' }) @IsOptional() @MinLength(1) @MaxLength(100) name?: string | null;
  @Field(() => String, { nullable: true, description: 'New description (at most 4000 characters); left out: unchanged.' }) @IsOptional() @MaxLength(4000) description?: string | null;
}
