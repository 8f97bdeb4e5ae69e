import { graphqlEnum } from '../../platform/http/graphqlEnum.js';
import { SLA_CLOCK_NAMES, SLA_NOTIFICATION_KINDS } from '../domain/slaNotification.js';
import { AUTHOR_ROLES, MESSAGE_KINDS, TICKET_CHANNELS, TICKET_STATUSES } from '../domain/ticket.js';
import { TICKET_ORDER_FIELDS } from '../services/ticketQueries.js';

export const TicketStatusEnum = graphqlEnum(TICKET_STATUSES, 'TicketStatus', "Where a ticket is in its life; the status decides which SLA clocks run.", {
  OPEN: 'Being worked: every clock runs.',
  WAITING_FOR_CLIENT: 'Waiting for the client: the next-response and resolution clocks are paused (the first response is not).',
  RESOLVED: 'Resolved: every clock has stopped; reopening continues the resolution clock with the time it had used.',
  CLOSED: 'Closed for good: nothing can change it.',
});

export const MessageKindEnum = graphqlEnum(MESSAGE_KINDS, 'TicketMessageKind', 'What kind of message was added to a ticket.', {
  PUBLIC_REPLY: "A reply the client sees; an agent's counts as a response.",
  INTERNAL_NOTE: "An agent's note for colleagues: the client never sees it and it answers nothing.",
});

export const AuthorRoleEnum = graphqlEnum(AUTHOR_ROLES, 'TicketAuthorRole', 'Which side wrote a ticket message.', {
  AGENT: 'The agency (a CSM or an ADMIN).',
  CLIENT: "The client's people.",
});

export const TicketChannelEnum = graphqlEnum(TICKET_CHANNELS, 'TicketChannel', 'How a ticket reached the agency.', {
  PORTAL: "The client portal (the agency's front-end).",
  EMAIL: 'An email, entered by an agent.',
  PHONE: 'A phone call, entered by an agent.',
  CHAT: 'A chat conversation.',
});

export const SlaClockNameEnum = graphqlEnum(SLA_CLOCK_NAMES, 'SlaClockName', 'Which SLA promise a clock measures.', {
  FIRST_RESPONSE: "From the ticket's opening to the first public reply by an agent.",
  NEXT_RESPONSE: "From a client's message (after the first response) to the agent's next public reply; round 2, 3, ...",
  RESOLUTION: 'From the opening to RESOLVED, paused while waiting for the client.',
});

export const SlaAlertKindEnum = graphqlEnum(SLA_NOTIFICATION_KINDS, 'SlaAlertKind', 'What an SLA alert announces; each is sent once per clock run, and each is one escalation level.', {
  SLA_WARNING: 'A share of the target is used (80 % by default): level 1, the assignee.',
  SLA_LEAD_TIME_WARNING: "Little business time is left (30 minutes by default): level 2, the client's CSM too.",
  SLA_BREACH: 'The deadline passed: level 3, ADMIN too; a breach record is kept.',
});

export const TicketOrderFieldEnum = graphqlEnum(TICKET_ORDER_FIELDS, 'TicketOrderField', 'What a list of tickets is sorted by; tickets that tie are sorted by id.', {
  DUE_AT: 'The earliest deadline of a running clock (tickets with none sort after every deadline ascending).',
  OPENED_AT: 'When the ticket was opened.',
  UPDATED_AT: 'When the read model last changed the ticket.',
});
