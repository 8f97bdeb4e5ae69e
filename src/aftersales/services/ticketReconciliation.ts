import type { MikroORM } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { ticketStateQuery } from '../../../workflows/aftersales/ticketSla.js';
import { canonicalJson, mapWithLimit, type ProjectionDifference } from '../../platform/projectionDifference.js';
import { createTicketProjectionActivities } from '../activities/ticketProjection.js';
import type { TicketState } from '../domain/ticket.js';
import type { TicketSnapshot } from '../domain/ticketSnapshot.js';

export interface TicketReconciliationScope {
  orm: MikroORM;
  temporal: Client;
  /** With it, ticket workflows on this task queue that have no row are found too. */
  taskQueue?: string;
  concurrency?: number;
}

interface TicketRow {
  id: string;
  workflow_id: string;
  status: string;
  severity: string;
  assignee: string | null;
  sla_breached: boolean;
  closed_at: Date | null;
  sla_state: TicketState;
  projected_seq: number;
}

/** The differences of one ticket: its row against its workflow's state. */
function compareTicket(row: TicketRow, state: TicketState): ProjectionDifference[] {
  const differences: ProjectionDifference[] = [];
  const differ = (field: string, workflow: unknown, projection: unknown) => differences.push({ entity: 'ticket', id: row.id, field, workflow, projection });
  if (row.status !== state.status) differ('status', state.status, row.status);
  if (row.severity !== state.severity) differ('severity', state.severity, row.severity);
  if (row.assignee !== state.assignee) differ('assignee', state.assignee, row.assignee);
  if (row.sla_breached !== state.slaBreached) differ('sla_breached', state.slaBreached, row.sla_breached);
  const closedAt = row.closed_at === null ? null : new Date(row.closed_at).getTime();
  if (closedAt !== state.closedAt) differ('closed_at', state.closedAt, closedAt);
  const stored = (row.sla_state ?? {}) as unknown as Record<string, unknown>;
  const held = state as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(held), ...Object.keys(stored)])) {
    if (canonicalJson(held[key]) !== canonicalJson(stored[key])) differ(`sla_state.${key}`, held[key], stored[key]);
  }
  return differences;
}

const TICKET_ROWS = `
  select id, workflow_id, status, severity, assignee, sla_breached, closed_at, sla_state, projected_seq
  from ticket where (?::uuid[] is null or id = any(?::uuid[])) order by opened_at, id`;

async function ticketRows(orm: MikroORM, ids?: string[]): Promise<TicketRow[]> {
  const filter = ids ? `{${ids.join(',')}}` : null;
  return orm.em.fork().getConnection().execute<TicketRow[]>(TICKET_ROWS, [filter, filter]);
}

async function workflowState(temporal: Client, workflowId: string): Promise<TicketState | null> {
  try {
    return await temporal.workflow.getHandle(workflowId).query(ticketStateQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

async function workflowsWithoutRow(scope: TicketReconciliationScope, rows: TicketRow[]): Promise<ProjectionDifference[]> {
  if (!scope.taskQueue) return [];
  const known = new Set(rows.map((row) => row.workflow_id));
  const missing = new Set<string>();
  for await (const workflow of scope.temporal.workflow.list({ query: `WorkflowType = 'ticketSla' AND TaskQueue = '${scope.taskQueue.replaceAll("'", "\\'")}'` })) {
    if (!known.has(workflow.workflowId)) missing.add(workflow.workflowId);
  }
  return [...missing].map((workflowId) => ({ entity: 'ticket' as const, id: workflowId, field: 'row', workflow: 'exists', projection: 'missing' }));
}

/**
 * Compares every ticket's workflow state (its `ticketState` query) with its `ticket` row:
 * status, severity, assignee, breach flag, closing time and the stored SLA state.
 */
export async function findTicketDifferences(scope: TicketReconciliationScope, ids?: string[]): Promise<ProjectionDifference[]> {
  const rows = await ticketRows(scope.orm, ids);
  const perTicket = await mapWithLimit(rows, scope.concurrency ?? 8, async (row) => {
    const state = await workflowState(scope.temporal, row.workflow_id);
    if (!state) return [{ entity: 'ticket' as const, id: row.id, field: 'workflow', workflow: 'missing', projection: row.workflow_id }];
    return compareTicket(row, state);
  });
  return [...perTicket.flat(), ...(ids ? [] : await workflowsWithoutRow(scope, rows))];
}

/** The snapshots the workflow's current run handed to its projection activity, in order (regular activities keep their input in the history). */
async function recordedSnapshots(temporal: Client, workflowId: string): Promise<TicketSnapshot[]> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const snapshots: TicketSnapshot[] = [];
  for (const event of history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== 'recordTicket') continue;
    const payload = scheduled.input?.payloads?.[0];
    if (payload) snapshots.push(defaultPayloadConverter.fromPayload<TicketSnapshot>(payload));
  }
  return snapshots.sort((a, b) => a.seq - b.seq);
}

/**
 * Rewrites the read model of the tickets named in `differences` from their workflows,
 * through the projection activity the workflow uses: every snapshot it recorded is written
 * again (messages a row lost come back; a row never moves back), then the newest one over
 * the row (whose seq is set just below it, so the activity's forward-only rule lets it in).
 * Returns the differences that remain.
 */
export async function repairTickets(scope: TicketReconciliationScope, differences: ProjectionDifference[]): Promise<ProjectionDifference[]> {
  const projection = createTicketProjectionActivities(scope.orm);
  const ids = [...new Set(differences.filter((d) => d.entity === 'ticket' && d.field !== 'row').map((d) => d.id))];
  for (const row of await ticketRows(scope.orm, ids)) {
    const snapshots = await recordedSnapshots(scope.temporal, row.workflow_id);
    const last = snapshots.at(-1);
    if (!last) continue;
    for (const snapshot of snapshots) await projection.recordTicket(snapshot);
    // Only if no newer snapshot landed meanwhile: the workflow's own writes always win.
    await scope.orm.em.fork().getConnection().execute('update ticket set projected_seq = ? where id = ? and projected_seq <= ?', [last.seq - 1, row.id, last.seq], 'run');
    await projection.recordTicket(last);
  }
  return findTicketDifferences(scope, ids);
}
