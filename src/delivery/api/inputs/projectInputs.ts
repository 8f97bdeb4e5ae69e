import { ArrayMaxSize, MaxLength, Min, MinLength } from 'class-validator';
import { URLResolver, UUIDResolver } from 'graphql-scalars';
import { Field, Float, InputType } from 'type-graphql';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({ description: 'A new project for a client on a service package.' })
export class CreateProjectInput {
  @Field(() => UUIDResolver, { description: 'The client the project is for.' })
  clientId!: string;

  @Field(() => String, { description: 'A name the client recognises.' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { description: 'Code of a service package, e.g. PREMIUM.' })
  @MinLength(1)
  @MaxLength(40)
  packageCode!: string;

  @Field(() => [String], { defaultValue: [], description: 'Codes of the add-on packs bought with the package.' })
  @ArrayMaxSize(20)
  addOnCodes!: string[];

  @Field(() => String, { description: 'Who leads the project.' })
  @MinLength(1)
  @MaxLength(200)
  projectLead!: string;

  @Field(() => URLResolver, { nullable: true, description: 'Where the stress test will probe the site.' })
  stagingUrl?: URL | null;

  @Field(() => Float, { nullable: true, description: 'Contract value, for cost shares per phase.' })
  @Min(0)
  contractValue?: number | null;
}

@InputType({ description: 'Cancels a project from any open stage.' })
export class CancelProjectInput extends ProjectActionInput {
  @Field(() => String, { description: 'Why the project is cancelled.' }) @MinLength(1) @MaxLength(4000) reason!: string;
}
