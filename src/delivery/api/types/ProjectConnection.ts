import { ArrayMaxSize, MaxLength } from 'class-validator';
import { DateTimeISOResolver, UUIDResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ClientTierEnum } from '../../../catalog/api/enums.js';
import type { ClientTier } from '../../../catalog/domain/clientTier.js';
import { ConnectionType, EdgeType, MAX_FILTER_VALUES, OrderDirectionEnum, type OrderDirection } from '../../../platform/http/relay.js';
import { TEXT_LIMITS } from '../../../shared/domain/storable.js';
import type { SopStage } from '../../domain/sopStage.js';
import type { ProjectOrderField } from '../../services/projectQueries.js';
import { SopStageEnum } from '../enums.js';
import { ProjectType } from './ProjectType.js';

@ObjectType('ProjectEdge', { description: 'A project in a list, with its cursor.' })
export class ProjectEdge extends EdgeType(ProjectType, 'The project.') {}

@ObjectType('ProjectConnection', { description: 'A page of projects (a Relay connection): the edges, where the page lies, and how many match in all.' })
export class ProjectConnection extends ConnectionType(ProjectEdge, 'How many projects the viewer may see match the filter, on every page together.') {}

export const ProjectOrderFieldEnum = { CREATED_AT: 'CREATED_AT', NAME: 'NAME', UPDATED_AT: 'UPDATED_AT' } as const satisfies { [K in ProjectOrderField]: K };
registerEnumType(ProjectOrderFieldEnum, {
  name: 'ProjectOrderField',
  description: 'What a list of projects is sorted by; projects that tie are sorted by id, so every project has one place.',
  valuesConfig: {
    CREATED_AT: { description: 'When the project was created.' },
    NAME: { description: "The project's name (in the database's collation)." },
    UPDATED_AT: { description: 'When the read model last changed the project: its latest accepted action or system event.' },
  },
});

@InputType('ProjectOrder', { description: 'How a list of projects is sorted.' })
export class ProjectOrderInput {
  @Field(() => ProjectOrderFieldEnum, { description: 'What to sort by.' })
  field!: ProjectOrderField;

  @Field(() => OrderDirectionEnum, { description: 'Which way.' })
  direction!: OrderDirection;
}

@InputType('ProjectFilter', {
  description: 'Narrows a list of projects: every criterion given must hold. A list criterion holds for any of its values; an empty list matches nothing.',
})
export class ProjectFilterInput {
  @Field(() => [SopStageEnum], { nullable: true, description: 'Projects in any of these stages.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  stage?: SopStage[] | null;

  @Field(() => [String], { nullable: true, description: 'Projects on any of these service packages, by code (e.g. PREMIUM).' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(40, { each: true })
  packageCode?: string[] | null;

  @Field(() => [UUIDResolver], { nullable: true, description: 'Projects for any of these clients, by id.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  clientId?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Projects led by any of these users, by username.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(TEXT_LIMITS.name, { each: true })
  projectLead?: string[] | null;

  @Field(() => [ClientTierEnum], { nullable: true, description: 'Projects for clients of any of these tiers.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  tier?: ClientTier[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Projects whose name contains this text, ignoring case; `%` and `_` are matched literally. At most 200 characters.',
  })
  @MaxLength(TEXT_LIMITS.name)
  nameContains?: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Projects created strictly after this instant.' })
  createdAfter?: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Projects created strictly before this instant.' })
  createdBefore?: Date | null;
}
