import { Arg, Authorized, Ctx, Extensions, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import { ClientType } from '../../../catalog/api/types/ClientType.js';
import type { Client } from '../../../catalog/entities/index.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { setClientTier, suggestClientTier, TIER_READERS, tierHistory } from '../../services/clientTiers.js';
import { ClientTierChangeType, SetClientTierInput, TierSuggestionType } from '../types/ClientTierTypes.js';

/** Client tiers: the ADMIN's decision with its history, and the data's suggestion. Thin: the service decides. */
@Resolver(() => ClientType)
export class ClientTierResolver {
  @Authorized(['ADMIN'])
  @Mutation(() => ClientType, {
    description:
      "Sets a client's tier (ADMIN) with a reason, kept in its tier history with what the data suggested then. New projects and tickets get the tier's SLA targets and routing; every running workflow of the client shows the new tier in its `ClientTier` search attribute. The tier it already has writes no history.",
  })
  setClientTier(@Arg('input', () => SetClientTierInput, { description: 'The client, its new tier and why.' }) input: SetClientTierInput, @Ctx() ctx: GraphQLContext) {
    return setClientTier(ctx, input);
  }

  @Authorized(TIER_READERS)
  @FieldResolver(() => TierSuggestionType, {
    nullable: true,
    description: "Agency staff only (ADMIN, LEAD): the tier the client's data suggests, with reasons (they name contract values); null with FORBIDDEN for others.",
  })
  async tierSuggestion(@Root() client: Client, @Ctx() ctx: GraphQLContext) {
    const { facts, ...suggestion } = await suggestClientTier(ctx, client.id);
    return { ...suggestion, ...facts };
  }

  @Authorized(TIER_READERS)
  @Extensions(listRows(10))
  @FieldResolver(() => [ClientTierChangeType], {
    nullable: true,
    description: "Agency staff only (ADMIN, LEAD): every change of the client's tier, newest first; null with FORBIDDEN for others.",
  })
  async tierHistory(@Root() client: Client, @Ctx() ctx: GraphQLContext) {
    return (await tierHistory(ctx, client.id)).map((change) => ({
      ...change,
      suggestedTier: change.suggestion?.tier ?? null,
      suggestionReasons: change.suggestion?.reasons ?? [],
    }));
  }
}
