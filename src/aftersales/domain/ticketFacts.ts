import type { ClientTier } from '../../catalog/domain/clientTier.js';
import type { TicketCategory } from './ticketCategory.js';
import type { TicketSeverity } from './ticketSeverity.js';

/** What identifies a ticket and decides its SLA targets and priority: carried by its state and by every notice about it. */
export interface TicketFacts {
  ticketId: string;
  projectId: string;
  clientId: string;
  tier: ClientTier;
  severity: TicketSeverity;
  category: TicketCategory;
}
