import { BusinessCalendarVersion } from './BusinessCalendarVersion.js';
import { SlaBreachRecord } from './SlaBreachRecord.js';
import { SlaPolicyVersion } from './SlaPolicyVersion.js';
import { Ticket } from './Ticket.js';
import { TicketMessage } from './TicketMessage.js';

export { BusinessCalendarVersion, SlaBreachRecord, SlaPolicyVersion, Ticket, TicketMessage };

/** The after-sales context's tables. */
export const AFTERSALES_ENTITIES = [Ticket, TicketMessage, SlaBreachRecord, SlaPolicyVersion, BusinessCalendarVersion];
