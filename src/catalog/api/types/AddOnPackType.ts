import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../../platform/http/node.js';

@ObjectType('AddOnEffect', { description: "What buying an add-on pack adds to a project's policy; zero and false add nothing." })
export class AddOnEffectType {
  @Field(() => Int, { description: 'Iteration rounds added to the included iteration rounds (0-100).' }) extraIterationRounds!: number;
  @Field(() => Int, { description: 'Research sessions added to the included research sessions (0-100).' }) extraResearchSessions!: number;
  @Field(() => Int, { description: 'Months added to after-care traffic monitoring (0-120).' }) extraMonitoringMonths!: number;
  @Field(() => Int, { description: 'Months added to hosting after delivery (0-120).' }) extraHostingMonths!: number;
  @Field(() => Boolean, { description: "Whether the pack adds annual training for the client's team." }) annualTraining!: boolean;
}

@ObjectType('AddOnPack', { description: 'An add-on bought on demand on top of a package.', implements: NodeInterface })
export class AddOnPackType {
  @Field(() => String, { description: 'Stable identifier in capitals, digits and underscores (e.g. EXTRA_ITERATION_ROUND), as `addOnCodes` takes it.' })
  code!: string;
  @Field(() => String, { description: 'Display name of the latest version, for catalogs and quotes (1-100 characters).' }) name!: string;
  @Field(() => String, { description: 'What the pack offers, in words for the client (latest version; may be empty).' }) description!: string;
  @Field(() => AddOnEffectType, { description: "What the latest version adds to the policy of projects that buy it." }) effect!: AddOnEffectType;
  @Field(() => Int, { description: 'The latest version: 1 when created, one more with each update.' }) version!: number;
}

@ObjectType('AddOnPackVersion', { description: 'One version of an add-on pack; never changed once written.', implements: NodeInterface })
export class AddOnPackVersionType {
  @Field(() => String, { description: 'Code of the add-on pack.' }) code!: string;
  @Field(() => Int, { description: 'Version number, from 1; projects record the version they bought.' }) version!: number;
  @Field(() => String, { description: 'Display name in this version.' }) name!: string;
  @Field(() => String, { description: 'What the pack offers, in this version (may be empty).' }) description!: string;
  @Field(() => AddOnEffectType, { description: 'What this version adds to a project\'s policy.' }) effect!: AddOnEffectType;
  @Field(() => String, { description: 'Who wrote it: an ADMIN, or seed for the shipped defaults.' }) createdBy!: string;
  @Field(() => DateTimeISOResolver, { description: 'When this version was written.' }) createdAt!: Date;
}
