import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { REQUIREMENT_STATUSES, VALIDATION_RESULTS } from '../domain/requirement.js';
import { Project } from './Project.js';

/** A requirement of a project, as the SOP workflow last projected it. */
export const Requirement = defineEntity({
  name: 'Requirement',
  properties: {
    project: () => p.manyToOne(Project).primary(),
    id: p.string().length(64).primary(),
    title: p.string().length(500),
    status: p.enum(REQUIREMENT_STATUSES),
    validation: p.enum(VALIDATION_RESULTS),
  },
  primaryKeys: ['project', 'id'],
});

export type Requirement = InferEntity<typeof Requirement>;
