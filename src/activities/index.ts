import type { MikroORM } from '@mikro-orm/postgresql';
import { createProjectionActivities } from './projection.js';
import { createSiteCheckActivities } from './siteChecks.js';

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(orm: MikroORM) {
  return { ...createProjectionActivities(orm), ...createSiteCheckActivities(orm) };
}

export type Activities = ReturnType<typeof createActivities>;
