import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { SopStage } from '../../domain/sopStage.js';
import type { TimelineEventType as EventType } from '../../domain/timelineEvent.js';
import { SopStageEnum, TimelineEventTypeEnum } from '../enums.js';
import { NodeInterface } from '../../../platform/http/node.js';

@ObjectType('TimelineEvent', { description: "One entry of a project's timeline: an accepted action or a system transition.", implements: NodeInterface })
export class TimelineEventType {
  @Field(() => Int, { description: 'Order within the project, from 0 (creation).' }) seq!: number;
  @Field(() => TimelineEventTypeEnum, { description: 'What happened.' }) type!: EventType;
  @Field(() => SopStageEnum, { description: 'The stage before.' }) fromStage!: SopStage;
  @Field(() => SopStageEnum, { description: 'The stage after.' }) toStage!: SopStage;
  @Field(() => String, { description: 'Who took the action (`system` for timers and child workflows).' }) actor!: string;
  @Field(() => DateTimeISOResolver, { description: 'When it happened.' }) occurredAt!: Date;
  @Field(() => String, { description: 'One line for people.' }) summary!: string;
  /** Raw stored details; exposed typed by TimelineEventResolver.details. */
  details!: Record<string, unknown> | null;
}
