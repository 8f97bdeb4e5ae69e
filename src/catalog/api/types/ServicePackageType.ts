import { Field, ObjectType } from 'type-graphql';
import { PackagePolicyType } from './PackagePolicyType.js';

@ObjectType('ServicePackage', { description: 'A service package the agency sells.' })
export class ServicePackageType {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => PackagePolicyType) policy!: PackagePolicyType;
}
