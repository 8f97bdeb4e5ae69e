import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { runSopAction } from '../../services/projectService.js';
import * as messages from '../../../workflows/messages.js';
import type { RequestContext } from '../context.js';
import { AcceptDeliveryInput, CancelProjectInput, RejectDeliveryInput, SubmitServiceReviewInput } from '../inputs/deliveryInputs.js';
import { ProjectType } from '../types/ProjectType.js';

/** Lead actions of acceptance and after-care, and cancellation. */
@Resolver()
export class DeliveryResolver {
  @Mutation(() => ProjectType, { description: 'The client accepts the delivery (after a passed stress test); after-care starts.' })
  acceptDelivery(@Arg('input', () => AcceptDeliveryInput) input: AcceptDeliveryInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, signedBy, note, liveUrl } = input;
    const payload = { signedBy, ...(note ? { note } : {}), ...(liveUrl ? { liveUrl: String(liveUrl) } : {}) };
    return runSopAction(ctx, projectId, messages.acceptDeliveryUpdate, payload, idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'The client rejects the delivery; the project goes back to development.' })
  rejectDelivery(@Arg('input', () => RejectDeliveryInput) input: RejectDeliveryInput, @Ctx() ctx: RequestContext) {
    return runSopAction(ctx, input.projectId, messages.rejectDeliveryUpdate, { reasons: input.reasons }, input.idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'Records the service review and its NPS once the review is open.' })
  submitServiceReview(@Arg('input', () => SubmitServiceReviewInput) input: SubmitServiceReviewInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, npsScore, comment } = input;
    return runSopAction(ctx, projectId, messages.submitServiceReviewUpdate, { npsScore, ...(comment ? { comment } : {}) }, idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'Cancels the project from any open stage, stopping its timers and child workflows.' })
  cancelProject(@Arg('input', () => CancelProjectInput) input: CancelProjectInput, @Ctx() ctx: RequestContext) {
    return runSopAction(ctx, input.projectId, messages.cancelProjectUpdate, { reason: input.reason }, input.idempotencyKey);
  }
}
