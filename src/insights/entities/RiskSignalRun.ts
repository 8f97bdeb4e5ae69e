import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ClientCounts } from '../domain/riskSignal.js';

/**
 * One week's measurement by the weekly risk signal, kept as first taken: the signal run
 * again for the week reads these figures instead of measuring again, so it decides the
 * same and changes nothing. The agency's figures are columns; each client's are in `clients`.
 */
export const RiskSignalRun = defineEntity({
  name: 'RiskSignalRun',
  properties: {
    /** Monday of the measured week (ISO week, UTC). */
    weekStart: p.date().primary(),
    computedAt: p.datetime(),
    complaints: p.integer(),
    activeProjects: p.integer(),
    previousComplaints: p.integer(),
    previousActiveProjects: p.integer(),
    /** The agency's complaints per active project; null without an active project. */
    rate: p.double().nullable(),
    previousRate: p.double().nullable(),
    /** (rate − previous) / previous; null when either is unknown or the previous is 0. */
    change: p.double().nullable(),
    /** Every client with a project or a complaint in the week or the week before, with its counts. */
    clients: p.json<ClientCounts[]>(),
  },
});

export type RiskSignalRun = InferEntity<typeof RiskSignalRun>;
