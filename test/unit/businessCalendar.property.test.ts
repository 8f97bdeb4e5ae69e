import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  businessIntervals,
  businessMillisBetween,
  deadline,
  MINUTE_MS,
  WEEKDAYS,
  type BusinessCalendar,
  type DayInterval,
  type Pause,
  type Weekday,
} from '../../src/aftersales/domain/businessCalendar.js';
import { slaClock } from '../../src/aftersales/domain/slaClock.js';

/**
 * Property tests of the business-time functions against a brute-force oracle that steps
 * minute by minute and asks Intl for each minute's local wall-clock time. Every generated
 * instant and every offset of these zones is a whole minute, so each minute is wholly
 * business time or wholly not, and the oracle's answers are exact.
 */

const DAY_MINUTES = 1440;

// Anchors: the zones' offset changes (2026, plus Sao Paulo's last ones, at midnight, in
// 2018/19); Kolkata has none. Starts are drawn from a few days around an anchor.
const ZONES: Record<string, string[]> = {
  'Europe/Berlin': ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'],
  'America/New_York': ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'],
  'Australia/Sydney': ['2026-04-04T16:00:00Z', '2026-10-03T16:00:00Z'],
  'Asia/Kolkata': ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'],
  'America/Sao_Paulo': ['2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z', '2026-03-08T07:00:00Z'],
  'America/Santiago': ['2026-04-05T03:00:00Z', '2026-09-06T04:00:00Z'],
  'Australia/Lord_Howe': ['2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'],
};

// ---------------------------------------------------------------------------------------
// The oracle

interface LocalMinute {
  date: string;
  weekday: Weekday;
  minuteOfDay: number;
}

const WEEKDAY_OF: Record<string, Weekday> = { Mon: 'MON', Tue: 'TUE', Wed: 'WED', Thu: 'THU', Fri: 'FRI', Sat: 'SAT', Sun: 'SUN' };
const oracleFormatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, the local time of each minute already asked (starts cluster around the anchors). */
const localMinutes = new Map<string, Map<number, LocalMinute>>();

/** The local wall-clock time of the minute starting at `instant`, straight from Intl. */
function localMinute(timeZone: string, instant: number): LocalMinute {
  let cache = localMinutes.get(timeZone);
  if (!cache) localMinutes.set(timeZone, (cache = new Map()));
  const hit = cache.get(instant);
  if (hit) return hit;
  let formatter = oracleFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    oracleFormatters.set(timeZone, formatter);
  }
  // "Sun, 03/29/2026, 03:00"
  const match = /^(\w{3}), (\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})$/.exec(formatter.format(instant));
  if (!match) throw new Error(`Unexpected local time format: ${formatter.format(instant)}`);
  const [, weekday, month, day, year, hour, minute] = match;
  const local = { date: `${year}-${month}-${day}`, weekday: WEEKDAY_OF[weekday!]!, minuteOfDay: (Number(hour) % 24) * 60 + Number(minute) };
  cache.set(instant, local);
  return local;
}

function oracleIsBusiness(calendar: BusinessCalendar, instant: number): boolean {
  const local = localMinute(calendar.timeZone, instant);
  if (calendar.holidays.includes(local.date)) return false;
  return (calendar.week[local.weekday] ?? []).some(([s, e]) => s <= local.minuteOfDay && local.minuteOfDay < e);
}

const oraclePaused = (pauses: readonly Pause[], instant: number) => pauses.some((p) => p.start <= instant && (p.end === null || instant < p.end));

interface OracleWalk {
  /** The oracle's deadline, or null when a running pause stops the clock first. */
  deadline: number | null;
  /** counted[i]: unpaused business minutes in [start, start + i minutes). */
  counted: number[];
}

/** Steps minute by minute from `start` until `targetMinutes` of unpaused business minutes have passed. */
function oracle(calendar: BusinessCalendar, start: number, targetMinutes: number, pauses: readonly Pause[]): OracleWalk {
  const stopped = Math.min(...pauses.filter((p) => p.end === null).map((p) => Math.max(p.start, start)));
  const counted = [0];
  let count = 0;
  for (let instant = start; ; instant += MINUTE_MS) {
    if (instant >= stopped) return { deadline: null, counted };
    if (counted.length > 120 * DAY_MINUTES) throw new Error('oracle ran away');
    if (!oraclePaused(pauses, instant) && oracleIsBusiness(calendar, instant)) count++;
    counted.push(count);
    if (count === targetMinutes) return { deadline: instant + MINUTE_MS, counted };
  }
}

// ---------------------------------------------------------------------------------------
// Generators

const boundaryMinute = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: DAY_MINUTES }) },
  // Midnight on both sides, and the hours that DST switches skip or repeat (00:00–03:00).
  { weight: 2, arbitrary: fc.constantFrom(0, 0, 30, 60, 90, 120, 150, 180, 540, 1020, 1380, DAY_MINUTES, DAY_MINUTES) },
);

/** 1–3 ordered, non-overlapping intervals of a day. */
const dayIntervals: fc.Arbitrary<DayInterval[]> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.uniqueArray(boundaryMinute, { minLength: 2 * n, maxLength: 2 * n }))
  .map((minutes) => {
    const sorted = [...minutes].sort((a, b) => a - b);
    const intervals: DayInterval[] = [];
    for (let i = 0; i < sorted.length; i += 2) intervals.push([sorted[i]!, sorted[i + 1]!]);
    return intervals;
  });

const weekMinutes = (week: BusinessCalendar['week']) => WEEKDAYS.reduce((sum, day) => sum + (week[day] ?? []).reduce((s, [a, b]) => s + b - a, 0), 0);

const dayOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);

interface Scenario {
  calendar: BusinessCalendar;
  start: number;
  targetMinutes: number;
  pauses: Pause[];
}

const pause = (start: number) =>
  fc
    .record({
      offset: fc.integer({ min: -2 * DAY_MINUTES, max: 10 * DAY_MINUTES }), // negative: the ticket was created paused
      length: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 4 * DAY_MINUTES }) }, { weight: 1, arbitrary: fc.constant(null) }),
    })
    .map(({ offset, length }): Pause => ({ start: start + offset * MINUTE_MS, end: length === null ? null : start + (offset + length) * MINUTE_MS }));

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    zone: fc.constantFrom(...Object.keys(ZONES)),
    anchorIndex: fc.nat(),
    // Mostly in the two days before the switch, so that the clock runs across it.
    startOffset: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2 * DAY_MINUTES, max: 0 }) }, { weight: 1, arbitrary: fc.integer({ min: -4 * DAY_MINUTES, max: 2 * DAY_MINUTES }) }),
    // Each weekday closed or open; at least one open.
    week: fc
      .record(Object.fromEntries(WEEKDAYS.map((d) => [d, fc.option(dayIntervals, { freq: 3 })])) as Record<Weekday, fc.Arbitrary<DayInterval[] | null>>)
      .map((w) => Object.fromEntries(Object.entries(w).filter(([, v]) => v !== null)) as Partial<Record<Weekday, DayInterval[]>>)
      .filter((w) => weekMinutes(w) > 0),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -6, max: 25 }), { maxLength: 4 }),
    targetShare: fc.double({ min: 0, max: 1, noNaN: true }),
    smallTarget: fc.boolean(),
  })
  .chain(({ zone, anchorIndex, startOffset, week, holidayOffsets, targetShare, smallTarget }) => {
    const anchors = ZONES[zone]!;
    const start = Date.parse(anchors[anchorIndex % anchors.length]!) + startOffset * MINUTE_MS;
    const holidays = holidayOffsets.map((d) => dayOf(start + d * DAY_MINUTES * MINUTE_MS));
    // From 1 minute to 3 business days of 8 hours, but at most two weeks' worth of this calendar.
    const maxTarget = Math.max(1, Math.min(smallTarget ? 120 : 3 * 8 * 60, 2 * weekMinutes(week)));
    const targetMinutes = 1 + Math.floor(targetShare * (maxTarget - 1));
    return fc.array(pause(start), { maxLength: 3 }).map((pauses): Scenario => ({ calendar: { timeZone: zone, week, holidays }, start, targetMinutes, pauses }));
  });

const NUM_RUNS_ORACLE = Number(process.env.BUSINESS_CALENDAR_RUNS ?? 400);
const NUM_RUNS = NUM_RUNS_ORACLE * 2;
/** Generous: the runs take a few seconds, but CI machines are shared. */
const TIMEOUT = 60_000;
const asEnd = (d: number | null) => (d === null ? Number.POSITIVE_INFINITY : d);

describe('business time against a minute-by-minute oracle', () => {
  it('the anchors are real offset changes (except Kolkata)', () => {
    for (const [zone, anchors] of Object.entries(ZONES)) {
      if (zone === 'Asia/Kolkata') continue;
      for (const anchor of anchors.slice(0, 2)) {
        const at = Date.parse(anchor);
        const before = localMinute(zone, at - MINUTE_MS);
        const after = localMinute(zone, at);
        expect(after.minuteOfDay - before.minuteOfDay, `${zone} ${anchor}`).not.toBe(1);
      }
    }
  });

  it('deadline equals the oracle, and the business time up to any minute matches it', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), ({ calendar, start, targetMinutes, pauses }, checkpoints) => {
        const walk = oracle(calendar, start, targetMinutes, pauses);
        const got = deadline(calendar, start, targetMinutes * MINUTE_MS, pauses);
        expect(got === null ? null : new Date(got).toISOString()).toBe(walk.deadline === null ? null : new Date(walk.deadline).toISOString());
        if (got !== null) expect(businessMillisBetween(calendar, start, got, pauses)).toBe(targetMinutes * MINUTE_MS);
        for (const share of checkpoints) {
          const minutes = Math.floor(share * (walk.counted.length - 1));
          expect(businessMillisBetween(calendar, start, start + minutes * MINUTE_MS, pauses)).toBe(walk.counted[minutes]! * MINUTE_MS);
        }
      }),
      { numRuns: NUM_RUNS_ORACLE },
    );
  }, TIMEOUT);

  it('businessIntervals are ordered, apart, inside the range, and match the oracle minute by minute', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 3 * DAY_MINUTES }), ({ calendar, start }, span) => {
        const to = start + span * MINUTE_MS;
        const intervals = businessIntervals(calendar, start, to);
        let previousEnd = -Infinity;
        for (const i of intervals) {
          expect(i.start).toBeGreaterThan(previousEnd); // touching intervals are joined
          expect(i.end).toBeGreaterThan(i.start);
          previousEnd = i.end;
        }
        if (intervals.length > 0) expect(intervals[0]!.start >= start && previousEnd <= to).toBe(true);
        let k = 0;
        for (let instant = start; instant < to; instant += MINUTE_MS) {
          while (k < intervals.length && intervals[k]!.end <= instant) k++;
          const inside = k < intervals.length && intervals[k]!.start <= instant;
          if (inside !== oracleIsBusiness(calendar, instant)) {
            expect.fail(`${new Date(instant).toISOString()} in ${calendar.timeZone}: business ${inside}, oracle ${!inside}`);
          }
        }
      }),
      { numRuns: Math.ceil(NUM_RUNS_ORACLE / 2) },
    );
  }, TIMEOUT);
});

describe('business time, algebraic properties', () => {
  it('a longer target never gives an earlier deadline', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 600 }), ({ calendar, start, targetMinutes, pauses }, extra) => {
        const shorter = deadline(calendar, start, targetMinutes * MINUTE_MS, pauses);
        const longer = deadline(calendar, start, (targetMinutes + extra) * MINUTE_MS, pauses);
        expect(asEnd(longer)).toBeGreaterThanOrEqual(asEnd(shorter));
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it('adding a pause never gives an earlier deadline', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => pause(s.start).map((extra) => ({ ...s, extra }))),
        ({ calendar, start, targetMinutes, pauses, extra }) => {
          const without = deadline(calendar, start, targetMinutes * MINUTE_MS, pauses);
          const withPause = deadline(calendar, start, targetMinutes * MINUTE_MS, [...pauses, extra]);
          expect(asEnd(withPause)).toBeGreaterThanOrEqual(asEnd(without));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it('a severity change mid-flight: recomputing from now with the time left gives the same deadline', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 5 * DAY_MINUTES }), fc.integer({ min: 1, max: 1440 }), ({ calendar, start, targetMinutes, pauses }, elapsed, newTarget) => {
        const now = start + elapsed * MINUTE_MS;
        const clock = slaClock({ calendar, start, targetMillis: newTarget * MINUTE_MS, pauses, now });
        const old = slaClock({ calendar, start, targetMillis: targetMinutes * MINUTE_MS, pauses, now });
        expect(clock.usedMillis).toBe(old.usedMillis); // time used and paused are kept
        expect(clock.breached).toBe(clock.usedMillis >= newTarget * MINUTE_MS);
        if (!clock.breached) {
          // The rest of the new target, counted from now, ends at the same instant.
          expect(deadline(calendar, now, clock.remainingMillis, pauses)).toBe(clock.dueAt);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it('a pause before a deadline moves it later by exactly the business time it newly pauses', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ({ calendar, start, targetMinutes, pauses }, a, b) => {
        const before = deadline(calendar, start, targetMinutes * MINUTE_MS, pauses);
        fc.pre(before !== null);
        // A closed pause somewhere in [start - 1 hour, before].
        const span = (before! - start) / MINUTE_MS + 60;
        const at = (share: number) => start + (Math.floor(share * span) - 60) * MINUTE_MS;
        const extra = { start: at(Math.min(a, b)), end: at(Math.max(a, b)) };
        const all = [...pauses, extra];
        const after = deadline(calendar, start, targetMinutes * MINUTE_MS, all);
        const newlyPaused = businessMillisBetween(calendar, Math.max(start, extra.start), Math.max(start, extra.end), pauses);
        if (after !== null) expect(businessMillisBetween(calendar, before!, after, all)).toBe(newlyPaused);
        else {
          // A running pause stopped the clock before the time taken out could be made up.
          const stoppedAt = Math.min(...pauses.filter((p) => p.end === null).map((p) => p.start));
          expect(businessMillisBetween(calendar, before!, Math.max(before!, stoppedAt), all)).toBeLessThan(newlyPaused);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);
});
