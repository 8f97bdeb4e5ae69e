import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SITE_CHECK_KINDS } from '../domain/siteCheck.js';
import { Project } from './Project.js';

/** One HTTP request the stress test or after-care monitoring made to a client's site. */
export const SiteCheck = defineEntity({
  name: 'SiteCheck',
  properties: {
    project: () => p.manyToOne(Project).primary(),
    /** Which run the check belongs to: `stress-<attempt>` or `monitoring`. */
    run: p.string().length(40).primary(),
    /** The schedule slot (e.g. `day3-probe7`); with `index`, what makes a retried probe a no-op. */
    slot: p.string().length(40).primary(),
    index: p.integer().primary(),
    kind: p.enum(SITE_CHECK_KINDS),
    checkedAt: p.datetime(),
    ok: p.boolean(),
    status: p.integer().nullable(),
    latencyMs: p.integer(),
    error: p.text().nullable(),
  },
  primaryKeys: ['project', 'run', 'slot', 'index'],
});

export type SiteCheck = InferEntity<typeof SiteCheck>;
