import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { recordCost, runSopAction } from '../../services/projectService.js';
import * as messages from '../../../workflows/messages.js';
import type { RequestContext } from '../context.js';
import { ApproveChangeOrderInput, RecordCostInput, RejectChangeOrderInput, RequestChangeOrderInput } from '../inputs/changeOrderInputs.js';
import { ProjectType } from '../types/ProjectType.js';

/** The service-cap clause: change orders that raise caps, and costs tracked against guardrails. */
@Resolver()
export class ChangeOrderResolver {
  @Mutation(() => ProjectType, { description: 'Requests a change order; approved, it raises the matching cap.' })
  requestChangeOrder(@Arg('input', () => RequestChangeOrderInput) input: RequestChangeOrderInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, ...order } = input;
    return runSopAction(ctx, projectId, messages.requestChangeOrderUpdate, { ...order, changeOrderId: randomUUID() }, idempotencyKey);
  }

  @Mutation(() => ProjectType)
  approveChangeOrder(@Arg('input', () => ApproveChangeOrderInput) input: ApproveChangeOrderInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, changeOrderId, note } = input;
    return runSopAction(ctx, projectId, messages.approveChangeOrderUpdate, { changeOrderId, ...(note ? { note } : {}) }, idempotencyKey);
  }

  @Mutation(() => ProjectType)
  rejectChangeOrder(@Arg('input', () => RejectChangeOrderInput) input: RejectChangeOrderInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, changeOrderId, note } = input;
    return runSopAction(ctx, projectId, messages.rejectChangeOrderUpdate, { changeOrderId, ...(note ? { note } : {}) }, idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'Records a cost; phases past their cost-share guardrail are flagged on the project.' })
  recordCost(@Arg('input', () => RecordCostInput) input: RecordCostInput, @Ctx() ctx: RequestContext) {
    return recordCost(ctx, input);
  }
}
