import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../../platform/http/node.js';
import type { CostPhase } from '../../domain/costShare.js';
import { CostPhaseEnum } from '../enums.js';

@ObjectType('CostEntry', { description: 'A cost booked to a phase of a project; agency staff (ADMIN, LEAD) only.', implements: NodeInterface })
export class CostEntryType {
  @Field(() => ID, { description: 'Id of the cost entry (a UUID), as `CostRecordedDetails.costId` names it; also for `node(id)`.' }) id!: string;
  @Field(() => CostPhaseEnum, { description: 'The phase the cost is booked to.' }) phase!: CostPhase;
  @Field(() => Float, { description: 'Amount spent, in the currency of the contract value: 0 to 9999999999.99, at most two decimals.' }) amount!: number;
  @Field(() => String, { nullable: true, description: 'What the cost was for; null when no note was given.' }) note!: string | null;
  @Field(() => String, { description: 'Username of who recorded the cost.' }) recordedBy!: string;
  @Field(() => DateTimeISOResolver, { description: 'When the cost was recorded.' }) recordedAt!: Date;
}

@ObjectType('CostShare', { description: "A phase's cost against the contract value and its guardrail." })
export class CostShareType {
  @Field(() => CostPhaseEnum, { description: 'A guarded phase: RESEARCH, ITERATION or AFTER_SALES.' }) phase!: CostPhase;
  @Field(() => Float, { description: 'Total booked to the phase so far, in the currency of the contract value.' }) spent!: number;
  @Field(() => Float, { nullable: true, description: 'Share of the contract value; null while it is unknown.' }) share!: number | null;
  @Field(() => Float, { description: "The policy's upper share for the phase, 0 to 1: above it `overGuardrail` is true." }) guardrailMax!: number;
  @Field(() => Boolean, { description: 'True when the phase costs more than its guardrail allows.' }) overGuardrail!: boolean;
}
