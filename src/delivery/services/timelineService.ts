import type { Viewer } from '../../identity/domain/role.js';
import { isAgencyStaff, requireViewer } from '../../identity/services/access.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { INTERNAL_TIMELINE_EVENT_TYPES, type TimelineEventType } from '../domain/timelineEvent.js';
import type { TimelineEvent } from '../entities/index.js';

/** A timeline event as the read path shows it; a `TimelineEvent` entity has this shape too. */
export interface TimelineEventView extends Pick<TimelineEvent, 'seq' | 'type' | 'fromStage' | 'toStage' | 'actor' | 'occurredAt' | 'summary' | 'details'> {
  project: { id: string };
}

/**
 * The event types a viewer may not see, the one rule every way of reading the timeline
 * applies (lists, pages, `node`, live updates): staff see all, others not the internal ones.
 */
export function hiddenEventTypes(viewer: Viewer): readonly TimelineEventType[] {
  return isAgencyStaff(viewer) ? [] : INTERNAL_TIMELINE_EVENT_TYPES;
}

/** The part of a project's timeline the viewer may see. */
export function visibleTimeline<E extends Pick<TimelineEvent, 'type'>>(ctx: Pick<ServiceContext, 'viewer'>, events: readonly E[]): E[] {
  const hidden = hiddenEventTypes(requireViewer(ctx));
  return events.filter((event) => !hidden.includes(event.type));
}
