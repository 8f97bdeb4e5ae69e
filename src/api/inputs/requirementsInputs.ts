import { ArrayMaxSize, ArrayMinSize, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType()
export class LogResearchSessionInput extends ProjectActionInput {
  @Field(() => String) @MinLength(1) @MaxLength(4000) topic!: string;
  @Field(() => [String]) @ArrayMinSize(1) @ArrayMaxSize(50) @MinLength(1, { each: true }) @MaxLength(200, { each: true }) attendees!: string[];
}

@InputType()
export class AddRequirementInput extends ProjectActionInput {
  @Field(() => String) @MinLength(1) @MaxLength(500) title!: string;
}

/** A base of the inputs that name a requirement (unused itself, so not emitted). */
@InputType()
export abstract class RequirementActionInput extends ProjectActionInput {
  @Field(() => String) @MinLength(1) @MaxLength(64) requirementId!: string;
}

@InputType()
export class ConfirmRequirementInput extends RequirementActionInput {}

@InputType()
export class DropRequirementInput extends RequirementActionInput {
  @Field(() => String, { nullable: true }) @MaxLength(4000) reason?: string | null;
}
