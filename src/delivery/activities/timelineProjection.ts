import type { MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { isRefusedData } from '../../platform/orm/sqlState.js';
import { PROJECTION_REJECTED } from '../domain/timelineEvent.js';
import type { TimelineEvent as TimelineEventData } from '../domain/timelineEvent.js';
import { TIMELINE_NOTICE_SQL } from './announceTimelineEvent.js';
import { ChangeOrder, CostEntry, Requirement } from '../entities/index.js';

/**
 * Writes the workflow's timeline events into the Postgres read model. Safe to run any
 * number of times and in any order: an event is written once per (project, seq), and
 * the project row (with its requirements and change orders) never moves back to an
 * older seq. Each newly inserted event is announced on the `timeline_events` channel
 * when the write commits (src/delivery/domain/timelineNotice.ts).
 */
export function createTimelineProjectionActivities(orm: MikroORM) {
  async function recordTimelineEvent(event: TimelineEventData): Promise<void> {
    try {
      await write(event);
    } catch (error) {
      // A value Postgres refuses will be refused on every retry: fail for good, so the
      // workflow can undo the transition instead of retrying forever.
      if (isRefusedData(error)) {
        const sqlState = (error as { code: string }).code;
        throw ApplicationFailure.nonRetryable(`The read model refused timeline event ${event.seq} (SQLSTATE ${sqlState}).`, PROJECTION_REJECTED, { sqlState });
      }
      throw error;
    }
  }

  /**
   * The event, the project's snapshot and the announcement in one statement (one round
   * trip, atomic on its own). The event is keyed by (project, seq); a write of the same
   * seq with other content replaces it and is announced again: only a workflow task that
   * never completed (its worker died after a local activity wrote) can have written the
   * first, and the workflow's history now says what happened at that seq. The snapshot
   * moves to this seq unless a newer one is there.
   */
  const EVENT_AND_SNAPSHOT = `
    with written as (
      insert into timeline_event as e (project_id, seq, type, from_stage, to_stage, actor, occurred_at, summary, details)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      on conflict (project_id, seq) do update set
        type = excluded.type, from_stage = excluded.from_stage, to_stage = excluded.to_stage, actor = excluded.actor,
        occurred_at = excluded.occurred_at, summary = excluded.summary, details = excluded.details
      where (e.type, e.from_stage, e.to_stage, e.actor, e.summary, e.details)
        is distinct from (excluded.type, excluded.from_stage, excluded.to_stage, excluded.actor, excluded.summary, excluded.details)
      returning project_id
    ), moved as (
      update project set stage = ?, sop_state = ?::jsonb, projected_seq = ?, updated_at = ?
      where id = ? and projected_seq <= ?
      returning id
    ), announced as (
      select ${TIMELINE_NOTICE_SQL} from project p join written w on w.project_id = p.id
    )
    select (select count(*) from moved)::int as moved, (select count(*) from announced)::int as announced`;

  async function write(event: TimelineEventData): Promise<void> {
    const { requirements = [], changeOrders = [] } = event.state;
    const params = [
      event.projectId, event.seq, event.type, event.fromStage, event.toStage, event.actor, new Date(event.occurredAt), event.summary,
      event.details == null ? null : JSON.stringify(event.details),
      event.state.stage, JSON.stringify(event.state), event.seq, new Date(), event.projectId, event.seq,
      event.seq, event.type,
    ];
    const em = orm.em.fork();
    // Most events touch nothing else: no transaction, so no BEGIN and COMMIT round trips.
    if (event.type !== 'COST_RECORDED' && requirements.length === 0 && changeOrders.length === 0) {
      await em.execute(EVENT_AND_SNAPSHOT, params, 'get');
      return;
    }
    await em.transactional(async (tx) => {
      const { moved } = await tx.execute<{ moved: number }>(EVENT_AND_SNAPSHOT, params, 'get');
      if (event.type === 'COST_RECORDED') {
        // Costs are not SOP state: their event carries the entry, stored once by its id.
        const { costId, phase, amount, note } = event.details;
        await tx
          .createQueryBuilder(CostEntry)
          .insert({ id: costId, project: event.projectId, phase, amount, note, recordedBy: event.actor, recordedAt: new Date(event.occurredAt) })
          .onConflict(['id'])
          .ignore()
          .execute();
      }
      if (moved === 0) return; // a newer event got here first; it carried a newer snapshot
      if (requirements.length > 0) {
        await tx.upsertMany(
          Requirement,
          requirements.map((r) => ({ project: event.projectId, id: r.id, title: r.title, status: r.status, validation: r.validation })),
        );
      }
      if (changeOrders.length > 0) {
        await tx.upsertMany(
          ChangeOrder,
          changeOrders.map((o) => ({ project: event.projectId, id: o.id, kind: o.kind, status: o.status, reason: o.reason, amount: o.amount })),
        );
      }
    });
  }
  return {
    recordTimelineEvent,
    /** The same activity under its name before the rename: workflows started earlier still schedule it. */
    recordSopEvent: recordTimelineEvent,
  };
}

export type TimelineProjectionActivities = ReturnType<typeof createTimelineProjectionActivities>;
