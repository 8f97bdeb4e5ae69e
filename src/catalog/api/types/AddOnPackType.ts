import { DateTimeISOResolver } from 'graphql-scalars';
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
  @Field(() => Int, { description: 'The latest version: 1 when created, one more with each update.' }) version!: number;
}

@ObjectType('AddOnPackVersion', { description: 'One version of an add-on pack; never changed once written.' })
export class AddOnPackVersionType {
  @Field(() => String, { description: 'Code of the add-on pack.' }) code!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => AddOnEffectType) effect!: AddOnEffectType;
  @Field(() => String, { description: 'Who wrote it: an ADMIN, or seed for the shipped defaults.' }) createdBy!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}
