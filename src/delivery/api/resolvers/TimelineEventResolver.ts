import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { TimelineEventView } from '../../services/timelineService.js';
import { detailsOf, TimelineEventDetailsUnion } from '../types/TimelineDetailsTypes.js';
import { TimelineEventType } from '../types/TimelineEventType.js';

@Resolver(() => TimelineEventType)
export class TimelineEventResolver {
  @FieldResolver(() => TimelineEventDetailsUnion, { nullable: true, description: 'The typed details of this kind of event; null for events without any.' })
  details(@Root() event: TimelineEventView): object | null {
    return detailsOf(event.type, event.details ?? null);
  }
}
