import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('ChangeOrder', { description: 'A change order under the service-cap clause.' })
export class ChangeOrderType {
  @Field(() => String) id!: string;
  @Field(() => String, { description: 'EXTRA_RESEARCH, EXTRA_ITERATION or SCOPE.' }) kind!: string;
  @Field(() => String, { description: 'REQUESTED, APPROVED or REJECTED.' }) status!: string;
  @Field(() => String) reason!: string;
  @Field(() => Float) amount!: number;
}
