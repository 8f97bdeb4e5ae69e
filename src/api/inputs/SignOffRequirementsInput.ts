import { MaxLength } from 'class-validator';
import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { IdempotentInput } from './IdempotentInput.js';

@InputType()
export class SignOffRequirementsInput extends IdempotentInput {
  @Field(() => UUIDResolver)
  projectId!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(4000)
  note?: string | null;
}
