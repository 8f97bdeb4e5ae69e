import { DateTimeISOResolver, URLResolver } from 'graphql-scalars';
import { Authorized, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../../platform/http/node.js';
import type { SopStage } from '../../domain/sopStage.js';
import { SopStageEnum } from '../enums.js';
import { PackagePolicyType } from '../../../catalog/api/types/PackagePolicyType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** A client project as the read model shows it; relations are resolved in ProjectResolver. */
@ObjectType('Project', {
  description: "A client's website project as it moves through the delivery SOP; a CLIENT user sees only its own client's projects.",
  implements: NodeInterface,
})
export class ProjectType {
  @Field(() => ID, { description: "Identifier of the project (a UUID), for `project(id)`, every action input's `projectId` and `node(id)`." }) id!: string;
  @Field(() => String, { description: 'Display name of the project, one the client recognises (1-200 characters).' }) name!: string;
  @Field(() => String, { description: 'Username of the LEAD who leads the project; of the leads, only this one may take its SOP actions.' })
  projectLead!: string;
  @Field(() => URLResolver, {
    nullable: true,
    description: 'The staging site given when the project was created; null if none was. `progress.stagingUrl` is where the stress test probes now.',
  })
  stagingUrl!: string | null;
  @Field(() => String, { description: 'Id of the SOP workflow in Temporal.' }) workflowId!: string;
  @Field(() => SopStageEnum, { description: 'Where the project is in the SOP.' }) stage!: SopStage;
  @Authorized(AGENCY_STAFF)
  @Field(() => Float, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): contract value, for cost shares per phase.' })
  contractValue!: number | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When delivery (acceptance) was promised; null when none was. On-time delivery is judged against it.' })
  plannedDeliveryAt!: Date | null;
  @Field(() => PackagePolicyType, { description: "The package's policy with the project's add-ons applied." })
  policy!: PackagePolicyType;
  @Field(() => Int, { description: "The version of the package's policy the project started on; it keeps that policy while the package changes." })
  policyVersion!: number;
  @Field(() => DateTimeISOResolver, { description: 'When the project was created.' }) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { description: 'When the read model last changed the project: its latest accepted action or system event.' })
  updatedAt!: Date;
}
