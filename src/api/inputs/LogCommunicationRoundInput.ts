import { ArrayMaxSize, ArrayMinSize, MaxLength, MinLength } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { CommunicationChannel } from '../../domain/communicationRound.js';
import { CommunicationChannelEnum } from '../types/enums.js';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType()
export class LogCommunicationRoundInput extends ProjectActionInput {
  @Field(() => CommunicationChannelEnum)
  channel!: CommunicationChannel;

  @Field(() => String)
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
