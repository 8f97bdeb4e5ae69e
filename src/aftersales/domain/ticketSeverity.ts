/** After-sales ticket severities; each has its own first-response target ("48-24-12"). */
export const TICKET_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;

export type TicketSeverity = (typeof TICKET_SEVERITIES)[number];
