import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import type { ProjectView } from '../../services/projectQueries.js';
import { delivery } from '../../services/deliveryService.js';
import { listSiteChecks } from '../../services/siteCheckService.js';
import { AbortStressTestInput, StartStressTestInput } from '../inputs/stressTestInputs.js';
import { ProjectType } from '../types/ProjectType.js';
import { SiteCheckType } from '../types/SiteCheckTypes.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** The stress test: starting and aborting it, and the checks it (and monitoring) made. */
@Resolver(() => ProjectType)
export class StressTestResolver {
  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Starts the stress test: the gate out of development.' })
  startStressTest(
    @Arg('input', () => StartStressTestInput, { description: 'The project and, optionally, another URL to probe.' }) input: StartStressTestInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.startStressTest(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Aborts the running stress test; the project goes back to development.' })
  abortStressTest(
    @Arg('input', () => AbortStressTestInput, { description: 'The project whose running stress test to abort.' }) input: AbortStressTestInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.abortStressTest(ctx, input);
  }

  @FieldResolver(() => [SiteCheckType], { description: 'The latest HTTP checks of the stress test or monitoring, newest first.' })
  siteChecks(
    @Root() project: ProjectView,
    @Ctx() ctx: GraphQLContext,
    @Arg('run', () => String, { nullable: true, description: '`stress-<attempt>` or `monitoring`; all runs when absent.' }) run?: string | null,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'How many checks, 1 to 500.' }) limit = 50,
  ) {
    return listSiteChecks(ctx, project.id, run ?? null, limit);
  }
}
