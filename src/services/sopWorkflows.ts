import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client as TemporalClient,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure, TypedSearchAttributes, type UpdateDefinition } from '@temporalio/common';
import { DomainError, DOMAIN_ERROR_CODES, type DomainErrorCode } from '../domain/domainError.js';
import type { ProjectSopInput } from '../../workflows/projectSop.js';
import { projectSop } from '../../workflows/projectSop.js';
import { ClientTierKey, PackageCodeKey, ProjectLeadKey, SlaBreachedKey, SopStageKey } from '../../workflows/searchAttributes.js';

/** The workflow id of a project's SOP: derived from the business key, so it is never stored twice. */
export function projectWorkflowId(projectId: string): string {
  return `project-${projectId}`;
}

function isDomainErrorCode(value: string | undefined): value is DomainErrorCode {
  return (DOMAIN_ERROR_CODES as readonly string[]).includes(value ?? '');
}

/** Turns what the Temporal client throws into the domain's coded errors. */
export function translateTemporalError(error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (isDomainErrorCode(failure.type ?? undefined)) {
      const [details] = failure.details ?? [];
      const { code: _code, message: _message, ...rest } = (details ?? {}) as Record<string, unknown>;
      throw new DomainError(failure.type as DomainErrorCode, failure.message, rest);
    }
  }
  if (error instanceof WorkflowNotFoundError) {
    throw new DomainError('STAGE_CONFLICT', 'The project workflow is no longer running.', { reason: 'WORKFLOW_CLOSED' });
  }
  if (isGrpcServiceError(error) || (error instanceof Error && /unavailable|deadline|connect/i.test(error.message))) {
    throw new DomainError('WORKFLOW_UNAVAILABLE', 'The workflow service is unavailable; try again shortly.');
  }
  throw error;
}

/** Starts a project's SOP workflow with the search attributes and summary ops filter on. */
export async function startProjectSop(
  temporal: TemporalClient,
  taskQueue: string,
  input: ProjectSopInput & { projectName: string; clientName: string },
): Promise<WorkflowHandle<typeof projectSop>> {
  const { projectName, clientName, ...workflowInput } = input;
  try {
    return await temporal.workflow.start(projectSop, {
      workflowId: projectWorkflowId(input.projectId),
      taskQueue,
      args: [workflowInput],
      typedSearchAttributes: new TypedSearchAttributes([
        { key: SopStageKey, value: input.state?.stage ?? 'REQUIREMENTS' },
        { key: PackageCodeKey, value: input.packageCode },
        { key: ClientTierKey, value: input.clientTier },
        { key: ProjectLeadKey, value: input.projectLead },
        { key: SlaBreachedKey, value: false },
      ]),
      staticSummary: `${projectName} for ${clientName} (${input.packageCode}, tier ${input.clientTier}) led by ${input.projectLead}`,
      staticDetails: `Project id: \`${input.projectId}\``,
    });
  } catch (error) {
    translateTemporalError(error);
  }
}

const UPDATE_DEADLINE_MS = 30_000;

/** Sends a lead action to a project's workflow and waits until it is applied and projected. */
export async function executeSopUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  temporal: TemporalClient,
  projectId: string,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  idempotencyKey?: string | null,
): Promise<Ret> {
  try {
    const handle = temporal.workflow.getHandle(projectWorkflowId(projectId));
    // Bounded: a stuck projection must not hold the HTTP request forever. The caller can
    // retry with the same idempotency key and get the action's result without a repeat.
    return await temporal.withDeadline(Date.now() + UPDATE_DEADLINE_MS, () =>
      handle.executeUpdate(update, { args, ...(idempotencyKey ? { updateId: idempotencyKey } : {}) }),
    );
  } catch (error) {
    translateTemporalError(error);
  }
}
