import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../../platform/http/node.js';
import { PackagePolicyType } from './PackagePolicyType.js';

@ObjectType('ServicePackage', { description: 'A service package the agency sells, with its latest policy version.', implements: NodeInterface })
export class ServicePackageType {
  @Field(() => String, { description: 'Stable identifier: STANDARD, PREMIUM or CUSTOM as shipped; what `CreateProjectInput.packageCode` takes.' })
  code!: string;
  @Field(() => String, { description: 'Display name for catalogs and quotes, e.g. Premium.' }) name!: string;
  @Field(() => String, { description: 'What the package offers, in one or two sentences for the client.' }) description!: string;
  @Field(() => PackagePolicyType, { description: 'The latest version of the policy: what new projects get.' }) policy!: PackagePolicyType;
  @Field(() => Int, { description: 'The latest policy version: 1 as seeded, one more with each update.' }) version!: number;
}

@ObjectType('ServicePackageVersion', { description: "One version of a package's policy; never changed once written.", implements: NodeInterface })
export class ServicePackageVersionType {
  @Field(() => String, { description: 'Code of the package.' }) code!: string;
  @Field(() => Int, { description: 'Version number, from 1; `Project.policyVersion` names the one a project started on.' }) version!: number;
  @Field(() => PackagePolicyType, { description: 'The policy as this version set it.' }) policy!: PackagePolicyType;
  @Field(() => String, { description: 'Who wrote it: an ADMIN, or seed for the shipped defaults.' }) createdBy!: string;
  @Field(() => DateTimeISOResolver, { description: 'When this version was written.' }) createdAt!: Date;
}
