import { Authorized, Field, Float, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../../platform/http/node.js';
import type { ChangeOrderKind, ChangeOrderStatus } from '../../domain/changeOrder.js';
import { ChangeOrderKindEnum, ChangeOrderStatusEnum } from '../enums.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

@ObjectType('ChangeOrder', { description: 'A change order under the service-cap clause.', implements: NodeInterface })
export class ChangeOrderType {
  @Field(() => ID, { description: 'Id of the order (a UUID), for `changeOrderId` inputs and `node(id)`.' }) id!: string;
  @Field(() => ChangeOrderKindEnum, { description: 'Which cap an approved order raises.' }) kind!: ChangeOrderKind;
  @Field(() => ChangeOrderStatusEnum, { description: 'Where the order stands.' }) status!: ChangeOrderStatus;
  @Field(() => String, { description: 'Why the extra work is needed.' }) reason!: string;
  @Authorized(AGENCY_STAFF)
  @Field(() => Float, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): what the order costs the client.' })
  amount!: number;
}
