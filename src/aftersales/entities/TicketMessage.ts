import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AUTHOR_ROLES, MESSAGE_KINDS } from '../domain/ticket.js';
import { Ticket } from './Ticket.js';

/** A message on a ticket: a public reply (the client sees it) or an agent's internal note (it does not). */
export const TicketMessage = defineEntity({
  name: 'TicketMessage',
  properties: {
    ticket: () => p.manyToOne(Ticket).primary(),
    /** Minted by the API before the update is sent, so a retried write stores it once; unique within its ticket (another ticket's id never hides it). */
    id: p.uuid().primary(),
    kind: p.enum(MESSAGE_KINDS),
    authorRole: p.enum(AUTHOR_ROLES),
    author: p.string().length(200),
    body: p.text(),
    createdAt: p.datetime(),
  },
  primaryKeys: ['ticket', 'id'],
  indexes: [{ properties: ['ticket', 'createdAt'] }],
});

export type TicketMessage = InferEntity<typeof TicketMessage>;
