import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { COST_PHASES } from '../domain/costShare.js';
import { Project } from './Project.js';

/** Money spent on a project in one phase; cost shares are tracked against the contract value. */
export const CostEntry = defineEntity({
  name: 'CostEntry',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    project: () => p.manyToOne(Project),
    phase: p.enum(COST_PHASES),
    amount: p.decimal('number').precision(12).scale(2),
    note: p.text().nullable(),
    recordedBy: p.string().length(200),
    recordedAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['project'] }],
});

export type CostEntry = InferEntity<typeof CostEntry>;
