import { ArrayMaxSize, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { URLResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { ReviewKind, ReviewOutcome } from '../../domain/reviewRound.js';
import { ReviewKindEnum, ReviewOutcomeEnum, ValidationOutcomeEnum } from '../types/enums.js';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType()
export class ValidationResultInput {
  @Field(() => String) @MinLength(1) @MaxLength(64) requirementId!: string;
  @Field(() => ValidationOutcomeEnum) result!: 'MET' | 'GAP';
  @Field(() => String, { nullable: true }) @MaxLength(4000) note?: string | null;
}

@InputType()
export class CompleteValidationDayInput extends ProjectActionInput {
  @Field(() => [ValidationResultInput], { description: 'One result for each confirmed requirement.' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  results!: ValidationResultInput[];
}

@InputType()
export class SubmitReviewRoundInput extends ProjectActionInput {
  @Field(() => ReviewKindEnum) kind!: ReviewKind;
  @Field(() => ReviewOutcomeEnum) outcome!: ReviewOutcome;
  @Field(() => String) @MinLength(1) @MaxLength(4000) feedback!: string;
  @Field(() => [String]) @ArrayMaxSize(50) @MinLength(1, { each: true }) @MaxLength(200, { each: true }) clientAttendees!: string[];
  @Field(() => [String], { defaultValue: [], description: 'Validation-day gaps this round closes.' }) @ArrayMaxSize(500) closesGapIds!: string[];
}

@InputType()
export class StartStressTestInput extends ProjectActionInput {
  @Field(() => URLResolver, { nullable: true, description: "Defaults to the project's staging URL." })
  stagingUrl?: URL | null;
}
