import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  BusinessCalendarError,
  businessIntervals,
  businessMillisBetween,
  checkCalendar,
  deadline,
  HOUR_MS,
  MINUTE_MS,
  type BusinessCalendar,
  type DayInterval,
  type Pause,
} from '../../src/aftersales/domain/businessCalendar.js';
import { dueThresholds, nextThreshold, slaClock, thresholdInstants, thresholdPlan, type ThresholdName } from '../../src/aftersales/domain/slaClock.js';

// Instants are written as ISO strings with the zone's offset, so each test reads in local time.
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const hours = (h: number) => h * HOUR_MS;
const minutes = (m: number) => m * MINUTE_MS;

const weekdays = (intervals: DayInterval[]) => ({ MON: intervals, TUE: intervals, WED: intervals, THU: intervals, FRI: intervals, SAT: [], SUN: [] });
const everyDay = (intervals: DayInterval[]) => ({ ...weekdays(intervals), SAT: intervals, SUN: intervals });
const NINE_TO_FIVE: DayInterval[] = [[9 * 60, 17 * 60]];
const officeHours = (timeZone: string, holidays: string[] = []): BusinessCalendar => ({ timeZone, week: weekdays(NINE_TO_FIVE), holidays });

/** Lengths of the business intervals within [from, to), in hours. */
const intervalHours = (calendar: BusinessCalendar, from: string, to: string) => businessIntervals(calendar, t(from), t(to)).map((i) => (i.end - i.start) / HOUR_MS);

describe('AlgaPSA: paused time is taken out in business time, not added back in wall-clock time', () => {
  // 8 business hours, 9–17 Mon–Fri. Opened Fri 16:00, paused Fri 16:30 until Mon 09:00.
  // 30 minutes are used on Friday; 7.5 hours remain from Monday 09:00: due Mon 16:30.
  // AlgaPSA takes the unpaused deadline (Mon 16:00) and adds the 64.5 wall-clock hours of
  // the pause: Thu 08:30.
  it.each([
    ['America/New_York', '2026-01-09T16:00:00-05:00', '2026-01-09T16:30:00-05:00', '2026-01-12T09:00:00-05:00', '2026-01-12T16:30:00-05:00', '2026-01-15T08:30:00-05:00'],
    ['Europe/Berlin', '2026-01-16T16:00:00+01:00', '2026-01-16T16:30:00+01:00', '2026-01-19T09:00:00+01:00', '2026-01-19T16:30:00+01:00', '2026-01-22T08:30:00+01:00'],
    // Over the spring-forward weekend (EST → EDT) the pause is 63.5 wall-clock hours; AlgaPSA lands on Thu 07:30.
    ['America/New_York', '2026-03-06T16:00:00-05:00', '2026-03-06T16:30:00-05:00', '2026-03-09T09:00:00-04:00', '2026-03-09T16:30:00-04:00', '2026-03-12T07:30:00-04:00'],
  ])('%s, opened %s: due Mon 16:30', (timeZone, opened, pausedAt, resumedAt, right, algaPsa) => {
    const calendar = officeHours(timeZone);
    const pauses: Pause[] = [{ start: t(pausedAt), end: t(resumedAt) }];
    expect(iso(deadline(calendar, t(opened), hours(8), pauses))).toBe(iso(t(right)));
    expect(businessMillisBetween(calendar, t(opened), t(right), pauses)).toBe(hours(8));
    // AlgaPSA's arithmetic, for contrast: the unpaused deadline (Mon 16:00) plus the wall-clock length of the pause.
    const unpaused = deadline(calendar, t(opened), hours(8))!;
    expect(iso(unpaused)).toBe(iso(t(right) - hours(0.5)));
    expect(iso(unpaused + (t(resumedAt) - t(pausedAt)))).toBe(iso(t(algaPsa)));
  });
});

describe('pauses', () => {
  const berlin = officeHours('Europe/Berlin');

  it('a ticket created paused starts its clock at the resume', () => {
    // Waiting for the client since Friday; the ticket is opened Monday 10:00 and the client answers Monday 14:00.
    const pauses = [{ start: t('2026-02-06T12:00:00+01:00'), end: t('2026-02-09T14:00:00+01:00') }];
    expect(iso(deadline(berlin, t('2026-02-09T10:00:00+01:00'), hours(4), pauses))).toBe(iso(t('2026-02-10T10:00:00+01:00')));
    expect(businessMillisBetween(berlin, t('2026-02-09T10:00:00+01:00'), t('2026-02-09T15:00:00+01:00'), pauses)).toBe(hours(1));
  });

  it('a ticket created paused with the pause still running has no deadline and no time used', () => {
    const start = t('2026-02-09T10:00:00+01:00');
    const pauses = [{ start, end: null }];
    expect(deadline(berlin, start, hours(4), pauses)).toBeNull();
    expect(slaClock({ calendar: berlin, start, targetMillis: hours(4), pauses, now: t('2026-02-12T10:00:00+01:00') })).toEqual({
      dueAt: null,
      usedMillis: 0,
      remainingMillis: hours(4),
      breached: false,
      lateByMillis: 0,
      paused: true,
    });
  });

  it('a pause over a weekend takes out only the business time it covers', () => {
    // Fri 12:00 → Mon 12:00 covers Fri 12–17 and Mon 9–12: 8 business hours.
    const pause = { start: t('2026-02-13T12:00:00+01:00'), end: t('2026-02-16T12:00:00+01:00') };
    const start = t('2026-02-13T09:00:00+01:00');
    expect(businessMillisBetween(berlin, pause.start, pause.end)).toBe(hours(8));
    expect(iso(deadline(berlin, start, hours(8)))).toBe(iso(t('2026-02-13T17:00:00+01:00')));
    expect(iso(deadline(berlin, start, hours(8), [pause]))).toBe(iso(t('2026-02-16T17:00:00+01:00')));
    // Always open, the same pause costs its 72 wall-clock hours.
    expect(deadline(ALWAYS_OPEN, start, hours(8), [pause])).toBe(start + hours(8) + hours(72));
  });

  it('a pause over the final interval, ending after the deadline, moves the deadline past it', () => {
    const start = t('2026-02-16T09:00:00+01:00'); // Monday
    expect(iso(deadline(berlin, start, hours(15)))).toBe(iso(t('2026-02-17T16:00:00+01:00')));
    // Paused Tue 15:00 → Tue 18:00: one business hour was left at 15:00; it is used Wed 9–10.
    const pauses = [{ start: t('2026-02-17T15:00:00+01:00'), end: t('2026-02-17T18:00:00+01:00') }];
    expect(iso(deadline(berlin, start, hours(15), pauses))).toBe(iso(t('2026-02-18T10:00:00+01:00')));
  });

  it('a deadline passed before a running pause began stays passed', () => {
    const start = t('2026-02-16T09:00:00+01:00');
    const pauses = [{ start: t('2026-02-16T12:00:00+01:00'), end: null }];
    expect(iso(deadline(berlin, start, hours(2), pauses))).toBe(iso(t('2026-02-16T11:00:00+01:00')));
    expect(deadline(berlin, start, hours(4), pauses)).toBeNull();
  });

  it('overlapping and unordered pauses count once', () => {
    const start = t('2026-02-16T09:00:00+01:00');
    const pauses = [
      { start: t('2026-02-16T11:00:00+01:00'), end: t('2026-02-16T13:00:00+01:00') },
      { start: t('2026-02-16T10:00:00+01:00'), end: t('2026-02-16T12:00:00+01:00') },
    ];
    expect(businessMillisBetween(berlin, start, t('2026-02-16T17:00:00+01:00'), pauses)).toBe(hours(5));
  });
});

describe('calendars', () => {
  it('skips holidays (Easter 2026 in Berlin)', () => {
    const calendar = officeHours('Europe/Berlin', ['2026-04-03', '2026-04-06']);
    // Thu 16:00: 1 hour on Thursday, Good Friday and Easter Monday closed, 7 hours on Tuesday.
    expect(iso(deadline(calendar, t('2026-04-02T16:00:00+02:00'), hours(8)))).toBe(iso(t('2026-04-07T16:00:00+02:00')));
    expect(businessMillisBetween(calendar, t('2026-04-03T00:00:00+02:00'), t('2026-04-07T00:00:00+02:00'))).toBe(0);
  });

  it('holidays are local dates: a New York holiday starts at local midnight', () => {
    const calendar: BusinessCalendar = { timeZone: 'America/New_York', week: everyDay([[0, 1440]]), holidays: ['2026-07-03'] };
    expect(businessIntervals(calendar, t('2026-07-02T00:00:00-04:00'), t('2026-07-05T00:00:00-04:00')).map((i) => [iso(i.start), iso(i.end)])).toEqual([
      [iso(t('2026-07-02T00:00:00-04:00')), iso(t('2026-07-03T00:00:00-04:00'))],
      [iso(t('2026-07-04T00:00:00-04:00')), iso(t('2026-07-05T00:00:00-04:00'))],
    ]);
  });

  it('several intervals a day: the lunch break does not count', () => {
    const calendar: BusinessCalendar = { timeZone: 'Europe/Berlin', week: weekdays([[540, 720], [780, 1020]]), holidays: [] };
    expect(iso(deadline(calendar, t('2026-02-16T11:00:00+01:00'), hours(2)))).toBe(iso(t('2026-02-16T14:00:00+01:00')));
    expect(iso(deadline(calendar, t('2026-02-16T12:15:00+01:00'), minutes(30)))).toBe(iso(t('2026-02-16T13:30:00+01:00')));
    expect(intervalHours(calendar, '2026-02-16T00:00:00+01:00', '2026-02-17T00:00:00+01:00')).toEqual([3, 4]);
  });

  it('a target that ends with an opening interval is due at its end, not at the next opening', () => {
    const calendar = officeHours('Europe/Berlin');
    expect(iso(deadline(calendar, t('2026-02-16T09:00:00+01:00'), hours(8)))).toBe(iso(t('2026-02-16T17:00:00+01:00')));
    expect(iso(deadline(calendar, t('2026-02-16T17:00:00+01:00'), 1))).toBe(iso(t('2026-02-17T09:00:00+01:00') + 1));
  });

  it('ALWAYS_OPEN counts wall-clock time', () => {
    const from = t('2026-03-28T12:34:56.789Z');
    expect(checkCalendar(ALWAYS_OPEN)).toEqual([]);
    expect(businessMillisBetween(ALWAYS_OPEN, from, from + hours(1000))).toBe(hours(1000));
    expect(deadline(ALWAYS_OPEN, from, hours(49) + 7)).toBe(from + hours(49) + 7);
    expect(businessIntervals(ALWAYS_OPEN, from, from + hours(200))).toEqual([{ start: from, end: from + hours(200) }]);
    // A 24/7 calendar in a zone with DST is always open too: the short night is 23 real hours.
    const berlin24: BusinessCalendar = { timeZone: 'Europe/Berlin', week: everyDay([[0, 1440]]), holidays: [] };
    expect(iso(deadline(berlin24, t('2026-03-28T12:00:00+01:00'), hours(24)))).toBe(iso(t('2026-03-29T13:00:00+02:00')));
  });
});

describe('daylight saving time', () => {
  // Night intervals across the switch: the gap shortens them, the overlap lengthens them.
  it.each([
    // zone, spring-forward night, fall-back night (local dates), from, to
    ['Europe/Berlin', '2026-03-29', '+01:00', '2026-10-25', '+02:00'],
    ['America/New_York', '2026-03-08', '-05:00', '2026-11-01', '-04:00'],
    ['Australia/Sydney', '2026-10-04', '+10:00', '2026-04-05', '+11:00'],
  ])('%s: 00:00–03:00 is 2 real hours on the spring-forward night and 4 on the fall-back night', (timeZone, springDate, springOffset, fallDate, fallOffset) => {
    const calendar: BusinessCalendar = { timeZone, week: everyDay([[0, 180]]), holidays: [] };
    const night = (date: string, offset: string) => {
      const midnight = t(`${date}T00:00:00${offset}`);
      return businessIntervals(calendar, midnight, midnight + hours(12)).map((i) => (i.end - i.start) / HOUR_MS);
    };
    expect(night(springDate, springOffset)).toEqual([2]);
    expect(night(fallDate, fallOffset)).toEqual([4]);
    // The week before, an ordinary 3 hours.
    const weekBefore = (date: string) => new Date(t(`${date}T12:00:00Z`) - 7 * 24 * HOUR_MS).toISOString().slice(0, 10);
    expect(night(weekBefore(springDate), springOffset)).toEqual([3]);
    expect(night(weekBefore(fallDate), fallOffset)).toEqual([3]);
  });

  it('an interval wholly inside the spring-forward gap has no business time that day', () => {
    const calendar: BusinessCalendar = { timeZone: 'Europe/Berlin', week: { SUN: [[120, 180]] }, holidays: [] };
    expect(businessIntervals(calendar, t('2026-03-29T00:00:00+01:00'), t('2026-03-30T00:00:00+02:00'))).toEqual([]);
    // A one-minute target from Saturday waits for the next Sunday's 02:00.
    expect(iso(deadline(calendar, t('2026-03-28T12:00:00+01:00'), minutes(1)))).toBe(iso(t('2026-04-05T02:01:00+02:00')));
  });

  it.each([
    ['Europe/Berlin', '2026-03-27T15:00:00+01:00', '2026-03-30T11:00:00+02:00'],
    ['America/New_York', '2026-03-06T15:00:00-05:00', '2026-03-09T11:00:00-04:00'],
    ['Australia/Sydney', '2026-04-03T15:00:00+11:00', '2026-04-06T11:00:00+10:00'],
  ])('%s: opening hours stay local across the switch weekend', (timeZone, start, due) => {
    // Fri 15–17, Sat, Sun closed, Mon 9–11: 4 business hours, due Mon 11:00 in the new offset.
    expect(iso(deadline(officeHours(timeZone), t(start), hours(4)))).toBe(iso(t(due)));
  });
});

describe('intervals across midnight', () => {
  // Fri 22:00–24:00 and Sat 00:00–02:00 are one stretch of 4 hours.
  const lateShift = (timeZone: string): BusinessCalendar => ({ timeZone, week: { FRI: [[1320, 1440]], SAT: [[0, 120]] }, holidays: [] });

  it.each([
    ['Europe/Berlin', '2026-02-13T22:30:00+01:00', '2026-02-14T01:30:00+01:00', '2026-02-13T22:00:00+01:00', '2026-02-14T02:00:00+01:00'],
    ['America/New_York', '2026-02-13T22:30:00-05:00', '2026-02-14T01:30:00-05:00', '2026-02-13T22:00:00-05:00', '2026-02-14T02:00:00-05:00'],
  ])('%s: one continuous stretch, and a deadline across midnight', (timeZone, start, due, opens, closes) => {
    const calendar = lateShift(timeZone);
    expect(businessIntervals(calendar, t('2026-02-13T00:00:00Z'), t('2026-02-16T00:00:00Z')).map((i) => [iso(i.start), iso(i.end)])).toEqual([[iso(t(opens)), iso(t(closes))]]);
    expect(iso(deadline(calendar, t(start), hours(3)))).toBe(iso(t(due)));
    // Past 02:00 Saturday, the next opening is next Friday 22:00.
    expect(iso(deadline(calendar, t(start), hours(4)))).toBe(iso(t(opens) + 7 * 24 * HOUR_MS + hours(0.5)));
  });

  it.each([
    // Zones that switch at midnight: Sao Paulo's last switches, Santiago's 2026 ones.
    ['America/Sao_Paulo', 'spring forward: 00:00–01:00 Sunday does not exist', { SAT: [[1320, 1440]], SUN: [[0, 120]] }, '2018-11-03T22:00:00-03:00', '2018-11-04T02:00:00-02:00', 3],
    ['America/Sao_Paulo', 'fall back: 23:00–24:00 Saturday happens twice', { SAT: [[1320, 1440]], SUN: [[0, 120]] }, '2019-02-16T22:00:00-02:00', '2019-02-17T02:00:00-03:00', 5],
    ['America/Santiago', 'fall back: 23:00–24:00 Saturday happens twice', { SAT: [[1320, 1440]], SUN: [[0, 120]] }, '2026-04-04T22:00:00-03:00', '2026-04-05T02:00:00-04:00', 5],
    ['America/Santiago', 'spring forward: 00:00–01:00 Sunday does not exist', { SAT: [[1320, 1440]], SUN: [[0, 120]] }, '2026-09-05T22:00:00-04:00', '2026-09-06T02:00:00-03:00', 3],
  ] as const)('%s, %s', (timeZone, _what, week, opens, closes, length) => {
    const calendar: BusinessCalendar = { timeZone, week, holidays: [] };
    const intervals = businessIntervals(calendar, t(opens) - hours(12), t(closes) + hours(12));
    expect(intervals.map((i) => [iso(i.start), iso(i.end)])).toEqual([[iso(t(opens)), iso(t(closes))]]);
    expect(t(closes) - t(opens)).toBe(hours(length));
  });
});

describe('slaClock', () => {
  const calendar = officeHours('Europe/Berlin');
  const start = t('2026-02-16T09:00:00+01:00'); // Monday
  const pauses = [{ start: t('2026-02-16T11:00:00+01:00'), end: t('2026-02-16T13:00:00+01:00') }];

  it('reports used, remaining, due and breach', () => {
    const now = t('2026-02-16T14:00:00+01:00');
    expect(slaClock({ calendar, start, targetMillis: hours(4), pauses, now })).toEqual({
      dueAt: t('2026-02-16T15:00:00+01:00'),
      usedMillis: hours(3),
      remainingMillis: hours(1),
      breached: false,
      lateByMillis: 0,
      paused: false,
    });
    const later = t('2026-02-16T18:00:00+01:00');
    expect(slaClock({ calendar, start, targetMillis: hours(4), pauses, now: later })).toMatchObject({ usedMillis: hours(6), remainingMillis: 0, breached: true, lateByMillis: hours(3) });
    expect(slaClock({ calendar, start, targetMillis: hours(4), pauses, now: t('2026-02-16T15:00:00+01:00') })).toMatchObject({ breached: true, lateByMillis: 0 });
  });

  it('a severity change recomputes the target and keeps time used and time paused', () => {
    const now = t('2026-02-16T14:00:00+01:00'); // 3 business hours used, 2 hours paused
    const high = slaClock({ calendar, start, targetMillis: hours(4), pauses, now });
    const low = slaClock({ calendar, start, targetMillis: hours(16), pauses, now });
    expect(low.usedMillis).toBe(high.usedMillis);
    expect(low.remainingMillis).toBe(hours(13));
    // 13 hours from Monday 14:00: Mon 14–17, Tue 9–17, Wed 9–11.
    expect(iso(low.dueAt)).toBe(iso(t('2026-02-18T11:00:00+01:00')));
    // Raising the severity past the time already used breaches at once, at the instant the new target ran out.
    const urgent = slaClock({ calendar, start, targetMillis: hours(1), pauses, now });
    expect(urgent).toMatchObject({ dueAt: t('2026-02-16T10:00:00+01:00'), breached: true, lateByMillis: hours(4) });
  });
});

describe('thresholds', () => {
  const calendar = officeHours('Europe/Berlin');
  const start = t('2026-02-16T09:00:00+01:00'); // Monday
  const input = { calendar, start, targetMillis: hours(10), pauses: [] as Pause[] };
  const at = (name: ThresholdName, thresholds = thresholdInstants(input)) => thresholds.find((x) => x.name === name)!.at;

  it('warns at 80 % used, 30 business minutes before the deadline, and breaches at the deadline', () => {
    expect(thresholdInstants(input).map((x) => [x.name, iso(x.at)])).toEqual([
      ['SHARE_WARNING', iso(t('2026-02-16T17:00:00+01:00'))], // 8 of 10 hours
      ['LEAD_TIME_WARNING', iso(t('2026-02-17T10:30:00+01:00'))],
      ['BREACH', iso(t('2026-02-17T11:00:00+01:00'))],
    ]);
    // The lead-time warning is in business time: 30 minutes before a Monday 09:15 deadline is Friday 16:45.
    const friday = { ...input, start: t('2026-02-13T09:15:00+01:00'), targetMillis: hours(8) };
    expect(iso(at('LEAD_TIME_WARNING', thresholdInstants(friday)))).toBe(iso(t('2026-02-13T16:45:00+01:00')));
    expect(iso(at('BREACH', thresholdInstants(friday)))).toBe(iso(t('2026-02-16T09:15:00+01:00')));
    // A target shorter than the lead time warns at the start.
    expect(at('LEAD_TIME_WARNING', thresholdInstants({ ...input, targetMillis: minutes(20) }))).toBe(start);
  });

  it('a pause and resume before a threshold move it later by exactly the paused business time', () => {
    const before = at('BREACH')!;
    // The workflow sleeps toward Tue 11:00; the client is asked a question Mon 15:00 and answers Mon 18:30.
    const pause = { start: t('2026-02-16T15:00:00+01:00'), end: t('2026-02-16T18:30:00+01:00') };
    const paused = thresholdInstants({ ...input, pauses: [{ start: pause.start, end: null }] });
    expect(paused.map((x) => x.at)).toEqual([null, null, null]); // the clock is stopped: no timer, wait for the resume
    const after = at('BREACH', thresholdInstants({ ...input, pauses: [pause] }))!;
    const pausedBusiness = businessMillisBetween(calendar, pause.start, pause.end);
    expect(pausedBusiness).toBe(hours(2));
    expect(businessMillisBetween(calendar, before, after)).toBe(pausedBusiness);
    expect(iso(after)).toBe(iso(t('2026-02-17T13:00:00+01:00')));
  });

  it('a threshold already past when the resume comes is due at once, not skipped', () => {
    // The workflow sleeps toward the share warning (Mon 17:00). The timer and the pause signal
    // land in the same activation and the signal is handled first: the pause starts at
    // Mon 17:00:00.5, after the threshold, so the threshold stays where it was — in the past.
    const pausedAt = t('2026-02-16T17:00:00.500+01:00');
    const resumedAt = t('2026-02-17T10:00:00+01:00');
    const running = [{ start: pausedAt, end: null }];
    const duringPause = thresholdPlan({ ...input, pauses: running, sent: new Set(), now: pausedAt });
    expect(duringPause).toEqual({ due: [{ name: 'SHARE_WARNING', at: t('2026-02-16T17:00:00+01:00') }], next: null, sleepMillis: null });
    // Had the workflow not sent it then, the plan at the resume still reports it, due now.
    const resumed = [{ start: pausedAt, end: resumedAt }];
    const atResume = thresholdPlan({ ...input, pauses: resumed, sent: new Set(), now: resumedAt });
    expect(atResume.due.map((x) => [x.name, iso(x.at)])).toEqual([['SHARE_WARNING', iso(t('2026-02-16T17:00:00+01:00'))]]);
    // The Tuesday 9–10 hour was paused: the lead-time warning moves from 10:30 to 11:30.
    expect(atResume.next).toEqual({ name: 'LEAD_TIME_WARNING', at: t('2026-02-17T11:30:00+01:00') });
    expect(atResume.sleepMillis).toBe(minutes(90));
    // Once sent, it is not reported again.
    expect(thresholdPlan({ ...input, pauses: resumed, sent: new Set(['SHARE_WARNING']), now: resumedAt }).due).toEqual([]);
  });

  it('several thresholds past at once are all due, earliest first, and each is sent once', () => {
    const now = t('2026-02-17T12:00:00+01:00'); // the worker was down past the breach
    const thresholds = thresholdInstants(input);
    expect(dueThresholds(thresholds, new Set(), now).map((x) => x.name)).toEqual(['SHARE_WARNING', 'LEAD_TIME_WARNING', 'BREACH']);
    const sent = new Set<ThresholdName>(['SHARE_WARNING']);
    expect(dueThresholds(thresholds, sent, now).map((x) => x.name)).toEqual(['LEAD_TIME_WARNING', 'BREACH']);
    expect(nextThreshold(thresholds, sent)).toEqual({ name: 'LEAD_TIME_WARNING', at: t('2026-02-17T10:30:00+01:00') });
    const all = new Set<ThresholdName>(['SHARE_WARNING', 'LEAD_TIME_WARNING', 'BREACH']);
    expect(nextThreshold(thresholds, all)).toBeNull();
    expect(thresholdPlan({ ...input, sent: all, now })).toEqual({ due: [], next: null, sleepMillis: null });
  });

  it('refuses a warn share outside (0, 1] and a negative lead time', () => {
    expect(() => thresholdInstants({ ...input, warnShare: 0 })).toThrow(BusinessCalendarError);
    expect(() => thresholdInstants({ ...input, warnShare: 1.5 })).toThrow(BusinessCalendarError);
    expect(() => thresholdInstants({ ...input, leadTimeMillis: -1 })).toThrow(BusinessCalendarError);
  });
});

describe('checkCalendar', () => {
  const valid = officeHours('Europe/Berlin', ['2026-12-24']);
  const codes = (calendar: unknown) => checkCalendar(calendar).map((p) => `${p.code}@${p.path}`);

  it('accepts a valid calendar', () => {
    expect(checkCalendar(valid)).toEqual([]);
    expect(checkCalendar({ timeZone: 'Asia/Kolkata', week: { WED: [[0, 1440]] }, holidays: [] })).toEqual([]);
  });

  it.each([
    ['an unknown time zone', { ...valid, timeZone: 'Mars/Olympus_Mons' }, ['UNKNOWN_TIME_ZONE@timeZone']],
    ['a time zone that is not a string', { ...valid, timeZone: 42 }, ['UNKNOWN_TIME_ZONE@timeZone']],
    ['overlapping intervals', { ...valid, week: { MON: [[540, 720], [700, 1020]] } }, ['OVERLAPPING_INTERVALS@week.MON[1]']],
    ['unordered intervals', { ...valid, week: { MON: [[780, 1020], [540, 720]] } }, ['UNORDERED_INTERVALS@week.MON[1]']],
    ['minutes past the end of the day', { ...valid, week: { MON: [[540, 1500]] } }, ['MINUTE_OUT_OF_RANGE@week.MON[0]', 'NO_BUSINESS_TIME@week']],
    ['negative minutes', { ...valid, week: { MON: [[-60, 600]], TUE: [[540, 600]] } }, ['MINUTE_OUT_OF_RANGE@week.MON[0]']],
    ['an empty interval', { ...valid, week: { MON: [[600, 600]], TUE: [[540, 600]] } }, ['EMPTY_INTERVAL@week.MON[0]']],
    ['a reversed interval', { ...valid, week: { MON: [[1020, 540]], TUE: [[540, 600]] } }, ['EMPTY_INTERVAL@week.MON[0]']],
    ['fractional minutes', { ...valid, week: { MON: [[540.5, 600]], TUE: [[540, 600]] } }, ['MALFORMED_INTERVAL@week.MON[0]']],
    ['an unknown weekday', { ...valid, week: { ...valid.week, MONDAY: [[540, 600]] } }, ['UNKNOWN_WEEKDAY@week.MONDAY']],
    ['no business time in the week', { ...valid, week: { MON: [], SAT: [] } }, ['NO_BUSINESS_TIME@week']],
    ['a malformed holiday', { ...valid, holidays: ['2026-12-24', '24.12.2026', '2026-02-30', 20261224] }, ['MALFORMED_HOLIDAY@holidays[1]', 'MALFORMED_HOLIDAY@holidays[2]', 'MALFORMED_HOLIDAY@holidays[3]']],
    ['too many holidays', { ...valid, holidays: Array.from({ length: 501 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)) }, ['TOO_MANY_HOLIDAYS@holidays']],
    ['not a calendar', null, ['MALFORMED_CALENDAR@']],
    ['no week and no holidays', { timeZone: 'UTC' }, ['MALFORMED_CALENDAR@week', 'MALFORMED_CALENDAR@holidays']],
  ])('reports %s', (_what, calendar, expected) => {
    expect(codes(calendar)).toEqual(expected);
  });

  it('the pure functions refuse an invalid calendar with its problems', () => {
    const invalid = { ...valid, timeZone: 'Mars/Olympus_Mons' };
    expect(() => deadline(invalid, 0, hours(1))).toThrow(expect.objectContaining({ code: 'INVALID_CALENDAR', problems: [expect.objectContaining({ code: 'UNKNOWN_TIME_ZONE' })] }));
    expect(() => businessMillisBetween(invalid, 0, 1)).toThrow(BusinessCalendarError);
  });

  it('a calendar closed for longer than the search horizon is refused with CALENDAR_NEVER_OPENS', () => {
    // Open on Mondays only, and every Monday of 2026 is a holiday.
    const mondays = Array.from({ length: 52 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10));
    const closed: BusinessCalendar = { timeZone: 'Europe/Berlin', week: { MON: NINE_TO_FIVE }, holidays: mondays };
    const start = t('2026-01-01T00:00:00+01:00');
    expect(() => deadline(closed, start, hours(1), [], { searchHorizonMillis: 200 * 24 * HOUR_MS })).toThrow(expect.objectContaining({ code: 'CALENDAR_NEVER_OPENS' }));
    // With the default horizon (10 years) it opens on the first Monday of 2027.
    expect(iso(deadline(closed, start, hours(1)))).toBe(iso(t('2027-01-04T10:00:00+01:00')));
  });

  it('refuses negative targets and non-finite instants', () => {
    expect(() => deadline(valid, 0, -1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => deadline(valid, Number.NaN, 1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => businessMillisBetween(valid, 0, 1, [{ start: Number.POSITIVE_INFINITY, end: null }])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
