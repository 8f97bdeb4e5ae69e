import { UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { createClient, findClient } from '../../services/clientService.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { CreateClientInput } from '../inputs/CreateClientInput.js';
import { ClientType } from '../types/ClientType.js';

@Resolver(() => ClientType)
export class ClientResolver {
  @Query(() => ClientType, { nullable: true })
  client(@Arg('id', () => UUIDResolver) id: string, @Ctx() ctx: GraphQLContext) {
    return findClient(ctx, id);
  }

  @Mutation(() => ClientType)
  createClient(@Arg('input', () => CreateClientInput) input: CreateClientInput, @Ctx() ctx: GraphQLContext) {
    return createClient(ctx, input);
  }
}
