import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CLIENT_TIERS } from '../../catalog/domain/clientTier.js';
import { Client } from '../../catalog/entities/Client.js';

/** One change of a client's tier: from what to what, who made it and why. Never changed once written. */
export const ClientTierChange = defineEntity({
  name: 'ClientTierChange',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    client: () => p.manyToOne(Client),
    fromTier: p.enum(CLIENT_TIERS),
    toTier: p.enum(CLIENT_TIERS),
    /** Username of the ADMIN who changed it. */
    changedBy: p.string().length(200),
    /** Why, in the ADMIN's words. */
    reason: p.text(),
    /** The data's suggestion at the time (its tier and reasons), for the record; null when none was computed. */
    suggestion: p.json<{ tier: string; reasons: string[] }>().nullable(),
    changedAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['client', 'changedAt'] }],
});

export type ClientTierChange = InferEntity<typeof ClientTierChange>;
