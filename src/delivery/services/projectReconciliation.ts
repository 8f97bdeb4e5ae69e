import type { MikroORM } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { sopStateQuery } from '../../../workflows/delivery/messages.js';
import { canonicalJson, mapWithLimit, type ProjectionDifference } from '../../platform/projectionDifference.js';
import { createTimelineProjectionActivities } from '../activities/timelineProjection.js';
import type { SopState } from '../domain/sopState.js';
import { replayTimelineEvents } from './timelineReplay.js';

export interface ReconciliationScope {
  orm: MikroORM;
  temporal: Client;
  /** With it, workflows on this task queue that have no row are found too (Temporal's visibility lists them). */
  taskQueue?: string;
  /** Workflows queried at once. */
  concurrency?: number;
}

interface ProjectRow {
  id: string;
  workflow_id: string;
  stage: string;
  sop_state: SopState;
  projected_seq: number;
  seqs: number[] | null;
}

/** The differences of one project: its row and timeline against its workflow's state. */
function compareProject(row: ProjectRow, state: SopState): ProjectionDifference[] {
  const differences: ProjectionDifference[] = [];
  const differ = (field: string, workflow: unknown, projection: unknown) => differences.push({ entity: 'project', id: row.id, field, workflow, projection });
  if (row.stage !== state.stage) differ('stage', state.stage, row.stage);
  if (row.projected_seq !== state.lastEventSeq) differ('projected_seq', state.lastEventSeq, row.projected_seq);
  // Key by key, so a person sees which counter is off rather than two long JSON documents.
  const stored = (row.sop_state ?? {}) as unknown as Record<string, unknown>;
  const held = state as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(held), ...Object.keys(stored)])) {
    if (canonicalJson(held[key]) !== canonicalJson(stored[key])) differ(`sop_state.${key}`, held[key], stored[key]);
  }
  // Seq 0 (PROJECT_CREATED) to the workflow's last: each exactly once (the primary key rules out twice).
  const present = new Set(row.seqs ?? []);
  for (let seq = 0; seq <= state.lastEventSeq; seq += 1) {
    if (!present.has(seq)) differ('timeline_event', `seq ${seq}`, 'missing');
  }
  for (const seq of present) if (seq > state.lastEventSeq) differ('timeline_event', 'none', `seq ${seq}`);
  return differences;
}

const PROJECT_ROWS = `
  select p.id, p.workflow_id, p.stage, p.sop_state, p.projected_seq,
    (select array_agg(e.seq order by e.seq) from timeline_event e where e.project_id = p.id) as seqs
  from project p where (?::uuid[] is null or p.id = any(?::uuid[])) order by p.created_at, p.id`;

async function projectRows(orm: MikroORM, ids?: string[]): Promise<ProjectRow[]> {
  const filter = ids ? `{${ids.join(',')}}` : null;
  return orm.em.fork().getConnection().execute<ProjectRow[]>(PROJECT_ROWS, [filter, filter]);
}

/** The workflow's state; null when there is no such workflow. */
async function workflowState(temporal: Client, workflowId: string): Promise<SopState | null> {
  try {
    return await temporal.workflow.getHandle(workflowId).query(sopStateQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/** Project workflows on the task queue that have no row at all. */
async function workflowsWithoutRow(scope: ReconciliationScope, rows: ProjectRow[]): Promise<ProjectionDifference[]> {
  if (!scope.taskQueue) return [];
  const known = new Set(rows.map((row) => row.workflow_id));
  const missing = new Set<string>();
  for await (const workflow of scope.temporal.workflow.list({ query: `WorkflowType = 'projectSop' AND TaskQueue = '${scope.taskQueue.replaceAll("'", "\\'")}'` })) {
    if (!known.has(workflow.workflowId)) missing.add(workflow.workflowId);
  }
  return [...missing].map((workflowId) => ({ entity: 'project' as const, id: workflowId, field: 'row', workflow: 'exists', projection: 'missing' }));
}

/**
 * Compares every project's workflow state (its `state` query, the source of truth) with
 * its read model: the `project` row's stage, snapshot and seq, and its timeline events
 * 0..lastEventSeq, each present once. Returns the differences, none when they agree.
 */
export async function findProjectDifferences(scope: ReconciliationScope, ids?: string[]): Promise<ProjectionDifference[]> {
  const rows = await projectRows(scope.orm, ids);
  const perProject = await mapWithLimit(rows, scope.concurrency ?? 8, async (row) => {
    const state = await workflowState(scope.temporal, row.workflow_id);
    if (!state) return [{ entity: 'project' as const, id: row.id, field: 'workflow', workflow: 'missing', projection: row.workflow_id }];
    return compareProject(row, state);
  });
  return [...perProject.flat(), ...(ids ? [] : await workflowsWithoutRow(scope, rows))];
}

/**
 * Rewrites the read model of the projects named in `differences` from their workflows,
 * through the projection activity the workflow itself uses (idempotent: content already
 * there is left alone): each missing timeline event as the workflow wrote it (recovered by
 * a replay of its history, `bundle` built with TIMELINE_CAPTURE_MODULE), the row's stage
 * and snapshot from the last event, and events past the workflow's last seq removed.
 * Returns the differences that remain.
 */
export async function repairProjects(scope: ReconciliationScope, bundle: WorkflowBundleWithSourceMap, differences: ProjectionDifference[]): Promise<ProjectionDifference[]> {
  const projection = createTimelineProjectionActivities(scope.orm);
  const ids = [...new Set(differences.filter((d) => d.entity === 'project' && d.field !== 'row').map((d) => d.id))];
  for (const row of await projectRows(scope.orm, ids)) {
    const state = await workflowState(scope.temporal, row.workflow_id);
    if (!state) continue;
    const events = await replayTimelineEvents(scope.temporal, bundle, row.workflow_id);
    const present = new Set(row.seqs ?? []);
    for (const [seq, event] of [...events].sort(([a], [b]) => a - b)) {
      if (!present.has(seq) && seq <= state.lastEventSeq) await projection.recordTimelineEvent(event);
    }
    await scope.orm.em.fork().getConnection().execute('delete from timeline_event where project_id = ? and seq > ?', [row.id, state.lastEventSeq], 'run');
    // The last event carries the state the row must show; its write moves the row unless a newer seq is there.
    const last = events.get(state.lastEventSeq);
    if (last && row.projected_seq > state.lastEventSeq) {
      await scope.orm.em.fork().getConnection().execute('update project set projected_seq = ? where id = ?', [state.lastEventSeq, row.id], 'run');
    }
    if (last) await projection.recordTimelineEvent(last);
  }
  return findProjectDifferences(scope, ids);
}
