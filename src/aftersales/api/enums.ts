import { graphqlEnum } from '../../platform/http/graphqlEnum.js';
import { WEEKDAYS } from '../domain/businessCalendar.js';
import { CALENDAR_SCOPES } from '../domain/calendarScope.js';
import { SLA_CALENDAR_KEYS } from '../domain/slaPolicy.js';
import { TICKET_CATEGORIES } from '../domain/ticketCategory.js';
import { TICKET_SEVERITIES } from '../domain/ticketSeverity.js';
import { SLA_CLOCK_NAMES, SLA_NOTIFICATION_KINDS } from '../domain/slaNotification.js';
import { AUTHOR_ROLES, MESSAGE_KINDS, TICKET_CHANNELS, TICKET_STATUSES } from '../domain/ticket.js';
import { TICKET_ORDER_FIELDS } from '../services/ticketQueries.js';

export const TicketSeverityEnum = graphqlEnum(TICKET_SEVERITIES, 'TicketSeverity', 'How urgent an after-sales ticket is; each severity has its own default SLA targets ("48-24-12").', {
  LOW: 'Low urgency: first response within 48 hours as shipped.',
  MEDIUM: 'Medium urgency: first response within 24 hours as shipped.',
  HIGH: 'High urgency: first response within 12 hours as shipped.',
});

export const TicketCategoryEnum = graphqlEnum(TICKET_CATEGORIES, 'TicketCategory', "What an after-sales ticket is about; the SLA policy's rules may set targets per category.", {
  SYSTEM: 'A system question, offered self-service first as shipped.',
  BUSINESS: 'A business question: a callback within 1 hour as shipped.',
  STRATEGIC: "A strategic question: the client's CSM within 4 hours as shipped.",
  COMPLAINT: "A single client's complaint: a first remedy plan within 2 hours as shipped.",
  INCIDENT: 'A problem affecting many users: a public response within 1 hour as shipped (10 or more affected users).',
});

export const SlaCalendarKeyEnum = graphqlEnum(SLA_CALENDAR_KEYS, 'SlaCalendarKey', 'Which calendar an SLA target counts its time in.', {
  BUSINESS_HOURS: "Business hours: the ticket's business-hours calendar (its client's, else its team's, else the agency's, else around the clock).",
  ALWAYS: 'Around the clock: every hour of every day counts.',
});

export const CalendarScopeEnum = graphqlEnum(CALENDAR_SCOPES, 'CalendarScope', "Whose business hours a calendar holds; a ticket counts in its client's, else its team's, else the agency's.", {
  AGENCY: "The agency's own business hours (scope key '').",
  TEAM: "A team's business hours (scope key: the team's name, as staff users' `team` names it).",
  CLIENT: "A client's business hours (scope key: the client's id).",
});

export const WeekdayEnum = graphqlEnum(WEEKDAYS, 'Weekday', "A day of the week, in the calendar's local time.", {
  MON: 'Monday.',
  TUE: 'Tuesday.',
  WED: 'Wednesday.',
  THU: 'Thursday.',
  FRI: 'Friday.',
  SAT: 'Saturday.',
  SUN: 'Sunday.',
});

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
