import type { MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { isRefusedData } from '../../platform/orm/sqlState.js';
import { PROJECTION_REJECTED } from '../domain/timelineEvent.js';
import type { TimelineEvent as TimelineEventData } from '../domain/timelineEvent.js';
import { announceTimelineEvent } from './announceTimelineEvent.js';
import { ChangeOrder, CostEntry, Project, Requirement, TimelineEvent } from '../entities/index.js';

/**
 * Writes the workflow's timeline events into the Postgres read model. Safe to run any
 * number of times and in any order: an event is inserted once per (project, seq), and
 * the project row (with its requirements and change orders) only moves forward to a
 * newer seq. Each newly inserted event is announced on the `timeline_events` channel
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

  async function write(event: TimelineEventData): Promise<void> {
    const em = orm.em.fork();
    await em.transactional(async (tx) => {
      const inserted = await tx
        .createQueryBuilder(TimelineEvent)
        .insert({
          project: event.projectId,
          seq: event.seq,
          type: event.type,
          fromStage: event.fromStage,
          toStage: event.toStage,
          actor: event.actor,
          occurredAt: new Date(event.occurredAt),
          summary: event.summary,
          details: event.details,
        })
        .onConflict(['project', 'seq'])
        .ignore()
        .execute('run');
      if (inserted.affectedRows > 0) await announceTimelineEvent(tx, event.projectId, event.seq, event.type);
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
      const moved = await tx.nativeUpdate(
        Project,
        { id: event.projectId, projectedSeq: { $lt: event.seq } },
        { stage: event.state.stage, sopState: event.state, projectedSeq: event.seq, updatedAt: new Date() },
      );
      if (moved === 0) return; // a newer event got here first; it carried a newer snapshot
      const { requirements = [], changeOrders = [] } = event.state;
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
