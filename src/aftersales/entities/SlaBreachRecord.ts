import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SLA_CLOCK_NAMES } from '../domain/slaNotification.js';
import { Ticket } from './Ticket.js';

/**
 * A breached SLA clock run, as the ticket's workflow recorded it: the rows of the breach
 * report. One per (ticket, clock, round); `metAt` fills in when the late response or
 * resolution comes.
 */
export const SlaBreachRecord = defineEntity({
  name: 'SlaBreachRecord',
  tableName: 'sla_breach',
  properties: {
    ticket: () => p.manyToOne(Ticket).primary(),
    clock: p.enum(SLA_CLOCK_NAMES).primary(),
    round: p.integer().primary(),
    dueAt: p.datetime(),
    recordedAt: p.datetime(),
    /** How late the clock was when the breach was recorded. */
    lateByMillis: p.bigint('number'),
    metAt: p.datetime().nullable(),
  },
  primaryKeys: ['ticket', 'clock', 'round'],
  // The breach report windows on the deadline.
  indexes: [{ properties: ['dueAt'] }],
});

export type SlaBreachRecord = InferEntity<typeof SlaBreachRecord>;
