import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { IdempotentInput } from '../../../platform/http/IdempotentInput.js';

/** Inputs of lead actions on one project (a base class: unused, so not emitted as a type). */
@InputType()
export abstract class ProjectActionInput extends IdempotentInput {
  @Field(() => UUIDResolver, { description: 'Id of the project to act on; a LEAD may act only on the projects it leads.' })
  projectId!: string;
}
