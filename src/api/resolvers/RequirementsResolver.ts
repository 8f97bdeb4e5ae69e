import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { runSopAction } from '../../services/projectService.js';
import * as messages from '../../../workflows/messages.js';
import type { RequestContext } from '../context.js';
import { AddRequirementInput, ConfirmRequirementInput, DropRequirementInput, LogResearchSessionInput } from '../inputs/requirementsInputs.js';
import { LogCommunicationRoundInput } from '../inputs/LogCommunicationRoundInput.js';
import { SignOffRequirementsInput } from '../inputs/SignOffRequirementsInput.js';
import { ProjectType } from '../types/ProjectType.js';

/** Lead actions of the requirements stage; each is a workflow update that the SOP may refuse. */
@Resolver()
export class RequirementsResolver {
  @Mutation(() => ProjectType, { description: 'Logs a communication round with the client (requirements stage).' })
  logCommunicationRound(@Arg('input', () => LogCommunicationRoundInput) input: LogCommunicationRoundInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, occurredAt, ...round } = input;
    const payload = { ...round, occurredAt: (occurredAt ?? new Date()).toISOString() };
    return runSopAction(ctx, projectId, messages.logCommunicationRoundUpdate, payload, idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'Logs a requirement research session; capped by the package unless a change order raises the cap.' })
  logResearchSession(@Arg('input', () => LogResearchSessionInput) input: LogResearchSessionInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, ...session } = input;
    return runSopAction(ctx, projectId, messages.logResearchSessionUpdate, session, idempotencyKey);
  }

  @Mutation(() => ProjectType, { description: 'Adds a proposed requirement.' })
  addRequirement(@Arg('input', () => AddRequirementInput) input: AddRequirementInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, title } = input;
    return runSopAction(ctx, projectId, messages.addRequirementUpdate, { requirementId: randomUUID(), title }, idempotencyKey);
  }

  @Mutation(() => ProjectType)
  confirmRequirement(@Arg('input', () => ConfirmRequirementInput) input: ConfirmRequirementInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, requirementId } = input;
    return runSopAction(ctx, projectId, messages.confirmRequirementUpdate, { requirementId }, idempotencyKey);
  }

  @Mutation(() => ProjectType)
  dropRequirement(@Arg('input', () => DropRequirementInput) input: DropRequirementInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, requirementId, reason } = input;
    return runSopAction(ctx, projectId, messages.dropRequirementUpdate, { requirementId, ...(reason ? { reason } : {}) }, idempotencyKey);
  }

  @Mutation(() => ProjectType, {
    description: "Signs off the requirements; refused until the package's minimum communication rounds are logged and a requirement is confirmed.",
  })
  signOffRequirements(@Arg('input', () => SignOffRequirementsInput) input: SignOffRequirementsInput, @Ctx() ctx: RequestContext) {
    const { projectId, idempotencyKey, note } = input;
    return runSopAction(ctx, projectId, messages.signOffRequirementsUpdate, note ? { note } : {}, idempotencyKey);
  }
}
