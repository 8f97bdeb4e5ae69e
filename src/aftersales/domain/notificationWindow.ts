import { BusinessCalendarError, businessIntervals, DEFAULT_SEARCH_HORIZON_MS, type BusinessCalendar } from './businessCalendar.js';

/** How far ahead the calendar is read at a time. */
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * When a notification that should reach its recipient only in business hours may be
 * sent: `now` itself when `now` is business time in the recipient's calendar, else the
 * start of the next opening (intervals are [start, end), so at a closing time it is the
 * next opening). Pure, for workflows: a workflow sleeps until this instant before sending
 * a non-urgent notification (a warning); a breach is sent at once. The workflow decides.
 *
 * Throws `INVALID_CALENDAR` for a calendar `checkCalendar` refuses, `INVALID_ARGUMENT` for
 * an instant that is not finite, and `CALENDAR_NEVER_OPENS` when there is no business time
 * within ten years (a valid calendar always opens sooner: 500 holidays cover fewer weeks).
 */
export function nextDeliveryTime(calendar: BusinessCalendar, now: number): number {
  if (!Number.isFinite(now)) throw new BusinessCalendarError('INVALID_ARGUMENT', 'now must be a finite instant in epoch milliseconds.');
  for (let from = now; from - now < DEFAULT_SEARCH_HORIZON_MS; from += WEEK_MS) {
    const [first] = businessIntervals(calendar, from, from + WEEK_MS);
    if (first) return first.start;
  }
  throw new BusinessCalendarError('CALENDAR_NEVER_OPENS', `No business time in the ten years after ${new Date(now).toISOString()}.`);
}
