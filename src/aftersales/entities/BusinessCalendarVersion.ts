import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { BusinessCalendar } from '../domain/businessCalendar.js';
import { CALENDAR_SCOPES } from '../domain/calendarScope.js';

/**
 * One version of a business-hours calendar: the agency's, a team's or a client's
 * (src/aftersales/domain/calendarScope.ts says which one a ticket counts in). Never changed
 * once written; the highest version of a scope is in force, and a ticket keeps the
 * calendar it opened with.
 */
export const BusinessCalendarVersion = defineEntity({
  name: 'BusinessCalendarVersion',
  properties: {
    scope: p.enum(CALENDAR_SCOPES).primary(),
    /** The team's name or the client's id; '' for the agency's. */
    scopeKey: p.string().length(100).primary(),
    version: p.integer().primary(),
    calendar: p.json<BusinessCalendar>(),
    createdBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['scope', 'scopeKey', 'version'],
});

export type BusinessCalendarVersion = InferEntity<typeof BusinessCalendarVersion>;
