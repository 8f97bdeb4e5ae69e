import { ArrayMaxSize, ArrayMinSize, Max, MaxLength, Min, MinLength } from 'class-validator';
import { URLResolver } from 'graphql-scalars';
import { Field, Int, InputType } from 'type-graphql';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType()
export class AcceptDeliveryInput extends ProjectActionInput {
  @Field(() => String) @MinLength(1) @MaxLength(200) signedBy!: string;
  @Field(() => String, { nullable: true }) @MaxLength(4000) note?: string | null;
  @Field(() => URLResolver, { nullable: true, description: 'The live site monitored in after-care; defaults to the staging URL.' })
  liveUrl?: URL | null;
}

@InputType()
export class RejectDeliveryInput extends ProjectActionInput {
  @Field(() => [String]) @ArrayMinSize(1) @ArrayMaxSize(50) @MinLength(1, { each: true }) @MaxLength(4000, { each: true }) reasons!: string[];
}

@InputType()
export class SubmitServiceReviewInput extends ProjectActionInput {
  @Field(() => Int, { description: 'Net promoter score, 0 to 10.' }) @Min(0) @Max(10) npsScore!: number;
  @Field(() => String, { nullable: true }) @MaxLength(4000) comment?: string | null;
}

@InputType()
export class CancelProjectInput extends ProjectActionInput {
  @Field(() => String) @MinLength(1) @MaxLength(4000) reason!: string;
}

@InputType()
export class AbortStressTestInput extends ProjectActionInput {}
