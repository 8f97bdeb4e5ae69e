import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, BusinessCalendarError, type BusinessCalendar } from '../../src/aftersales/domain/businessCalendar.js';
import { nextDeliveryTime } from '../../src/aftersales/domain/notificationWindow.js';

const at = (iso: string) => Date.parse(iso);

/** Monday to Friday 09:00–17:00 in Berlin, closed on 2026-01-06 (Epiphany in some states). */
const BERLIN: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  week: { MON: [[540, 1020]], TUE: [[540, 1020]], WED: [[540, 1020]], THU: [[540, 1020]], FRI: [[540, 1020]] },
  holidays: ['2026-01-06'],
};

describe('nextDeliveryTime', () => {
  it('is now during business hours', () => {
    expect(nextDeliveryTime(BERLIN, at('2026-01-05T10:00:00Z'))).toBe(at('2026-01-05T10:00:00Z'));
    // 09:00 local is business time (intervals are [start, end)).
    expect(nextDeliveryTime(BERLIN, at('2026-01-05T08:00:00Z'))).toBe(at('2026-01-05T08:00:00Z'));
  });

  it('waits for the next opening before, after and between opening hours', () => {
    expect(nextDeliveryTime(BERLIN, at('2026-01-05T06:00:00Z'))).toBe(at('2026-01-05T08:00:00Z'));
    // 17:00 local is closed: the next opening is Wednesday, Tuesday being a holiday.
    expect(nextDeliveryTime(BERLIN, at('2026-01-05T16:00:00Z'))).toBe(at('2026-01-07T08:00:00Z'));
    // Friday evening waits for Monday.
    expect(nextDeliveryTime(BERLIN, at('2026-01-09T20:00:00Z'))).toBe(at('2026-01-12T08:00:00Z'));
  });

  it('follows the local opening across a DST switch', () => {
    // Saturday 28 March 2026 (CET) → Monday 30 March 09:00 CEST = 07:00 UTC.
    expect(nextDeliveryTime(BERLIN, at('2026-03-28T12:00:00Z'))).toBe(at('2026-03-30T07:00:00Z'));
  });

  it('is always now on the always-open calendar', () => {
    expect(nextDeliveryTime(ALWAYS_OPEN, 123_456)).toBe(123_456);
  });

  it('looks further than a week ahead, as far as holidays push the opening', () => {
    const mondaysOnly: BusinessCalendar = { timeZone: 'UTC', week: { MON: [[540, 600]] }, holidays: ['2026-01-12', '2026-01-19'] };
    expect(nextDeliveryTime(mondaysOnly, at('2026-01-05T10:00:00Z'))).toBe(at('2026-01-26T09:00:00Z'));
    // The most holidays a calendar may have, every one on its only open weekday: 500 weeks on.
    const firstMonday = at('2026-01-12T00:00:00Z');
    const week = 7 * 86_400_000;
    const holidays = Array.from({ length: 500 }, (_, i) => new Date(firstMonday + i * week).toISOString().slice(0, 10));
    expect(nextDeliveryTime({ ...mondaysOnly, holidays }, at('2026-01-05T10:00:00Z'))).toBe(firstMonday + 500 * week + 9 * 3_600_000);
  });

  it('refuses an invalid calendar or instant with coded errors', () => {
    expect(() => nextDeliveryTime({ ...BERLIN, timeZone: 'Mars/Olympus' }, 0)).toThrow(BusinessCalendarError);
    expect(() => nextDeliveryTime(BERLIN, Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
