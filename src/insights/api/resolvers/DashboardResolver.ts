import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { DASHBOARD_READERS, serviceDashboard } from '../../services/dashboard.js';
import { ServiceDashboardFilterInput, ServiceDashboardType } from '../types/DashboardTypes.js';

/** The service value dashboard over GraphQL; thin: the service checks the role and the period, and computes. */
@Resolver(() => ServiceDashboardType)
export class DashboardResolver {
  @Authorized(DASHBOARD_READERS)
  @Query(() => ServiceDashboardType, {
    description:
      'The service value dashboard (ADMIN, LEAD, CSM; cost shares ADMIN and LEAD) over [from, to), at most 3 years, with the previous period of the same length: twelve indicators and two relations. BAD_USER_INPUT (with `field`) when `from` is not before `to` or the period is longer.',
  })
  serviceDashboard(
    @Arg('from', () => DateTimeISOResolver, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => DateTimeISOResolver, { description: 'End of the period (exclusive); at most 3 years after `from`.' }) to: Date,
    @Arg('filter', () => ServiceDashboardFilterInput, { nullable: true, description: 'Which projects count; all when absent.' }) filter: ServiceDashboardFilterInput | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return serviceDashboard(ctx, { from, to, filter });
  }
}
