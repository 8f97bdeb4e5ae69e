import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Client } from '../../catalog/entities/index.js';
import { ROLES } from '../domain/role.js';

/** Someone who signs in: the agency's staff, or a client's people (with their client). */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    username: p.string().length(100).unique(),
    displayName: p.string().length(200),
    role: p.enum(ROLES),
    client: () => p.manyToOne(Client).nullable(),
    /** The agency team a staff member works in (CSMs: the breach report and team calendars group by it); null for none. */
    team: p.string().length(100).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type User = InferEntity<typeof User>;
