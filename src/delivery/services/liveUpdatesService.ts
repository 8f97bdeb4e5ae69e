import { readableClientIds, requireViewer } from '../../identity/services/access.js';
import { DomainError } from '../../platform/domainError.js';
import { mapLiveStream, SKIP, type LiveEvents, type LiveStream } from '../../platform/liveEvents.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import type { TimelineEventType } from '../domain/timelineEvent.js';
import { TIMELINE_EVENTS_CHANNEL, type TimelineNotice } from '../domain/timelineNotice.js';
import { Project, TimelineEvent } from '../entities/index.js';
import { requireProject } from './projectService.js';
import { hiddenEventTypes } from './timelineService.js';

/** The live feed these use cases read: the projection's notices on the timeline channel. */
export type TimelineNotices = LiveEvents<{ [TIMELINE_EVENTS_CHANNEL]: TimelineNotice }>;

/** Which new timeline events a subscriber wants; every part is optional and the parts are ANDed. */
export interface TimelineEventFilter {
  projectIds?: readonly string[] | null;
  clientIds?: readonly string[] | null;
  types?: readonly TimelineEventType[] | null;
  /** Only events that move the project to another stage (fromStage != toStage). */
  stageChangesOnly?: boolean | null;
}

/** The longest list a filter may hold: the lists are checked for every event of every subscriber. */
export const MAX_FILTER_VALUES = 100;

function checkedFilter(filter: TimelineEventFilter) {
  for (const field of ['projectIds', 'clientIds', 'types'] as const) {
    const values = filter[field];
    if (values && values.length > MAX_FILTER_VALUES) {
      throw new DomainError('INVALID_INPUT', `filter.${field} may list at most ${MAX_FILTER_VALUES} values.`, { field: `filter.${field}` });
    }
  }
  const set = <T>(values: readonly T[] | null | undefined) => (values ? new Set(values) : null);
  return { projectIds: set(filter.projectIds), clientIds: set(filter.clientIds), types: set(filter.types), stageChangesOnly: filter.stageChangesOnly === true };
}

/**
 * Which notices a viewer may receive at all, with the same row scope as reading: a
 * CLIENT only its own client's projects, and only agency staff the internal events
 * (costs), as `Project.timeline` shows them (src/delivery/services/timelineService.ts).
 */
function viewerScope(ctx: Pick<ServiceContext, 'viewer'>): (notice: TimelineNotice) => boolean {
  const viewer = requireViewer(ctx);
  const clientIds = readableClientIds(viewer);
  const hidden = hiddenEventTypes(viewer);
  return (notice) => (clientIds === null || clientIds.includes(notice.clientId)) && !hidden.includes(notice.type);
}

/**
 * Timeline events as the projection writes them, from now on: those of projects the
 * viewer may read that pass `filter`, each read back from the read model. Notices are
 * filtered before they are buffered, so a narrow subscriber costs nothing for other
 * projects' events; only `stageChangesOnly` needs the row itself.
 */
export function watchTimelineEvents(ctx: ServiceContext, notices: TimelineNotices, filter: TimelineEventFilter = {}): LiveStream<TimelineEvent> {
  const inScope = viewerScope(ctx);
  const wanted = checkedFilter(filter);
  const stream = notices.listen(TIMELINE_EVENTS_CHANNEL, {
    accept: (notice) =>
      inScope(notice) &&
      (wanted.projectIds === null || wanted.projectIds.has(notice.projectId)) &&
      (wanted.clientIds === null || wanted.clientIds.has(notice.clientId)) &&
      (wanted.types === null || wanted.types.has(notice.type)),
  });
  return mapLiveStream(stream, async (notice) => {
    // A session per event, so nothing cached from an earlier event is shown as current.
    // The row must agree with the notice it was routed by: a notice is not trusted alone.
    const event = await ctx.em.fork().findOne(TimelineEvent, { project: { id: notice.projectId, client: notice.clientId }, seq: notice.seq, type: notice.type });
    if (!event) return SKIP;
    if (wanted.stageChangesOnly && event.fromStage === event.toStage) return SKIP;
    return event;
  });
}

/**
 * The project as the read model shows it, once each time its projection writes an
 * event, from now on. NOT_FOUND when it does not exist or the viewer may not read it,
 * exactly as the `project` query would answer null.
 */
export async function watchProject(ctx: ServiceContext, notices: TimelineNotices, projectId: string): Promise<LiveStream<Project>> {
  const inScope = viewerScope(ctx);
  // Listen before looking, so that nothing written in between is missed.
  const stream = notices.listen(TIMELINE_EVENTS_CHANNEL, { accept: (notice) => notice.projectId === projectId && inScope(notice) });
  try {
    await requireProject(ctx, projectId);
  } catch (error) {
    await stream.return();
    throw error;
  }
  return mapLiveStream(stream, async (notice) => (await ctx.em.fork().findOne(Project, { id: projectId, client: notice.clientId })) ?? SKIP);
}
