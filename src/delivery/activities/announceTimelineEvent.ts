import type { EntityManager } from '@mikro-orm/postgresql';
import { TIMELINE_EVENTS_CHANNEL } from '../domain/timelineNotice.js';
import type { TimelineEventType } from '../domain/timelineEvent.js';

/**
 * Announces a timeline event to live-update subscribers (src/platform/liveEvents.ts) from
 * inside the transaction that wrote it: Postgres delivers a NOTIFY only when that
 * transaction commits, so subscribers never hear of an event that was not written. Call
 * it only when the insert wrote a row, so a retried write announces nothing again.
 */
export async function announceTimelineEvent(tx: EntityManager, projectId: string, seq: number, type: TimelineEventType): Promise<void> {
  await tx.execute(
    `select pg_notify(?, json_build_object('projectId', id, 'seq', ?::int, 'type', ?::text, 'clientId', client_id)::text) from project where id = ?`,
    [TIMELINE_EVENTS_CHANNEL, seq, type, projectId],
  );
}
