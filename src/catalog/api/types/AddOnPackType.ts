import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('AddOnEffect')
export class AddOnEffectType {
  @Field(() => Int) extraIterationRounds!: number;
  @Field(() => Int) extraResearchSessions!: number;
  @Field(() => Int) extraMonitoringMonths!: number;
  @Field(() => Int) extraHostingMonths!: number;
  @Field(() => Boolean) annualTraining!: boolean;
}

@ObjectType('AddOnPack', { description: 'An add-on bought on demand on top of a package.' })
export class AddOnPackType {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => AddOnEffectType) effect!: AddOnEffectType;
}
