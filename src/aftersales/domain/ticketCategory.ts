/**
 * After-sales ticket categories (seed 002's response promises, DESIGN.md §2):
 *
 * - SYSTEM: system questions, answered by self-service first;
 * - BUSINESS: business questions, a callback within 1 hour;
 * - STRATEGIC: strategic questions, the client's CSM within 4 hours;
 * - COMPLAINT: a single client's complaint, a first remedy plan within 2 hours;
 * - INCIDENT: a problem affecting many users, a public response within 1 hour.
 *
 * The numbers are data (see `DEFAULT_SLA_POLICY` in slaPolicy.ts), not part of the category.
 */
export const TICKET_CATEGORIES = ['SYSTEM', 'BUSINESS', 'STRATEGIC', 'COMPLAINT', 'INCIDENT'] as const;

export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
