import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SOP_EVENT_TYPES } from '../../domain/sopEvent.js';
import { SOP_STAGES } from '../../domain/sopStage.js';
import { Project } from './Project.js';

/** One entry of a project's timeline: who did what, when, and the stage before and after. */
export const StageEvent = defineEntity({
  name: 'StageEvent',
  properties: {
    project: () => p.manyToOne(Project).primary(),
    /** Per-project order; with `project` it is the key that makes the projection idempotent. */
    seq: p.integer().primary(),
    type: p.enum(SOP_EVENT_TYPES),
    fromStage: p.enum(SOP_STAGES),
    toStage: p.enum(SOP_STAGES),
    actor: p.string().length(200),
    occurredAt: p.datetime(),
    summary: p.text(),
    details: p.json<Record<string, unknown>>(),
  },
  primaryKeys: ['project', 'seq'],
});

export type StageEvent = InferEntity<typeof StageEvent>;
