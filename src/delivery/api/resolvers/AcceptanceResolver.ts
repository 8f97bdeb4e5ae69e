import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { delivery } from '../../services/deliveryService.js';
import { AcceptDeliveryInput, RejectDeliveryInput } from '../inputs/acceptanceInputs.js';
import { ProjectType } from '../types/ProjectType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** The client's acceptance of the delivery. */
@Resolver()
export class AcceptanceResolver {
  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'The client accepts the delivery (after a passed stress test); after-care starts.' })
  acceptDelivery(
    @Arg('input', () => AcceptDeliveryInput, { description: "The project, who signed the acceptance, and optionally the live site's URL." }) input: AcceptDeliveryInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.acceptDelivery(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'The client rejects the delivery; the project goes back to development.' })
  rejectDelivery(
    @Arg('input', () => RejectDeliveryInput, { description: 'The project and what must change.' }) input: RejectDeliveryInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.rejectDelivery(ctx, input);
  }
}
