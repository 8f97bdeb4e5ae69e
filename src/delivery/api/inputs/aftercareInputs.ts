import { Max, MaxLength, Min } from 'class-validator';
import { Field, Int, InputType } from 'type-graphql';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({ description: 'The after-care service review and its NPS.' })
export class SubmitServiceReviewInput extends ProjectActionInput {
  @Field(() => Int, { description: 'Net promoter score, 0 to 10.' }) @Min(0) @Max(10) npsScore!: number;
  @Field(() => String, { nullable: true, description: "The client's words." }) @MaxLength(4000) comment?: string | null;
}
