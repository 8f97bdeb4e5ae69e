import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Project } from './Project.js';

/** One month of after-care monitoring of a project's live site. */
export const MonitoringReport = defineEntity({
  name: 'MonitoringReport',
  properties: {
    project: () => p.manyToOne(Project).primary(),
    month: p.integer().primary(),
    checks: p.integer(),
    failed: p.integer(),
    availability: p.double(),
    p95LatencyMs: p.integer().fieldName('p95_latency_ms'),
    reportedAt: p.datetime(),
  },
  primaryKeys: ['project', 'month'],
});

export type MonitoringReport = InferEntity<typeof MonitoringReport>;
