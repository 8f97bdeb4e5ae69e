import type { BusinessCalendar } from './businessCalendar.js';
import type { AuthorRole, MessageKind, TicketChannel, TicketState } from './ticket.js';

/** What the read model shows of a ticket besides its SLA; fixed when it opens. */
export interface TicketRecordFacts {
  title: string;
  description: string;
  channel: TicketChannel;
  openedBy: string;
}

/** A message to store with a snapshot: the update that added it carried its text. */
export interface TicketMessageRecord {
  id: string;
  kind: MessageKind;
  authorRole: AuthorRole;
  author: string;
  body: string;
  /** Workflow time, epoch milliseconds. */
  at: number;
}

/**
 * The ticket workflow's state after one change, for the read model: written in `seq`
 * order or not at all (an older snapshot never overwrites a newer one), with the message
 * that change added, if any.
 */
export interface TicketSnapshot {
  seq: number;
  state: TicketState;
  record: TicketRecordFacts;
  /** The business-hours calendar the workflow counts BUSINESS_HOURS targets in. */
  calendar: BusinessCalendar;
  message: TicketMessageRecord | null;
}

/** The projection activity the ticket workflow calls; implemented in src/aftersales/activities/ticketProjection.ts. */
export interface TicketProjectionActivities {
  recordTicket(snapshot: TicketSnapshot): Promise<void>;
}
