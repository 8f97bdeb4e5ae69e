import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { runSopAction } from '../../services/projectService.js';
import * as messages from '../../../workflows/messages.js';
import type { RequestContext } from '../context.js';
import { CompleteValidationDayInput, StartStressTestInput, SubmitReviewRoundInput } from '../inputs/developmentInputs.js';
import { AbortStressTestInput } from '../inputs/deliveryInputs.js';
import { ProjectType } from '../types/ProjectType.js';

/** Lead actions of the development stage and the stress test. */
@Resolver()
export class DevelopmentResolver {
  @Mutation(() => ProjectType, { description: 'Records MET or GAP for every confirmed requirement on the open validation day.' })
  completeValidationDay(@Arg('input', () => CompleteValidationDayInput) input: CompleteValidationDayInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, results } = input;
    const payload = { results: results.map(({ requirementId, result, note }) => ({ requirementId, result, ...(note ? { note } : {}) })) };
    return runSopAction(ctx, projectId, messages.completeValidationDayUpdate, payload, idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'Records a review round; CHANGES_REQUESTED uses an iteration round, capped by the package.' })
  submitReviewRound(@Arg('input', () => SubmitReviewRoundInput) input: SubmitReviewRoundInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, ...round } = input;
    return runSopAction(ctx, projectId, messages.submitReviewRoundUpdate, round, idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'Starts the stress test: the gate out of development.' })
  startStressTest(@Arg('input', () => StartStressTestInput) input: StartStressTestInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, stagingUrl } = input;
    return runSopAction(ctx, projectId, messages.startStressTestUpdate, stagingUrl ? { stagingUrl: String(stagingUrl) } : {}, idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'Aborts the running stress test; the project goes back to development.' })
  abortStressTest(@Arg('input', () => AbortStressTestInput) input: AbortStressTestInput, @Ctx() ctx: RequestContext) {
    return runSopAction(ctx, input.projectId, messages.abortStressTestUpdate, {}, input.idempotencyKey);
  }
}
