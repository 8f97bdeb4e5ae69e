import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType()
export class SignOffRequirementsInput extends ProjectActionInput {
  @Field(() => String, { nullable: true })
  @MaxLength(4000)
  note?: string | null;
}
