import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Client } from '../../catalog/entities/Client.js';
import { Project } from '../../delivery/entities/Project.js';
import type { BusinessCalendar } from '../domain/businessCalendar.js';
import { TICKET_CHANNELS, TICKET_STATUSES, type TicketState } from '../domain/ticket.js';
import { TICKET_CATEGORIES } from '../domain/ticketCategory.js';
import { TICKET_SEVERITIES } from '../domain/ticketSeverity.js';

/**
 * An after-sales ticket: the read model of its SLA workflow (`ticket-<id>`), written only
 * by the projection activity (src/aftersales/activities/ticketProjection.ts). `slaState` is
 * the workflow's state as of `projectedSeq`; due times and time left are computed from it
 * when read, with the same pure functions the workflow uses.
 */
export const Ticket = defineEntity({
  name: 'Ticket',
  properties: {
    id: p.uuid().primary(),
    project: () => p.manyToOne(Project),
    client: () => p.manyToOne(Client),
    title: p.string().length(500),
    description: p.text(),
    channel: p.enum(TICKET_CHANNELS),
    severity: p.enum(TICKET_SEVERITIES),
    category: p.enum(TICKET_CATEGORIES),
    status: p.enum(TICKET_STATUSES),
    affectedUsers: p.integer(),
    /** Username of the person working it; null while nobody is. */
    assignee: p.string().length(200).nullable(),
    /** The assignee's team when last projected (the breach report groups by it). */
    team: p.string().length(100).nullable(),
    openedBy: p.string().length(200),
    openedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
    /** The SLA policy version the ticket is judged by. */
    policyVersion: p.integer(),
    /** The business-hours calendar its BUSINESS_HOURS targets count in, as handed to the workflow. */
    calendar: p.json<BusinessCalendar>(),
    slaState: p.json<TicketState>(),
    slaBreached: p.boolean(),
    /** Business time (ms) from the opening to the first public reply by an agent, on the ticket's calendar; null until then (or when it was never answered). */
    firstResponseBusinessMillis: p.bigint('number').nullable(),
    /*
     * The first-response clock's fields, copied out of `slaState` by Postgres on every write
     * (stored generated columns, so no writer can let them drift): the dashboard's hit rate
     * reads them for every ticket of a period without detoasting each ticket's jsonb. Lazy:
     * the entity does not load them.
     */
    /** `slaState.firstResponse.stoppedBy`: RESPONSE, RESOLVED, CLOSED; null while the clock runs. */
    firstResponseStoppedBy: p.text().nullable().lazy().generated(`(sla_state->'firstResponse'->>'stoppedBy') stored`),
    /** `slaState.firstResponse.stoppedAt` (epoch ms); null while the clock runs. */
    firstResponseStoppedAtMillis: p.double().nullable().lazy().generated(`((sla_state->'firstResponse'->>'stoppedAt')::float8) stored`),
    /** `slaState.firstResponse.start + targetMillis` (epoch ms): the deadline when the target counts wall-clock time. */
    firstResponseWallClockDueMillis: p
      .double()
      .nullable()
      .lazy()
      .generated(`((sla_state->'firstResponse'->>'start')::float8 + (sla_state->'firstResponse'->>'targetMillis')::float8) stored`),
    /** `slaState.targets.calendar`: what the targets count in (ALWAYS, BUSINESS_HOURS). */
    slaCalendar: p.text().nullable().lazy().generated(`(sla_state->'targets'->>'calendar') stored`),
    /** The earliest deadline of a running clock; null when none runs (met, paused, resolved). */
    nextDueAt: p.datetime().nullable(),
    workflowId: p.string().length(100).unique(),
    /** Sequence number of the last workflow snapshot written here; older ones never overwrite newer ones. */
    projectedSeq: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  // By client, project and assignee for lists; by status and deadline for queues; by opening for the dashboard and the risk signal.
  indexes: [{ properties: ['client'] }, { properties: ['project'] }, { properties: ['assignee'] }, { properties: ['status', 'nextDueAt'] }, { properties: ['openedAt'] }],
});

export type Ticket = InferEntity<typeof Ticket>;
