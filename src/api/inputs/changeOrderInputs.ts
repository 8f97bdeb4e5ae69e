import { MaxLength, Min, MinLength } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import type { ChangeOrderKind } from '../../domain/changeOrder.js';
import type { CostPhase } from '../../domain/costShare.js';
import { ChangeOrderKindEnum, CostPhaseEnum } from '../types/enums.js';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType()
export class RequestChangeOrderInput extends ProjectActionInput {
  @Field(() => ChangeOrderKindEnum) kind!: ChangeOrderKind;
  @Field(() => String) @MinLength(1) @MaxLength(4000) reason!: string;
  @Field(() => Float) @Min(0) amount!: number;
}

/** A base of the inputs that decide a change order (unused itself, so not emitted). */
@InputType()
export abstract class DecideChangeOrderInput extends ProjectActionInput {
  @Field(() => String) @MinLength(1) @MaxLength(64) changeOrderId!: string;
  @Field(() => String, { nullable: true }) @MaxLength(4000) note?: string | null;
}

@InputType()
export class ApproveChangeOrderInput extends DecideChangeOrderInput {}

@InputType()
export class RejectChangeOrderInput extends DecideChangeOrderInput {}

@InputType()
export class RecordCostInput extends ProjectActionInput {
  @Field(() => CostPhaseEnum) phase!: CostPhase;
  @Field(() => Float) @Min(0) amount!: number;
  @Field(() => String, { nullable: true }) @MaxLength(4000) note?: string | null;
}
