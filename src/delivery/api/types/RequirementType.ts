import { Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../../platform/http/node.js';
import type { RequirementStatus, ValidationResult } from '../../domain/requirement.js';
import { RequirementStatusEnum, ValidationResultEnum } from '../enums.js';

@ObjectType('Requirement', { description: 'A requirement agreed with the client, as the SOP workflow last projected it.', implements: NodeInterface })
export class RequirementType {
  @Field(() => ID, { description: 'Id of the requirement (a UUID), for `requirementId` inputs and `node(id)`.' }) id!: string;
  @Field(() => String, { description: 'What the client needs, in one line.' }) title!: string;
  @Field(() => RequirementStatusEnum, { description: 'Where the requirement stands.' }) status!: RequirementStatus;
  @Field(() => ValidationResultEnum, { description: 'What the validation day found.' }) validation!: ValidationResult;
}
