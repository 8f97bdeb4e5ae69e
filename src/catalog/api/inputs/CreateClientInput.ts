import { MaxLength, MinLength } from 'class-validator';
import { EmailAddressResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { ClientTier } from '../../domain/clientTier.js';
import { ClientTierEnum } from '../enums.js';

@InputType()
export class CreateClientInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => ClientTierEnum)
  tier!: ClientTier;

  @Field(() => EmailAddressResolver, { nullable: true })
  @MaxLength(320)
  contactEmail?: string | null;
}
