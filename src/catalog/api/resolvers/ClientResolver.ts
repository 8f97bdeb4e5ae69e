import { UUIDResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { createClient, findClient } from '../../services/clientService.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { CreateClientInput } from '../inputs/CreateClientInput.js';
import { ClientType } from '../types/ClientType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

@Resolver(() => ClientType)
export class ClientResolver {
  @Authorized()
  @Query(() => ClientType, { nullable: true, description: 'A client; a CLIENT user sees only its own.' })
  client(@Arg('id', () => UUIDResolver, { description: 'Id of the client.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return findClient(ctx, id);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ClientType, { description: 'Adds a client (ADMIN, LEAD).' })
  createClient(@Arg('input', () => CreateClientInput, { description: 'Name, tier and contact of the new client.' }) input: CreateClientInput, @Ctx() ctx: GraphQLContext) {
    return createClient(ctx, input);
  }
}
