import { DateTimeISOResolver, UUIDResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../../platform/http/node.js';
import type { Role } from '../../domain/role.js';
import type { User } from '../../entities/index.js';
import { RoleEnum } from '../enums.js';

@ObjectType('User', { description: "Someone who signs in: one of the agency's staff, or a client's user.", implements: NodeInterface })
export class UserType {
  @Field(() => ID, { description: "Identifier of the user (a UUID, also its global id for `node`): the token's `sub`." }) id!: string;
  @Field(() => String, { description: 'Sign-in name; what the timeline records as the actor and what `Project.projectLead` names.' }) username!: string;
  @Field(() => String, { description: 'Name to show in a portal.' }) displayName!: string;
  @Field(() => RoleEnum, { description: 'What the user may do.' }) role!: Role;
  @Field(() => UUIDResolver, { nullable: true, description: 'For a CLIENT user, the client it belongs to; null for agency staff.' }) clientId!: string | null;
  @Field(() => DateTimeISOResolver, { description: 'When the user was added.' }) createdAt!: Date;
}

/** What the API shows of a stored user. */
export const userView = (user: User): UserType =>
  Object.assign(new UserType(), { id: user.id, username: user.username, displayName: user.displayName, role: user.role, clientId: user.client?.id ?? null, createdAt: user.createdAt });
