import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CLIENT_TIERS } from '../domain/clientTier.js';

/** An agency's client; its tier changes SLA targets and routing. */
export const Client = defineEntity({
  name: 'Client',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(200),
    tier: p.enum(CLIENT_TIERS),
    contactEmail: p.string().length(320).nullable(),
    /** Username of the client's dedicated customer-success manager; tier-A tickets route to them. */
    dedicatedCsm: p.string().length(100).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Client = InferEntity<typeof Client>;
