import type { EntityManager } from '@mikro-orm/postgresql';
import { TIMELINE_EVENTS_CHANNEL } from '../domain/timelineNotice.js';
import type { TimelineEventType } from '../domain/timelineEvent.js';

/**
 * The notice subscribers hear (src/delivery/domain/timelineNotice.ts), built from the
 * `project` row aliased `p`, with parameters seq and type; for statements that announce
 * as they write.
 */
export const TIMELINE_NOTICE_SQL = `pg_notify('${TIMELINE_EVENTS_CHANNEL}', json_build_object('projectId', p.id, 'seq', ?::int, 'type', ?::text, 'clientId', p.client_id)::text)`;

/**
 * Announces a timeline event to live-update subscribers (src/platform/liveEvents.ts) from
 * inside the transaction that wrote it: Postgres delivers a NOTIFY only when that
 * transaction commits, so subscribers never hear of an event that was not written. Call
 * it only when the insert wrote a row, so a retried write announces nothing again.
 */
export async function announceTimelineEvent(tx: EntityManager, projectId: string, seq: number, type: TimelineEventType): Promise<void> {
  await tx.execute(`select ${TIMELINE_NOTICE_SQL} from project p where p.id = ?`, [seq, type, projectId]);
}
