import { nodeLookup, type NodeLookup } from '../../platform/http/node.js';
import { findTicket } from '../services/ticketService.js';

/** How `node(id)` finds after-sales objects (src/platform/http/node.ts): a ticket through the viewer's scope, as `ticket(id)`. */
export const AFTERSALES_NODES: NodeLookup[] = [
  nodeLookup({
    type: 'Ticket',
    uuid: { table: 'ticket', idColumn: 'uuid', key: 'id::text' },
    load: (ctx, [id]) => findTicket(ctx, id!),
  }),
];
