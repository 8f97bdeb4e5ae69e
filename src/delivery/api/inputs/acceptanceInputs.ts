import { ArrayMaxSize, ArrayMinSize, MaxLength, MinLength } from 'class-validator';
import { URLResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({ description: 'The client accepts the delivery.' })
export class AcceptDeliveryInput extends ProjectActionInput {
  @Field(() => String, { description: 'Who signed the acceptance on the client side.' }) @MinLength(1) @MaxLength(200) signedBy!: string;
  @Field(() => String, { nullable: true, description: 'A note for the timeline.' }) @MaxLength(4000) note?: string | null;
  @Field(() => URLResolver, { nullable: true, description: 'The live site monitored in after-care; defaults to the staging URL.' })
  liveUrl?: URL | null;
}

@InputType({ description: 'The client rejects the delivery.' })
export class RejectDeliveryInput extends ProjectActionInput {
  @Field(() => [String], { description: 'What must change.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @MinLength(1, { each: true })
  @MaxLength(4000, { each: true })
  reasons!: string[];
}
