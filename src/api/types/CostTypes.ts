import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('CostEntry')
export class CostEntryType {
  @Field(() => String) id!: string;
  @Field(() => String, { description: 'RESEARCH, ITERATION, AFTER_SALES or OTHER.' }) phase!: string;
  @Field(() => Float) amount!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String) recordedBy!: string;
  @Field(() => DateTimeISOResolver) recordedAt!: Date;
}

@ObjectType('CostShare', { description: "A phase's cost against the contract value and its guardrail." })
export class CostShareType {
  @Field(() => String) phase!: string;
  @Field(() => Float) spent!: number;
  @Field(() => Float, { nullable: true, description: 'Share of the contract value; null while it is unknown.' }) share!: number | null;
  @Field(() => Float) guardrailMax!: number;
  @Field(() => Boolean, { description: 'True when the phase costs more than its guardrail allows.' }) overGuardrail!: boolean;
}
