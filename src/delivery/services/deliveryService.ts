import { randomUUID } from 'node:crypto';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { isTerminalStage } from '../domain/sopStage.js';
import type { ChangeOrderKind } from '../domain/changeOrder.js';
import type { CommunicationChannel } from '../domain/communicationRound.js';
import type { CostPhase } from '../domain/costShare.js';
import type { ReviewKind, ReviewOutcome } from '../domain/reviewRound.js';
import type { SopAction, SopTransitionInput } from '../domain/sopMachine.js';
import type { Project } from '../entities/index.js';
import { requireProjectActor } from '../../identity/services/access.js';
import { claimIdempotencyKey, completeIdempotencyKey } from '../../platform/idempotency/idempotencyKeys.js';
import { sendSopAction } from './projectWorkflows.js';
import { requireProject } from './projectService.js';
import { checkedSiteUrl } from './siteUrls.js';

/** What every lead action names: the project, and optionally a key that makes a retry safe. */
export interface ActionRequest {
  projectId: string;
  idempotencyKey?: string | null;
}

type Optional<T> = T | null | undefined;

/** Drops absent optional fields, so the workflow's payload holds only what was said. */
function present<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as never;
}

/** What a user needs to hear about a closed or cancelled project: its stage, and that it is final. */
function projectFinished(project: Project): DomainError {
  const stage = project.stage === 'CLOSED' || project.stage === 'CANCELLED' ? project.stage : 'finished';
  return new DomainError('STAGE_CONFLICT', `Project ${project.id} is ${stage}: nothing can change it any more.`, {
    rule: 'PROJECT_FINISHED',
    stage: project.stage,
  });
}

/**
 * Sends one lead action to the project's workflow, in the caller's name, and returns the
 * project as the read model shows it once the action is applied: the workflow writes
 * the projection before the update returns. With an idempotency key, a retry of a
 * request that succeeded answers without acting again (even on a project that has
 * since finished), and the key on any other request is refused.
 */
async function act<A extends SopAction>(
  ctx: ServiceContext,
  action: A,
  request: ActionRequest,
  payload: Omit<SopTransitionInput<A>, 'actor'>,
): Promise<Project> {
  const project = await requireProject(ctx, request.projectId);
  const actor = requireProjectActor(ctx, project).username;
  const { idempotencyKey: key, ...input } = request;
  if (key) {
    const { completed } = await claimIdempotencyKey(ctx.em, { key, scope: project.id, operation: action, input });
    if (completed) return project;
  }
  if (isTerminalStage(project.stage)) throw projectFinished(project);
  await sendSopAction(ctx.temporal, project.id, action, { ...payload, actor } as SopTransitionInput<A>, key, () => projectFinished(project));
  if (key) await completeIdempotencyKey(ctx.em, key);
  return ctx.em.refreshOrFail(project);
}

/** The delivery SOP's use cases: one method per lead action. Ids of new things are minted here. */
export const delivery = {
  // Requirements
  logCommunicationRound: (ctx: ServiceContext, input: ActionRequest & { channel: CommunicationChannel; summary: string; attendees: string[]; occurredAt?: Optional<Date> }) =>
    act(ctx, 'logCommunicationRound', input, {
      channel: input.channel,
      summary: input.summary,
      attendees: input.attendees,
      occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    }),
  logResearchSession: (ctx: ServiceContext, input: ActionRequest & { topic: string; attendees: string[] }) =>
    act(ctx, 'logResearchSession', input, { topic: input.topic, attendees: input.attendees }),
  addRequirement: (ctx: ServiceContext, input: ActionRequest & { title: string }) =>
    act(ctx, 'addRequirement', input, { requirementId: randomUUID(), title: input.title }),
  confirmRequirement: (ctx: ServiceContext, input: ActionRequest & { requirementId: string }) =>
    act(ctx, 'confirmRequirement', input, { requirementId: input.requirementId }),
  dropRequirement: (ctx: ServiceContext, input: ActionRequest & { requirementId: string; reason?: Optional<string> }) =>
    act(ctx, 'dropRequirement', input, { requirementId: input.requirementId, ...present({ reason: input.reason }) }),
  signOffRequirements: (ctx: ServiceContext, input: ActionRequest & { note?: Optional<string> }) =>
    act(ctx, 'signOffRequirements', input, present({ note: input.note })),

  // Development
  completeValidationDay: (ctx: ServiceContext, input: ActionRequest & { results: { requirementId: string; result: 'MET' | 'GAP'; note?: Optional<string> }[] }) =>
    act(ctx, 'completeValidationDay', input, {
      results: input.results.map(({ requirementId, result, note }) => ({ requirementId, result, ...present({ note }) })),
    }),
  submitReviewRound: (
    ctx: ServiceContext,
    input: ActionRequest & { kind: ReviewKind; outcome: ReviewOutcome; feedback: string; clientAttendees: string[]; closesGapIds: string[] },
  ) =>
    act(ctx, 'submitReviewRound', input, {
      kind: input.kind,
      outcome: input.outcome,
      feedback: input.feedback,
      clientAttendees: input.clientAttendees,
      closesGapIds: input.closesGapIds,
    }),

  // Stress test
  startStressTest: (ctx: ServiceContext, input: ActionRequest & { stagingUrl?: Optional<URL | string> }) =>
    act(ctx, 'startStressTest', input, present({ stagingUrl: checkedSiteUrl(ctx, 'stagingUrl', input.stagingUrl) })),
  abortStressTest: (ctx: ServiceContext, input: ActionRequest) => act(ctx, 'abortStressTest', input, {}),

  // Acceptance
  acceptDelivery: (ctx: ServiceContext, input: ActionRequest & { signedBy: string; note?: Optional<string>; liveUrl?: Optional<URL | string> }) =>
    act(ctx, 'acceptDelivery', input, { signedBy: input.signedBy, ...present({ note: input.note, liveUrl: checkedSiteUrl(ctx, 'liveUrl', input.liveUrl) }) }),
  rejectDelivery: (ctx: ServiceContext, input: ActionRequest & { reasons: string[] }) => act(ctx, 'rejectDelivery', input, { reasons: input.reasons }),

  // After-care
  submitServiceReview: (ctx: ServiceContext, input: ActionRequest & { npsScore: number; comment?: Optional<string> }) =>
    act(ctx, 'submitServiceReview', input, { npsScore: input.npsScore, ...present({ comment: input.comment }) }),

  // Change orders
  requestChangeOrder: (ctx: ServiceContext, input: ActionRequest & { kind: ChangeOrderKind; reason: string; amount: number }) =>
    act(ctx, 'requestChangeOrder', input, { changeOrderId: randomUUID(), kind: input.kind, reason: input.reason, amount: input.amount }),
  approveChangeOrder: (ctx: ServiceContext, input: ActionRequest & { changeOrderId: string; note?: Optional<string> }) =>
    act(ctx, 'approveChangeOrder', input, { changeOrderId: input.changeOrderId, ...present({ note: input.note }) }),
  rejectChangeOrder: (ctx: ServiceContext, input: ActionRequest & { changeOrderId: string; note?: Optional<string> }) =>
    act(ctx, 'rejectChangeOrder', input, { changeOrderId: input.changeOrderId, ...present({ note: input.note }) }),

  // Costs
  recordCost: (ctx: ServiceContext, input: ActionRequest & { phase: CostPhase; amount: number; note?: Optional<string> }) =>
    act(ctx, 'recordCost', input, { costId: randomUUID(), phase: input.phase, amount: input.amount, ...present({ note: input.note }) }),

  // The project as a whole
  cancelProject: (ctx: ServiceContext, input: ActionRequest & { reason: string }) => act(ctx, 'cancelProject', input, { reason: input.reason }),
};
