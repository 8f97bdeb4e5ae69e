import { MaxLength, MinLength } from 'class-validator';
import { IsMoney } from '../../../platform/http/moneyValidator.js';
import { Field, Float, InputType } from 'type-graphql';
import type { ChangeOrderKind } from '../../domain/changeOrder.js';
import { ChangeOrderKindEnum } from '../enums.js';
import { ProjectActionInput } from './ProjectActionInput.js';

@InputType({ description: 'A change order under the service-cap clause.' })
export class RequestChangeOrderInput extends ProjectActionInput {
  @Field(() => ChangeOrderKindEnum, { description: 'Which cap an approved order raises.' }) kind!: ChangeOrderKind;
  @Field(() => String, { description: 'Why the extra work is needed.' }) @MinLength(1) @MaxLength(4000) reason!: string;
  @Field(() => Float, { description: 'What the order costs the client: 0 to 9999999999.99, at most two decimals.' }) @IsMoney() amount!: number;
}

/** A base of the inputs that decide a change order (unused itself, so not emitted). */
@InputType()
export abstract class DecideChangeOrderInput extends ProjectActionInput {
  @Field(() => String, { description: 'Id of a requested change order.' }) @MinLength(1) @MaxLength(64) changeOrderId!: string;
  @Field(() => String, { nullable: true, description: 'A note for the timeline.' }) @MaxLength(4000) note?: string | null;
}

@InputType({ description: 'Approves a requested change order: its cap goes up by one.' })
export class ApproveChangeOrderInput extends DecideChangeOrderInput {}

@InputType({ description: 'Rejects a requested change order.' })
export class RejectChangeOrderInput extends DecideChangeOrderInput {}
