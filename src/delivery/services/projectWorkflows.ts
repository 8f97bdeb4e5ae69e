import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client as TemporalClient } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import type { ClientTier } from '../../catalog/domain/clientTier.js';
import { DomainError } from '../../platform/domainError.js';
import { translateTemporalFailure } from '../../platform/temporalFailures.js';
import type { SopAction, SopTransitionInput } from '../domain/sopMachine.js';
import type { SopState } from '../domain/sopState.js';
import { sopActionUpdate } from '../../../workflows/delivery/messages.js';
import { projectRecordedUpdate, projectSop, type ProjectSopInput } from '../../../workflows/delivery/projectSop.js';
import { ClientTierKey, PackageCodeKey, ProjectLeadKey, SlaBreachedKey, SopStageKey } from '../../../workflows/searchAttributes.js';

/** The workflow id of a project's SOP: derived from the business key, so it is never stored twice. */
export function projectWorkflowId(projectId: string): string {
  return `project-${projectId}`;
}

/** What ops see and filter on in the Temporal UI, fixed when the project starts. */
export interface ProjectLabels {
  projectName: string;
  clientName: string;
  packageCode: string;
  clientTier: ClientTier;
  projectLead: string;
}

/** A project whose workflow is gone cannot be started again under the same id. */
const projectExists = () => new DomainError('STAGE_CONFLICT', 'The project already has a workflow.', { rule: 'PROJECT_EXISTS' });

const UPDATE_DEADLINE_MS = 30_000;

/**
 * Starts a project's SOP workflow with the search attributes and summary ops filter on,
 * and waits until it has written the project's row (its first step): one call
 * (Update-with-Start), so the wait is answered by the workflow's first task instead of a
 * second one (issue 11). Safe to repeat: a start for a project whose workflow runs
 * attaches to it (`USE_EXISTING`) and waits for the same row, and one whose workflow
 * failed or was terminated before writing its row starts it again
 * (`ALLOW_DUPLICATE_FAILED_ONLY`); a workflow that completed is never replaced. Bounded
 * like an action: with no worker running it answers WORKFLOW_UNAVAILABLE.
 */
export async function startProjectSop(temporal: TemporalClient, taskQueue: string, input: ProjectSopInput, labels: ProjectLabels): Promise<void> {
  const startWorkflowOperation = new WithStartWorkflowOperation(projectSop, {
    workflowId: projectWorkflowId(input.projectId),
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    taskQueue,
    args: [input],
    typedSearchAttributes: new TypedSearchAttributes([
      { key: SopStageKey, value: input.state?.stage ?? 'REQUIREMENTS' },
      { key: PackageCodeKey, value: labels.packageCode },
      { key: ClientTierKey, value: labels.clientTier },
      { key: ProjectLeadKey, value: labels.projectLead },
      { key: SlaBreachedKey, value: false },
    ]),
    staticSummary: `${labels.projectName} for ${labels.clientName} (${labels.packageCode}, tier ${labels.clientTier}) led by ${labels.projectLead}`,
    staticDetails: `Project id: \`${input.projectId}\``,
  });
  try {
    await temporal.withDeadline(Date.now() + UPDATE_DEADLINE_MS, () => temporal.workflow.executeUpdateWithStart(projectRecordedUpdate, { startWorkflowOperation }));
  } catch (error) {
    translateTemporalFailure(error, projectExists);
  }
}

/** Sends a lead action to a project's workflow and waits until it is applied and projected. */
export async function sendSopAction<A extends SopAction>(
  temporal: TemporalClient,
  projectId: string,
  action: A,
  payload: SopTransitionInput<A>,
  idempotencyKey: string | null | undefined,
  whenClosed: () => DomainError,
): Promise<SopState> {
  try {
    const handle = temporal.workflow.getHandle<typeof projectSop>(projectWorkflowId(projectId));
    // Bounded: a stuck projection must not hold the HTTP request forever. The caller can
    // retry with the same idempotency key and get the action's result without a repeat.
    return await temporal.withDeadline(Date.now() + UPDATE_DEADLINE_MS, () =>
      handle.executeUpdate(sopActionUpdate(action), { args: [payload], ...(idempotencyKey ? { updateId: idempotencyKey } : {}) }),
    );
  } catch (error) {
    translateTemporalFailure(error, whenClosed);
  }
}

/** Whether the project's workflow was ever started (running or closed). */
export async function projectWorkflowExists(temporal: TemporalClient, projectId: string): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(projectWorkflowId(projectId)).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}
