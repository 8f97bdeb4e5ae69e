import { WithStartWorkflowOperation, type Client as TemporalClient } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { DomainError } from '../../platform/domainError.js';
import { translateTemporalFailure } from '../../platform/temporalFailures.js';
import { ticketPriorityKey, ticketSummary, type TicketState, type TicketTransitionName, type TicketTransitions } from '../domain/ticket.js';
import { openTicketUpdate, ticketSla, ticketUpdate, type TicketSlaInput } from '../../../workflows/aftersales/ticketSla.js';
import { ClientIdKey, ClientTierKey, ProjectIdKey, SlaBreachedKey, TicketCategoryKey, TicketSeverityKey } from '../../../workflows/searchAttributes.js';

/** The workflow id of a ticket's SLA: derived from the ticket id, so it is never stored twice. */
export function ticketWorkflowId(ticketId: string): string {
  return `ticket-${ticketId}`;
}

/** How long a ticket call waits for Temporal before answering SERVICE_UNAVAILABLE (retry with the same key). */
const UPDATE_DEADLINE_MS = 30_000;

const ticketGone = (ticketId: string) => () => new DomainError('TICKET_CLOSED', `Ticket ${ticketId} is closed.`, { rule: 'TICKET_CLOSED' });

/**
 * Opens a ticket's workflow and its first state in one call (Update-with-Start): the
 * workflow starts if it does not run yet (`USE_EXISTING` attaches a retry to the running
 * one), and the `openTicket` update answers once the workflow has written the ticket's
 * row. Ops see the ticket's project, client, tier, severity, category and breach state as
 * search attributes from the first moment, and its work runs at the ticket's priority.
 */
export async function openTicketWorkflow(temporal: TemporalClient, taskQueue: string, input: TicketSlaInput): Promise<TicketState> {
  const { ticket } = input;
  const startWorkflowOperation = new WithStartWorkflowOperation(ticketSla, {
    workflowId: ticketWorkflowId(ticket.ticketId),
    workflowIdConflictPolicy: 'USE_EXISTING',
    taskQueue,
    args: [input],
    priority: { priorityKey: ticketPriorityKey(ticket) },
    staticSummary: ticketSummary(ticket),
    staticDetails: `Ticket id: \`${ticket.ticketId}\``,
    typedSearchAttributes: new TypedSearchAttributes([
      { key: ProjectIdKey, value: ticket.projectId },
      { key: ClientIdKey, value: ticket.clientId },
      { key: ClientTierKey, value: ticket.tier },
      { key: TicketSeverityKey, value: ticket.severity },
      { key: TicketCategoryKey, value: ticket.category },
      { key: SlaBreachedKey, value: false },
    ]),
  });
  try {
    return await temporal.withDeadline(Date.now() + UPDATE_DEADLINE_MS, () => temporal.workflow.executeUpdateWithStart(openTicketUpdate, { startWorkflowOperation }));
  } catch (error) {
    translateTemporalFailure(error, ticketGone(ticket.ticketId));
  }
}

/**
 * Sends one update to a ticket's workflow and waits until it is applied and written to
 * the read model. `updateId` (the caller's idempotency key) makes a retry return the first
 * result instead of applying twice, for as long as Temporal keeps the update.
 */
export async function sendTicketUpdate<N extends TicketTransitionName>(
  temporal: TemporalClient,
  ticketId: string,
  name: N,
  payload: TicketTransitions[N],
  updateId?: string | null,
): Promise<TicketState> {
  try {
    const handle = temporal.workflow.getHandle<typeof ticketSla>(ticketWorkflowId(ticketId));
    return await temporal.withDeadline(Date.now() + UPDATE_DEADLINE_MS, () =>
      handle.executeUpdate(ticketUpdate(name), { args: [payload], ...(updateId ? { updateId } : {}) }),
    );
  } catch (error) {
    translateTemporalFailure(error, ticketGone(ticketId));
  }
}
