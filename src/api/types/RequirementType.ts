import { Field, ObjectType } from 'type-graphql';

@ObjectType('Requirement')
export class RequirementType {
  @Field(() => String) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'PROPOSED, CONFIRMED or DROPPED.' }) status!: string;
  @Field(() => String, { description: 'What the validation day found: UNCHECKED, MET or GAP.' }) validation!: string;
}
