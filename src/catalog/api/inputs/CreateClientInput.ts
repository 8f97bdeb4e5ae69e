import { MaxLength, MinLength } from 'class-validator';
import { EmailAddressResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { ClientTier } from '../../domain/clientTier.js';
import { ClientTierEnum } from '../enums.js';

@InputType({ description: 'A new client of the agency.' })
export class CreateClientInput {
  @Field(() => String, { description: 'Display name of the client, e.g. its company name (1-200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => ClientTierEnum, { description: 'How much service the client gets: A strategic, B standard, C self-service.' })
  tier!: ClientTier;

  @Field(() => EmailAddressResolver, { nullable: true, description: "The client's contact address (at most 320 characters); null or left out: none." })
  @MaxLength(320)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: "Username of the client's dedicated customer-success manager (a CSM); tier-A clients' tickets go to them. Null or left out: none." })
  @MaxLength(100)
  dedicatedCsm?: string | null;
}
