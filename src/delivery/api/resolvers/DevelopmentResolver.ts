import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { delivery } from '../../services/deliveryService.js';
import { CompleteValidationDayInput, SubmitReviewRoundInput } from '../inputs/developmentInputs.js';
import { ProjectType } from '../types/ProjectType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** Lead actions of the development stage: the validation day and review rounds. */
@Resolver()
export class DevelopmentResolver {
  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Records MET or GAP for every confirmed requirement on the open validation day.' })
  completeValidationDay(
    @Arg('input', () => CompleteValidationDayInput, { description: 'The project and a MET or GAP result for each confirmed requirement.' }) input: CompleteValidationDayInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.completeValidationDay(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Records a review round; CHANGES_REQUESTED uses an iteration round, capped by the package.' })
  submitReviewRound(
    @Arg('input', () => SubmitReviewRoundInput, { description: 'The project and the round: kind, outcome, feedback, attendees and the gaps it closes.' }) input: SubmitReviewRoundInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.submitReviewRound(ctx, input);
  }
}
