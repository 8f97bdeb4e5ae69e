import { ArrayMaxSize, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { ReviewKind, ReviewOutcome } from '../../domain/reviewRound.js';
import { ReviewKindEnum, ReviewOutcomeEnum, ValidationOutcomeEnum } from '../enums.js';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({ description: 'What the validation day found for one confirmed requirement.' })
export class ValidationResultInput {
  @Field(() => String, { description: 'Id of a confirmed requirement.' }) @MinLength(1) @MaxLength(64) requirementId!: string;
  @Field(() => ValidationOutcomeEnum, { description: 'MET, or GAP: open until a review round closes it.' }) result!: 'MET' | 'GAP';
  @Field(() => String, { nullable: true, description: 'What was seen.' }) @MaxLength(4000) note?: string | null;
}

@InputType({ description: 'The results of the open validation day.' })
export class CompleteValidationDayInput extends ProjectActionInput {
  @Field(() => [ValidationResultInput], { description: 'One result for each confirmed requirement.' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  results!: ValidationResultInput[];
}

@InputType({ description: 'A review round with the client during development.' })
export class SubmitReviewRoundInput extends ProjectActionInput {
  @Field(() => ReviewKindEnum, { description: 'How the round was held.' }) kind!: ReviewKind;
  @Field(() => ReviewOutcomeEnum, { description: 'CHANGES_REQUESTED uses an iteration round, capped by the package.' }) outcome!: ReviewOutcome;
  @Field(() => String, { description: "The client's feedback." }) @MinLength(1) @MaxLength(4000) feedback!: string;
  @Field(() => [String], { description: 'Who attended on the client side.' })
  @ArrayMaxSize(50)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  clientAttendees!: string[];
  @Field(() => [String], { defaultValue: [], description: 'Validation-day gaps this round closes.' }) @ArrayMaxSize(500) closesGapIds!: string[];
}
