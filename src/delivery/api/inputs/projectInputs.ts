import { ArrayMaxSize, IsOptional, MaxDate, MaxLength, MinDate, MinLength } from 'class-validator';
import { DateTimeISOResolver, URLResolver, UUIDResolver } from 'graphql-scalars';
import { IdempotentInput } from '../../../platform/http/IdempotentInput.js';
import { IsMoney } from '../../../platform/http/moneyValidator.js';
import { Field, Float, InputType } from 'type-graphql';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({
  description:
    'A new project for a client on the latest version of a service package. With an idempotencyKey, sending it again creates nothing new and answers the same project.',
})
export class CreateProjectInput extends IdempotentInput {
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
  @MaxLength(40, { each: true })
  addOnCodes!: string[];

  @Field(() => String, { description: 'Who leads the project.' })
  @MinLength(1)
  @MaxLength(200)
  projectLead!: string;

  @Field(() => URLResolver, { nullable: true, description: 'Where the stress test will probe the site (http or https, at most 2048 characters).' })
  stagingUrl?: URL | null;

  @Field(() => Float, { nullable: true, description: 'Contract value, for cost shares per phase: 0 to 9999999999.99, at most two decimals.' })
  @IsOptional()
  @IsMoney()
  contractValue?: number | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When delivery (acceptance) is promised to the client; on-time delivery is judged against it. Not before 2000 nor after 2100.' })
  @IsOptional()
  @MinDate(new Date('2000-01-01T00:00:00Z'))
  @MaxDate(new Date('2100-01-01T00:00:00Z'))
  plannedDeliveryAt?: Date | null;
}

@InputType({ description: 'Cancels a project from any open stage.' })
export class CancelProjectInput extends ProjectActionInput {
  @Field(() => String, { description: 'Why the project is cancelled.' }) @MinLength(1) @MaxLength(4000) reason!: string;
}
