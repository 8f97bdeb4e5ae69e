import { ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../../platform/http/relay.js';
import { TimelineEventType } from './TimelineEventType.js';

@ObjectType('TimelineEventEdge', { description: "An event of a project's timeline, with its cursor." })
export class TimelineEventEdge extends EdgeType(TimelineEventType, 'The timeline event.') {}

@ObjectType('TimelineEventConnection', {
  description: "A page of a project's timeline (a Relay connection), in `seq` order: the edges, where the page lies, and how many events there are in all.",
})
export class TimelineEventConnection extends ConnectionType(
  TimelineEventEdge,
  "How many events of the project's timeline the viewer may see, on every page together (a CLIENT does not see the agency's internal events).",
) {}
