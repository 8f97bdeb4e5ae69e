import { DateTimeISOResolver, UUIDResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { Role } from '../../domain/role.js';
import { RoleEnum } from '../enums.js';

@ObjectType('User', { description: "Someone who signs in: one of the agency's staff, or a client's user." })
export class UserType {
  @Field(() => UUIDResolver, { description: "Identifier of the user: the token's `sub`." }) id!: string;
  @Field(() => String, { description: 'Sign-in name; what the timeline records as the actor and what `Project.projectLead` names.' }) username!: string;
  @Field(() => String, { description: 'Name to show in a portal.' }) displayName!: string;
  @Field(() => RoleEnum, { description: 'What the user may do.' }) role!: Role;
  @Field(() => UUIDResolver, { nullable: true, description: 'For a CLIENT user, the client it belongs to; null for agency staff.' }) clientId!: string | null;
  @Field(() => DateTimeISOResolver, { description: 'When the user was added.' }) createdAt!: Date;
}
