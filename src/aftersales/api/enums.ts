import { graphqlEnum } from '../../platform/http/graphqlEnum.js';
import { WEEKDAYS } from '../domain/businessCalendar.js';
import { CALENDAR_SCOPES } from '../domain/calendarScope.js';
import { SLA_CALENDAR_KEYS } from '../domain/slaPolicy.js';
import { TICKET_CATEGORIES } from '../domain/ticketCategory.js';
import { TICKET_SEVERITIES } from '../domain/ticketSeverity.js';

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
