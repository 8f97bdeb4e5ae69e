import { TIMELINE_EVENT_TYPES, type TimelineEventType } from './timelineEvent.js';
import { isUuid } from '../../shared/domain/uuid.js';

/** The Postgres NOTIFY channel on which the projection announces each timeline event it has written. */
export const TIMELINE_EVENTS_CHANNEL = 'timeline_events';

/**
 * What the projection announces once a timeline event is committed: enough to route it
 * to subscribers (whose project, whose client, what kind), never the event itself, which
 * readers look up. About 150 bytes, far below Postgres's 8000-byte NOTIFY payload limit.
 */
export interface TimelineNotice {
  projectId: string;
  seq: number;
  type: TimelineEventType;
  clientId: string;
}


/**
 * The notice a NOTIFY payload carries, or null when the payload is not one (anyone who
 * may connect to the database can NOTIFY on the channel: nothing is trusted unchecked).
 */
export function parseTimelineNotice(payload: string): TimelineNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { projectId, seq, type, clientId } = value as Record<string, unknown>;
  if (!isUuid(projectId) || !isUuid(clientId)) return null;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
  if (typeof type !== 'string' || !(TIMELINE_EVENT_TYPES as readonly string[]).includes(type)) return null;
  return { projectId, seq, type: type as TimelineEventType, clientId };
}
