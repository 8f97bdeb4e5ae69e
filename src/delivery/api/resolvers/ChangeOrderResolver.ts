import { Arg, Authorized, Ctx, Extensions, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import type { ProjectView } from '../../services/projectQueries.js';
import { delivery } from '../../services/deliveryService.js';
import { ApproveChangeOrderInput, RejectChangeOrderInput, RequestChangeOrderInput } from '../inputs/changeOrderInputs.js';
import { ChangeOrderType } from '../types/ChangeOrderType.js';
import { ProjectType } from '../types/ProjectType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** The service-cap clause: change orders that raise caps. */
@Resolver(() => ProjectType)
export class ChangeOrderResolver {
  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Requests a change order; approved, it raises the matching cap.' })
  requestChangeOrder(
    @Arg('input', () => RequestChangeOrderInput, { description: 'The project, the kind of order, why it is needed and what it costs.' }) input: RequestChangeOrderInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.requestChangeOrder(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Approves a requested change order.' })
  approveChangeOrder(
    @Arg('input', () => ApproveChangeOrderInput, { description: 'The project and the requested change order to approve.' }) input: ApproveChangeOrderInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.approveChangeOrder(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Rejects a requested change order.' })
  rejectChangeOrder(
    @Arg('input', () => RejectChangeOrderInput, { description: 'The project and the requested change order to reject.' }) input: RejectChangeOrderInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.rejectChangeOrder(ctx, input);
  }

  @Extensions(listRows(10))
  @FieldResolver(() => [ChangeOrderType], { description: 'Every change order of the project.' })
  changeOrders(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.changeOrdersOfProject.load(project.id);
  }
}
