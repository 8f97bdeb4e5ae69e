import { ArrayMaxSize, MaxLength, Min, MinLength } from 'class-validator';
import { URLResolver, UUIDResolver } from 'graphql-scalars';
import { Field, Float, InputType } from 'type-graphql';

@InputType()
export class CreateProjectInput {
  @Field(() => UUIDResolver)
  clientId!: string;

  @Field(() => String)
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

  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  projectLead!: string;

  @Field(() => URLResolver, { nullable: true, description: 'Where the stress test will probe the site.' })
  stagingUrl?: URL | null;

  @Field(() => Float, { nullable: true, description: 'Contract value, for cost shares per phase.' })
  @Min(0)
  contractValue?: number | null;
}
