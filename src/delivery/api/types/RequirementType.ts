import { Field, ObjectType } from 'type-graphql';
import type { RequirementStatus, ValidationResult } from '../../domain/requirement.js';
import { RequirementStatusEnum, ValidationResultEnum } from '../enums.js';

@ObjectType('Requirement', { description: 'A requirement agreed with the client, as the SOP workflow last projected it.' })
export class RequirementType {
  @Field(() => String, { description: 'Id of the requirement within its project.' }) id!: string;
  @Field(() => String, { description: 'What the client needs, in one line.' }) title!: string;
  @Field(() => RequirementStatusEnum, { description: 'Where the requirement stands.' }) status!: RequirementStatus;
  @Field(() => ValidationResultEnum, { description: 'What the validation day found.' }) validation!: ValidationResult;
}
