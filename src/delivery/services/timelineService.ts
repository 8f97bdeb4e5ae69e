import { AGENCY_STAFF } from '../../identity/domain/role.js';
import { requireViewer } from '../../identity/services/access.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { INTERNAL_TIMELINE_EVENT_TYPES } from '../domain/timelineEvent.js';
import type { TimelineEvent } from '../entities/index.js';

/** The part of a project's timeline the viewer may see: staff see all of it, others not the internal events. */
export function visibleTimeline(ctx: Pick<ServiceContext, 'viewer'>, events: readonly TimelineEvent[]): TimelineEvent[] {
  const viewer = requireViewer(ctx);
  if (AGENCY_STAFF.includes(viewer.role)) return [...events];
  return events.filter((event) => !INTERNAL_TIMELINE_EVENT_TYPES.includes(event.type));
}
