import { DateTimeISOResolver, URLResolver, UUIDResolver } from 'graphql-scalars';
import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import type { SopStage } from '../../domain/sopStage.js';
import { SopStageEnum } from '../enums.js';
import { PackagePolicyType } from '../../../catalog/api/types/PackagePolicyType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** A client project as the read model shows it; relations are resolved in ProjectResolver. */
@ObjectType('Project')
export class ProjectType {
  @Field(() => UUIDResolver) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) projectLead!: string;
  @Field(() => URLResolver, { nullable: true }) stagingUrl!: string | null;
  @Field(() => String, { description: 'Id of the SOP workflow in Temporal.' }) workflowId!: string;
  @Field(() => SopStageEnum) stage!: SopStage;
  @Authorized(AGENCY_STAFF)
  @Field(() => Float, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): contract value, for cost shares per phase.' })
  contractValue!: number | null;
  @Field(() => PackagePolicyType, { description: "The package's policy with the project's add-ons applied." })
  policy!: PackagePolicyType;
  @Field(() => Int, { description: "The version of the package's policy the project started on; it keeps that policy while the package changes." })
  policyVersion!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}
