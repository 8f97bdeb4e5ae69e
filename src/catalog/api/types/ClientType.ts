import { EmailAddressResolver, UUIDResolver, DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { ClientTier } from '../../domain/clientTier.js';
import { ClientTierEnum } from '../enums.js';

@ObjectType('Client', { description: "An agency's client." })
export class ClientType {
  @Field(() => UUIDResolver, { description: 'Identifier of the client, for `client(id)` and `CreateProjectInput.clientId`.' }) id!: string;
  @Field(() => String, { description: 'Display name of the client, e.g. its company name (1-200 characters).' }) name!: string;
  @Field(() => ClientTierEnum, { description: 'How much service the client gets: A strategic, B standard, C self-service.' }) tier!: ClientTier;
  @Field(() => EmailAddressResolver, { nullable: true, description: "The client's contact address; null when none was given." }) contactEmail!: string | null;
  @Field(() => DateTimeISOResolver, { description: 'When the client was added.' }) createdAt!: Date;
}
