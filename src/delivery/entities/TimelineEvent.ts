import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TIMELINE_EVENT_TYPES } from '../domain/timelineEvent.js';
import { SOP_STAGES } from '../domain/sopStage.js';
import { Project } from './Project.js';

/** One entry of a project's timeline: who did what, when, the stage before and after, and the event's typed details. */
export const TimelineEvent = defineEntity({
  name: 'TimelineEvent',
  properties: {
    project: () => p.manyToOne(Project).primary(),
    /** Per-project order; with `project` it is the key that makes the projection idempotent. */
    seq: p.integer().primary(),
    type: p.enum(TIMELINE_EVENT_TYPES),
    fromStage: p.enum(SOP_STAGES),
    toStage: p.enum(SOP_STAGES),
    actor: p.string().length(200),
    occurredAt: p.datetime(),
    summary: p.text(),
    /** The details shape of `type` (src/delivery/domain/timelineEvent.ts); null for events with none, and for rows written before details were typed. */
    details: p.json<Record<string, unknown>>().nullable(),
  },
  primaryKeys: ['project', 'seq'],
  // The dashboard reads events of one type in a period, and the first event of a type per project
  // (with its instant in the index, so that needs no visit to the table).
  indexes: [{ properties: ['type', 'occurredAt'] }, { properties: ['type', 'project', 'seq'], include: ['occurredAt'] }],
});

export type TimelineEvent = InferEntity<typeof TimelineEvent>;
