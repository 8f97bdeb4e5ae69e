import { MaxLength } from 'class-validator';
import { IsMoney } from '../../../platform/http/moneyValidator.js';
import { Field, Float, InputType } from 'type-graphql';
import type { CostPhase } from '../../domain/costShare.js';
import { CostPhaseEnum } from '../enums.js';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({ description: 'A cost booked to a phase of the project.' })
export class RecordCostInput extends ProjectActionInput {
  @Field(() => CostPhaseEnum, { description: 'The phase the cost is booked to.' }) phase!: CostPhase;
  @Field(() => Float, { description: 'The amount spent: 0 to 9999999999.99, at most two decimals.' }) @IsMoney() amount!: number;
  @Field(() => String, { nullable: true, description: 'What it was for.' }) @MaxLength(4000) note?: string | null;
}
