/**
 * Whose business hours a calendar holds. A ticket counts business time in its client's
 * calendar when the client has one, else in its assignee's team's, else in the agency's,
 * else around the clock (ALWAYS_OPEN): the most specific promise wins.
 */
export const CALENDAR_SCOPES = ['AGENCY', 'TEAM', 'CLIENT'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

/** The order in which a ticket looks for its calendar, most specific first. */
export const CALENDAR_PRECEDENCE: readonly CalendarScope[] = ['CLIENT', 'TEAM', 'AGENCY'];
