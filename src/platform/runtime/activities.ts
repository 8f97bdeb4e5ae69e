import type { MikroORM } from '@mikro-orm/postgresql';
import type { OutboundPolicy } from '../outbound/outboundPolicy.js';
import { createDeliveryActivities } from '../../delivery/activities/index.js';

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(orm: MikroORM, outbound: OutboundPolicy) {
  return { ...createDeliveryActivities(orm, outbound) };
}

export type Activities = ReturnType<typeof createActivities>;
