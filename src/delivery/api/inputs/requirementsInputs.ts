import { ArrayMaxSize, ArrayMinSize, MaxLength, MinLength } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { CommunicationChannel } from '../../domain/communicationRound.js';
import { CommunicationChannelEnum } from '../enums.js';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({ description: 'A communication round with the client (requirements stage).' })
export class LogCommunicationRoundInput extends ProjectActionInput {
  @Field(() => CommunicationChannelEnum, { description: 'How the round took place.' })
  channel!: CommunicationChannel;

  @Field(() => String, { description: 'What was discussed and agreed.' })
  @MinLength(1)
  @MaxLength(4000)
  summary!: string;

  @Field(() => [String], { description: 'Who took part, client side and agency side.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  attendees!: string[];

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the round took place; defaults to now.' })
  occurredAt?: Date | null;
}

@InputType({ description: 'A requirement research session; capped by the package.' })
export class LogResearchSessionInput extends ProjectActionInput {
  @Field(() => String, { description: 'What the session researched.' }) @MinLength(1) @MaxLength(4000) topic!: string;
  @Field(() => [String], { description: 'Who took part.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  attendees!: string[];
}

@InputType({ description: 'A proposed requirement.' })
export class AddRequirementInput extends ProjectActionInput {
  @Field(() => String, { description: 'What the client needs, in one line.' }) @MinLength(1) @MaxLength(500) title!: string;
}

/** A base of the inputs that name a requirement (unused itself, so not emitted). */
@InputType()
export abstract class RequirementActionInput extends ProjectActionInput {
  @Field(() => String, { description: 'Id of the requirement, as `Project.requirements` lists it.' }) @MinLength(1) @MaxLength(64) requirementId!: string;
}

@InputType({ description: 'Confirms a proposed requirement.' })
export class ConfirmRequirementInput extends RequirementActionInput {}

@InputType({ description: 'Drops a requirement from the scope.' })
export class DropRequirementInput extends RequirementActionInput {
  @Field(() => String, { nullable: true, description: 'Why it is dropped.' }) @MaxLength(4000) reason?: string | null;
}

@InputType({ description: 'Signs off the requirements: the gate into development.' })
export class SignOffRequirementsInput extends ProjectActionInput {
  @Field(() => String, { nullable: true, description: 'A note for the timeline.' })
  @MaxLength(4000)
  note?: string | null;
}
