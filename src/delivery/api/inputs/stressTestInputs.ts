import { URLResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({ description: 'Starts the stress test: the gate out of development.' })
export class StartStressTestInput extends ProjectActionInput {
  @Field(() => URLResolver, { nullable: true, description: "Where to probe; defaults to the project's staging URL." })
  stagingUrl?: URL | null;
}

@InputType({ description: 'Aborts the running stress test.' })
export class AbortStressTestInput extends ProjectActionInput {}
