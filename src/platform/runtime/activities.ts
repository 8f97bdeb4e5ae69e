import type { MikroORM } from '@mikro-orm/postgresql';
import { createDeliveryActivities } from '../../delivery/activities/index.js';

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(orm: MikroORM) {
  return { ...createDeliveryActivities(orm) };
}

export type Activities = ReturnType<typeof createActivities>;
