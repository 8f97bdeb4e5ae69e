import { Arg, Authorized, Ctx, Extensions, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { costShares } from '../../domain/costShare.js';
import type { ProjectView } from '../../services/projectQueries.js';
import { delivery } from '../../services/deliveryService.js';
import { RecordCostInput } from '../inputs/costInputs.js';
import { CostEntryType, CostShareType } from '../types/CostTypes.js';
import { ProjectType } from '../types/ProjectType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** Costs booked per phase, and their shares against the guardrails. */
@Resolver(() => ProjectType)
export class CostResolver {
  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, {
    description: 'Records a cost in any open stage, in the timeline like every action; phases past their cost-share guardrail are flagged on the project.',
  })
  recordCost(
    @Arg('input', () => RecordCostInput, { description: 'The project, the phase, the amount and what it was for.' }) input: RecordCostInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.recordCost(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Extensions(listRows(10))
  @FieldResolver(() => [CostEntryType], { nullable: true, description: 'Agency staff only (ADMIN, LEAD): every cost booked, oldest first.' })
  costEntries(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.costEntriesOfProject.load(project.id);
  }

  @Authorized(AGENCY_STAFF)
  @FieldResolver(() => [CostShareType], {
    nullable: true,
    description: 'Agency staff only (ADMIN, LEAD): research, iteration and after-sales cost against the contract value and guardrails.',
  })
  async costShares(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    const entries = await ctx.loaders.costEntriesOfProject.load(project.id);
    return costShares(entries, project.contractValue ?? null, project.policy.costShareGuardrails);
  }
}
