import { EmailAddressResolver, UUIDResolver, DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { ClientTier } from '../../domain/clientTier.js';
import { ClientTierEnum } from '../enums.js';

@ObjectType('Client', { description: "An agency's client." })
export class ClientType {
  @Field(() => UUIDResolver) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ClientTierEnum) tier!: ClientTier;
  @Field(() => EmailAddressResolver, { nullable: true }) contactEmail!: string | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}
