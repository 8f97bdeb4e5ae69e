import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { TimelineEventType } from '../../domain/timelineEvent.js';
import { TimelineEventTypeEnum } from '../enums.js';

@InputType({ description: 'Which new timeline events `projectEvents` delivers; every part is optional and the parts must all hold.' })
export class ProjectEventsFilterInput {
  @Field(() => [UUIDResolver], { nullable: true, description: 'Only events of these projects (at most 100).' })
  projectIds?: string[] | null;

  @Field(() => [UUIDResolver], { nullable: true, description: "Only events of these clients' projects (at most 100)." })
  clientIds?: string[] | null;

  @Field(() => [TimelineEventTypeEnum], { nullable: true, description: 'Only events of these types.' })
  types?: TimelineEventType[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only events that move the project to another stage (fromStage differs from toStage).' })
  stageChangesOnly?: boolean | null;
}
