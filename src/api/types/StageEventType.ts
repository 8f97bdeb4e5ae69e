import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { SopEventType } from '../../domain/sopEvent.js';
import type { SopStage } from '../../domain/sopStage.js';
import { SopEventTypeEnum, SopStageEnum } from './enums.js';

@ObjectType('StageEvent', { description: "One entry of a project's timeline." })
export class StageEventType {
  @Field(() => Int) seq!: number;
  @Field(() => SopEventTypeEnum) type!: SopEventType;
  @Field(() => SopStageEnum) fromStage!: SopStage;
  @Field(() => SopStageEnum) toStage!: SopStage;
  @Field(() => String, { description: 'Who took the action.' }) actor!: string;
  @Field(() => DateTimeISOResolver) occurredAt!: Date;
  @Field(() => String) summary!: string;
  @Field(() => JSONObjectResolver) details!: Record<string, unknown>;
}
