import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Project } from '../../delivery/entities/index.js';
import { byKey, groupByKey } from '../../platform/http/batchLoads.js';
import { TicketMessage } from '../entities/index.js';

/** Batchers for tickets' relations: a page of tickets costs one statement per relation. */
export function createAftersalesLoaders(em: EntityManager) {
  return {
    projectOfTicket: new DataLoader<string, Project | undefined>(async (ids) => byKey(ids, await em.find(Project, { id: { $in: [...ids] } }), (row) => row.id)),
    /** Every message of each ticket, oldest first; the resolver leaves out what the viewer may not see. */
    messagesOfTicket: new DataLoader<string, TicketMessage[]>(async (ticketIds) =>
      groupByKey(ticketIds, await em.find(TicketMessage, { ticket: { $in: [...ticketIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }), (row) => row.ticket.id),
    ),
  };
}
