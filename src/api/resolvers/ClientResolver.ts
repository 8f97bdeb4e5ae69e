import { UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { createClient, findClient } from '../../services/clientService.js';
import type { RequestContext } from '../context.js';
import { CreateClientInput } from '../inputs/CreateClientInput.js';
import { ClientType } from '../types/ClientType.js';

@Resolver(() => ClientType)
export class ClientResolver {
  @Query(() => ClientType, { nullable: true })
  client(@Arg('id', () => UUIDResolver) id: string, @Ctx() ctx: RequestContext) {
    return findClient(ctx, id);
  }

  @Mutation(() => ClientType)
  createClient(@Arg('input', () => CreateClientInput) input: CreateClientInput, @Ctx() ctx: RequestContext) {
    return createClient(ctx, input);
  }
}
