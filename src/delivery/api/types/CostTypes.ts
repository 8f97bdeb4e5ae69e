import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import type { CostPhase } from '../../domain/costShare.js';
import { CostPhaseEnum } from '../enums.js';

@ObjectType('CostEntry')
export class CostEntryType {
  @Field(() => String) id!: string;
  @Field(() => CostPhaseEnum, { description: 'The phase the cost is booked to.' }) phase!: CostPhase;
  @Field(() => Float) amount!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String) recordedBy!: string;
  @Field(() => DateTimeISOResolver) recordedAt!: Date;
}

@ObjectType('CostShare', { description: "A phase's cost against the contract value and its guardrail." })
export class CostShareType {
  @Field(() => CostPhaseEnum, { description: 'A guarded phase: RESEARCH, ITERATION or AFTER_SALES.' }) phase!: CostPhase;
  @Field(() => Float) spent!: number;
  @Field(() => Float, { nullable: true, description: 'Share of the contract value; null while it is unknown.' }) share!: number | null;
  @Field(() => Float) guardrailMax!: number;
  @Field(() => Boolean, { description: 'True when the phase costs more than its guardrail allows.' }) overGuardrail!: boolean;
}
