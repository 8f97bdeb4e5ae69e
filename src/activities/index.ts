import type { MikroORM } from '@mikro-orm/postgresql';
import { createProjectionActivities } from './projection.js';

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(orm: MikroORM) {
  return { ...createProjectionActivities(orm) };
}

export type Activities = ReturnType<typeof createActivities>;
