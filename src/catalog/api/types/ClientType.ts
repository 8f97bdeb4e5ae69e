import { EmailAddressResolver, DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../../platform/http/node.js';
import type { ClientTier } from '../../domain/clientTier.js';
import { ClientTierEnum } from '../enums.js';

@ObjectType('Client', { description: "An agency's client.", implements: NodeInterface })
export class ClientType {
  @Field(() => ID, { description: 'Identifier of the client (a UUID), for `client(id)`, `CreateProjectInput.clientId` and `node(id)`.' }) id!: string;
  @Field(() => String, { description: 'Display name of the client, e.g. its company name (1-200 characters).' }) name!: string;
  @Field(() => ClientTierEnum, { description: 'How much service the client gets: A strategic, B standard, C self-service.' }) tier!: ClientTier;
  @Field(() => EmailAddressResolver, { nullable: true, description: "The client's contact address; null when none was given." }) contactEmail!: string | null;
  @Field(() => String, { nullable: true, description: "Username of the client's dedicated CSM (tier-A tickets are routed to them; escalation level 2); null when none." })
  dedicatedCsm!: string | null;
  @Field(() => DateTimeISOResolver, { description: 'When the client was added.' }) createdAt!: Date;
}
