import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Client } from '../../catalog/entities/Client.js';
import { AUDIT_SCOPES, AUDIT_STATUSES } from '../domain/riskSignal.js';

/**
 * A service audit: the task a rise of the complaint rate opens (src/insights/domain/riskSignal.ts),
 * with an owner and a due date. One per week and scope (the agency, or one client), so the
 * weekly signal run again for a week opens nothing twice. Written by the weekly workflow's
 * activities; its owner (or an ADMIN) completes it through the API.
 */
export const ServiceAudit = defineEntity({
  name: 'ServiceAudit',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** Monday of the measured week (ISO week, UTC). */
    weekStart: p.date(),
    scope: p.enum(AUDIT_SCOPES),
    /** The client's id for a CLIENT audit, '' for the agency's: with week and scope, the key that keeps one audit per week and scope. */
    scopeKey: p.string().length(36),
    /** The client audited; null for the agency. */
    client: () => p.manyToOne(Client).nullable(),
    complaints: p.integer(),
    activeProjects: p.integer(),
    previousComplaints: p.integer(),
    previousActiveProjects: p.integer(),
    /** Complaints per active project in the week. */
    rate: p.double(),
    /** The week before's; null when it had no active project. */
    previousRate: p.double().nullable(),
    /** (rate − previous) / previous; null when the week before had no complaint or no active project. */
    change: p.double().nullable(),
    /** Why it opened, with the figures. */
    reason: p.text(),
    /** Username of whoever does it: the client's dedicated CSM, else an ADMIN. */
    owner: p.string().length(100),
    dueAt: p.datetime(),
    status: p.enum(AUDIT_STATUSES),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When its notification was delivered; null until then (a later run sends it then). */
    notifiedAt: p.datetime().nullable(),
    /** When a run took it on to announce (so two runs at once never both do); a claim older than NOTIFY_CLAIM_MINUTES is free again. */
    notifyClaimedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    /** Username of whoever completed it. */
    completedBy: p.string().length(100).nullable(),
    /** What the audit found and did, in its owner's words. */
    note: p.text().nullable(),
  },
  uniques: [{ properties: ['weekStart', 'scope', 'scopeKey'] }],
  indexes: [{ properties: ['status', 'weekStart'] }],
});

export type ServiceAudit = InferEntity<typeof ServiceAudit>;
