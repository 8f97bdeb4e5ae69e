import { UUIDResolver } from 'graphql-scalars';
import { Arg, Authorized, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { SubscriptionContext } from '../../../platform/http/subscriptionServer.js';
import type { Project, TimelineEvent } from '../../entities/index.js';
import { watchProject, watchTimelineEvents } from '../../services/liveUpdatesService.js';
import { ProjectEventsFilterInput } from '../inputs/liveUpdatesInputs.js';
import { ProjectType } from '../types/ProjectType.js';
import { TimelineEventType } from '../types/TimelineEventType.js';

type Subscribe<Args> = SubscribeResolverData<unknown, Args, SubscriptionContext>;

/**
 * Live updates over graphql-ws (`/graphql`, src/platform/http/subscriptionServer.ts):
 * each event the projection writes, pushed within about a second. Thin by design: the
 * row scope and the filtering are the service's (src/delivery/services/liveUpdatesService.ts).
 */
@Resolver()
export class LiveUpdatesResolver {
  @Authorized()
  @Subscription(() => ProjectType, {
    description:
      'The project as the read model shows it, each time its projection writes a new timeline event (a CLIENT is not told of internal ones). NOT_FOUND when it does not exist or the viewer may not see it.',
    subscribe: ({ args, context }: Subscribe<{ id: string }>) => watchProject(context, context.liveEvents, args.id),
  })
  projectUpdated(@Root() project: Project, @Arg('id', () => UUIDResolver, { description: 'Id of the project.' }) _id: string): Project {
    return project;
  }

  @Authorized()
  @Subscription(() => TimelineEventType, {
    description:
      "Each new timeline event of the projects the viewer may see that passes the filter, as it is written; a CLIENT gets only its own projects' events and never the agency's internal ones (costs).",
    subscribe: ({ args, context }: Subscribe<{ filter?: ProjectEventsFilterInput | null }>) =>
      watchTimelineEvents(context, context.liveEvents, args.filter ?? {}),
  })
  projectEvents(
    @Root() event: TimelineEvent,
    @Arg('filter', () => ProjectEventsFilterInput, { nullable: true, description: 'Which events to deliver; all the viewer may see when omitted.' })
    _filter?: ProjectEventsFilterInput | null,
  ): TimelineEvent {
    return event;
  }
}
