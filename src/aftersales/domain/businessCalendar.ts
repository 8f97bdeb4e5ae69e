/**
 * Business-hours calendars and business-time arithmetic for after-sales SLAs.
 *
 * A calendar is a time zone, a week of local opening intervals (minutes of the local day,
 * several per day) and local holiday dates. An instant counts as business time exactly when
 * its local wall-clock time in the calendar's zone falls into an opening interval of its
 * local weekday and its local date is not a holiday. Everything below follows from that one
 * rule, including daylight saving time:
 *
 * - Spring forward: local times that do not exist (the gap) are not business time, so an
 *   interval reaching into the gap is shorter that day (Berlin 00:00–06:00 on 29 March 2026
 *   is 5 real hours; an interval lying wholly in the gap has none).
 * - Fall back: local times that happen twice (the overlap) are business time both times, so
 *   an interval covering the overlap is longer that day: it counts the real elapsed time
 *   (Berlin 00:00–03:00 on 25 October 2026 is 4 real hours).
 * - An interval ending at 1440 followed by one starting at 0 on the next open day is one
 *   continuous stretch; if the zone switches at midnight, the same two rules apply there.
 *
 * Pauses (WAITING_FOR_CLIENT) are wall-clock intervals [start, end) that remove business
 * time; `end: null` is a pause still running (the clock is stopped). A pause that begins
 * before the clock starts makes the clock start paused.
 *
 * All instants are epoch milliseconds (numbers); workflows pass `Date.now()` from the
 * workflow clock. The functions are pure and walk the calendar day by day (one offset
 * lookup per day, never minute by minute), so workflows and the API get the same answers.
 *
 * Time zones: hand-written on `Intl.DateTimeFormat#formatToParts`, not luxon. The only zone
 * operation needed is "the UTC offset at an instant"; the rest is arithmetic on local dates.
 * luxon computes offsets with the same Intl call, so it would add a dependency and weight to
 * every workflow bundle without changing a result, and its default zone is the host's zone
 * (`DateTime.local()`), a non-determinism trap in workflow code. Intl is part of V8 and
 * available in Temporal's workflow sandbox. Offsets come from the tz database of the Node
 * runtime's ICU, the same data luxon would read (a Node upgrade with newer tz data can move
 * future deadlines; workflows recompute them on every event rather than replaying old ones).
 * Offset changes are found by bisection between daily samples, which assumes no zone changes
 * its offset and changes it back again within one day.
 *
 * Calendars are treated as immutable values: a compiled form is cached per calendar object.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const MINUTES_PER_DAY = 1440;

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening interval of a local day: [startMinute, endMinute) with 0 <= start < end <= 1440. */
export type DayInterval = readonly [startMinute: number, endMinute: number];

export interface BusinessCalendar {
  /** IANA time zone name, e.g. 'Europe/Berlin'. */
  readonly timeZone: string;
  /** Opening intervals per local weekday, ordered and not overlapping; a missing or empty day is closed. */
  readonly week: Readonly<Partial<Record<Weekday, readonly DayInterval[]>>>;
  /** Local dates ('YYYY-MM-DD') on which the calendar is closed all day. */
  readonly holidays: readonly string[];
}

/** A span of time [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** A pause of the clock in wall-clock time [start, end); `end: null` means still paused. */
export interface Pause {
  start: number;
  end: number | null;
}

export const MAX_HOLIDAYS = 500;
export const MAX_INTERVALS_PER_DAY = 24;
/** The search for business time gives up after this long without any (valid calendars always open sooner). */
export const DEFAULT_SEARCH_HORIZON_MS = 10 * 366 * DAY_MS;

const ALL_DAY: readonly DayInterval[] = Object.freeze([Object.freeze([0, MINUTES_PER_DAY] as const)]);

/** The default calendar: every hour of every day counts (business time equals wall-clock time). */
export const ALWAYS_OPEN: BusinessCalendar = Object.freeze({
  timeZone: 'UTC',
  week: Object.freeze({ MON: ALL_DAY, TUE: ALL_DAY, WED: ALL_DAY, THU: ALL_DAY, FRI: ALL_DAY, SAT: ALL_DAY, SUN: ALL_DAY }),
  holidays: Object.freeze([]) as readonly string[],
});

export type BusinessCalendarErrorCode = 'INVALID_CALENDAR' | 'CALENDAR_NEVER_OPENS' | 'INVALID_ARGUMENT';

export class BusinessCalendarError extends Error {
  constructor(
    readonly code: BusinessCalendarErrorCode,
    message: string,
    readonly problems: readonly CalendarProblem[] = [],
  ) {
    super(message);
    this.name = 'BusinessCalendarError';
  }
}

// ---------------------------------------------------------------------------------------
// Validation

export type CalendarProblemCode =
  | 'MALFORMED_CALENDAR'
  | 'UNKNOWN_TIME_ZONE'
  | 'UNKNOWN_WEEKDAY'
  | 'MALFORMED_INTERVAL'
  | 'MINUTE_OUT_OF_RANGE'
  | 'EMPTY_INTERVAL'
  | 'UNORDERED_INTERVALS'
  | 'OVERLAPPING_INTERVALS'
  | 'TOO_MANY_INTERVALS'
  | 'NO_BUSINESS_TIME'
  | 'MALFORMED_HOLIDAY'
  | 'TOO_MANY_HOLIDAYS';

export interface CalendarProblem {
  code: CalendarProblemCode;
  /** Where in the calendar, e.g. 'week.MON[1]' or 'holidays[3]'. */
  path: string;
  message: string;
}

/** Whether `timeZone` names a zone the runtime's Intl knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

const HOLIDAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number (days since 1970-01-01) of a 'YYYY-MM-DD' date, or null if it is not a real date. */
function parseLocalDate(text: string): number | null {
  const match = HOLIDAY_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** Every problem of a calendar (empty when it is valid). Accepts untyped input, e.g. from the API. */
export function checkCalendar(calendar: unknown): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (code: CalendarProblemCode, path: string, message: string) => problems.push({ code, path, message });
  if (typeof calendar !== 'object' || calendar === null) {
    add('MALFORMED_CALENDAR', '', 'A calendar is an object with timeZone, week and holidays.');
    return problems;
  }
  const { timeZone, week, holidays } = calendar as Record<string, unknown>;

  if (typeof timeZone !== 'string' || !isKnownTimeZone(timeZone)) {
    add('UNKNOWN_TIME_ZONE', 'timeZone', `Unknown time zone: ${String(timeZone)}.`);
  }

  let businessMinutes = 0;
  if (typeof week !== 'object' || week === null || Array.isArray(week)) {
    add('MALFORMED_CALENDAR', 'week', 'week is an object of weekday (MON..SUN) to intervals.');
  } else {
    for (const [day, intervals] of Object.entries(week)) {
      const path = `week.${day}`;
      if (!(WEEKDAYS as readonly string[]).includes(day)) {
        add('UNKNOWN_WEEKDAY', path, `Unknown weekday ${day}; use ${WEEKDAYS.join(', ')}.`);
        continue;
      }
      if (!Array.isArray(intervals)) {
        add('MALFORMED_CALENDAR', path, 'A weekday holds a list of [startMinute, endMinute] intervals.');
        continue;
      }
      if (intervals.length > MAX_INTERVALS_PER_DAY) {
        add('TOO_MANY_INTERVALS', path, `At most ${MAX_INTERVALS_PER_DAY} intervals a day.`);
      }
      let previous: [number, number] | null = null;
      intervals.forEach((interval: unknown, i) => {
        const at = `${path}[${i}]`;
        if (!Array.isArray(interval) || interval.length !== 2 || !interval.every((m) => Number.isInteger(m))) {
          add('MALFORMED_INTERVAL', at, 'An interval is [startMinute, endMinute] in whole minutes of the local day.');
          return;
        }
        const [start, end] = interval as [number, number];
        if (start < 0 || start > MINUTES_PER_DAY || end < 0 || end > MINUTES_PER_DAY) {
          add('MINUTE_OUT_OF_RANGE', at, 'Minutes of the day run from 0 to 1440.');
          return;
        }
        if (start >= end) {
          add('EMPTY_INTERVAL', at, `The interval [${start}, ${end}] is empty or reversed.`);
          return;
        }
        if (previous) {
          if (start < previous[0]) add('UNORDERED_INTERVALS', at, 'Intervals of a day must be in order.');
          else if (start < previous[1]) add('OVERLAPPING_INTERVALS', at, 'Intervals of a day must not overlap.');
        }
        businessMinutes += end - start;
        previous = [start, end];
      });
    }
    if (businessMinutes === 0) add('NO_BUSINESS_TIME', 'week', 'The week has no business time at all.');
  }

  if (!Array.isArray(holidays)) {
    add('MALFORMED_CALENDAR', 'holidays', "holidays is a list of local dates 'YYYY-MM-DD'.");
  } else {
    if (holidays.length > MAX_HOLIDAYS) add('TOO_MANY_HOLIDAYS', 'holidays', `At most ${MAX_HOLIDAYS} holidays.`);
    holidays.forEach((holiday: unknown, i) => {
      if (typeof holiday !== 'string' || parseLocalDate(holiday) === null) {
        add('MALFORMED_HOLIDAY', `holidays[${i}]`, `Not a date 'YYYY-MM-DD': ${String(holiday)}.`);
      }
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Time zones

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset at `instant`: local wall-clock time minus UTC, in milliseconds. */
export function utcOffsetAt(timeZone: string, instant: number): number {
  if (timeZone === 'UTC') return 0;
  // Offsets change on whole seconds, and Intl shows whole seconds.
  const second = Math.floor(instant / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  for (const part of offsetFormatter(timeZone).formatToParts(second)) {
    const value = Number(part.value);
    switch (part.type) {
      case 'year':
        year = value;
        break;
      case 'month':
        month = value;
        break;
      case 'day':
        day = value;
        break;
      case 'hour':
        hour = value % 24;
        break;
      case 'minute':
        minute = value;
        break;
      case 'second':
        sec = value;
        break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, sec) - second;
}

/** A stretch of UTC time [start, end) over which the zone keeps one offset. */
interface OffsetPiece extends Interval {
  offset: number;
}

/** Finds the instants in (a, b] where the offset changes, by bisection. */
function findTransitions(timeZone: string, a: number, offsetA: number, b: number, offsetB: number, out: { at: number; offset: number }[]) {
  if (offsetA === offsetB) return;
  if (b - a <= 1) {
    out.push({ at: b, offset: offsetB });
    return;
  }
  const middle = a + Math.floor((b - a) / 2);
  const offsetMiddle = utcOffsetAt(timeZone, middle);
  findTransitions(timeZone, a, offsetA, middle, offsetMiddle, out);
  findTransitions(timeZone, middle, offsetMiddle, b, offsetB, out);
}

/** [from, to) cut into pieces of constant offset (samples once a day, bisects where the offset differs). */
function offsetPieces(timeZone: string, from: number, to: number): OffsetPiece[] {
  const firstOffset = utcOffsetAt(timeZone, from);
  if (timeZone === 'UTC') return [{ start: from, end: to, offset: 0 }];
  const transitions: { at: number; offset: number }[] = [];
  let sample = from;
  let sampleOffset = firstOffset;
  while (sample < to - 1) {
    const next = Math.min(sample + DAY_MS, to - 1);
    const nextOffset = utcOffsetAt(timeZone, next);
    findTransitions(timeZone, sample, sampleOffset, next, nextOffset, transitions);
    sample = next;
    sampleOffset = nextOffset;
  }
  const pieces: OffsetPiece[] = [];
  let start = from;
  let offset = firstOffset;
  for (const transition of transitions) {
    pieces.push({ start, end: transition.at, offset });
    start = transition.at;
    offset = transition.offset;
  }
  pieces.push({ start, end: to, offset });
  return pieces;
}

// ---------------------------------------------------------------------------------------
// Business time

interface CompiledCalendar {
  timeZone: string;
  /** Opening intervals in minutes, indexed by JavaScript weekday (0 = Sunday). */
  days: (readonly DayInterval[])[];
  /** Holidays as day numbers (days since 1970-01-01, local). */
  holidays: ReadonlySet<number>;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  let result = compiled.get(calendar);
  if (!result) {
    const problems = checkCalendar(calendar);
    if (problems.length > 0) {
      throw new BusinessCalendarError('INVALID_CALENDAR', `Invalid business calendar: ${problems.map((p) => `${p.code} at ${p.path || 'calendar'}`).join(', ')}.`, problems);
    }
    const { week } = calendar;
    result = {
      timeZone: calendar.timeZone,
      days: [week.SUN, week.MON, week.TUE, week.WED, week.THU, week.FRI, week.SAT].map((intervals) => intervals ?? []),
      holidays: new Set(calendar.holidays.map((h) => parseLocalDate(h)!)),
    };
    compiled.set(calendar, result);
  }
  return result;
}

function requireInstant(name: string, value: number) {
  if (!Number.isFinite(value)) throw new BusinessCalendarError('INVALID_ARGUMENT', `${name} must be a finite instant in epoch milliseconds.`);
}

function requireTarget(name: string, value: number) {
  if (!Number.isFinite(value) || value < 0) throw new BusinessCalendarError('INVALID_ARGUMENT', `${name} must be a finite, non-negative number of milliseconds.`);
}

/** Business intervals within [from, to), ordered, with touching intervals joined. */
function collect(calendar: CompiledCalendar, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  // Within a piece of constant offset, local time is UTC shifted by the offset: a local
  // opening interval maps to one UTC interval, clipped to the piece. A gap between pieces
  // (spring forward) drops local times; an overlap (fall back) shows them in both pieces.
  for (const piece of offsetPieces(calendar.timeZone, from, to)) {
    const firstDay = Math.floor((piece.start + piece.offset) / DAY_MS);
    const lastDay = Math.floor((piece.end - 1 + piece.offset) / DAY_MS);
    for (let day = firstDay; day <= lastDay; day++) {
      if (calendar.holidays.has(day)) continue;
      const dayStart = day * DAY_MS - piece.offset;
      for (const [startMinute, endMinute] of calendar.days[(((day + 4) % 7) + 7) % 7]!) {
        const start = Math.max(dayStart + startMinute * MINUTE_MS, piece.start);
        const end = Math.min(dayStart + endMinute * MINUTE_MS, piece.end);
        if (start >= end) continue;
        const last = out[out.length - 1];
        if (last && last.end >= start) last.end = Math.max(last.end, end);
        else out.push({ start, end });
      }
    }
  }
  return out;
}

/** The business-time intervals within [from, to) in UTC milliseconds, ordered, touching ones joined. */
export function businessIntervals(calendar: BusinessCalendar, from: number, to: number): Interval[] {
  requireInstant('from', from);
  requireInstant('to', to);
  const compiledCalendar = compile(calendar);
  return from < to ? collect(compiledCalendar, from, to) : [];
}

/** Pauses from `from` on, ordered and merged; a running pause ends at +Infinity. */
export function normalizePauses(pauses: readonly Pause[], from: number): Interval[] {
  const list = pauses
    .map((p) => {
      requireInstant('pause.start', p.start);
      if (p.end !== null) requireInstant('pause.end', p.end);
      return { start: Math.max(p.start, from), end: p.end === null ? Infinity : p.end };
    })
    .filter((p) => p.start < p.end)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const p of list) {
    const last = merged[merged.length - 1];
    if (last && last.end >= p.start) last.end = Math.max(last.end, p.end);
    else merged.push({ ...p });
  }
  return merged;
}

/** `intervals` minus `pauses`; both ordered and disjoint. */
function subtract(intervals: readonly Interval[], pauses: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let p = 0;
  for (const interval of intervals) {
    let start = interval.start;
    while (p < pauses.length && pauses[p]!.end <= start) p++;
    let q = p;
    while (start < interval.end) {
      const pause = pauses[q];
      if (!pause || pause.start >= interval.end) {
        out.push({ start, end: interval.end });
        break;
      }
      if (pause.start > start) out.push({ start, end: pause.start });
      start = Math.max(start, pause.end);
      q++;
    }
  }
  return out;
}

/** Business time in [from, to) that is not paused, in milliseconds. */
export function businessMillisBetween(calendar: BusinessCalendar, from: number, to: number, pauses: readonly Pause[] = []): number {
  const intervals = subtract(businessIntervals(calendar, from, to), normalizePauses(pauses, from));
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** How far ahead `deadline` reads the calendar at a time. */
const CHUNK_MS = 7 * DAY_MS;

/**
 * The first instant by which `targetMillis` of unpaused business time since `start` has
 * passed (a target ending with an opening interval is due at its end, not at the next
 * opening). Null when a running pause stops the clock before the target is used up; a
 * deadline already passed when the running pause began is still returned.
 *
 * Throws `CALENDAR_NEVER_OPENS` after `searchHorizonMillis` of unpaused time without any
 * business time, and `INVALID_CALENDAR` for a calendar `checkCalendar` refuses.
 */
export function deadline(
  calendar: BusinessCalendar,
  start: number,
  targetMillis: number,
  pauses: readonly Pause[] = [],
  options: { searchHorizonMillis?: number } = {},
): number | null {
  requireInstant('start', start);
  requireTarget('targetMillis', targetMillis);
  const compiledCalendar = compile(calendar);
  const horizon = options.searchHorizonMillis ?? DEFAULT_SEARCH_HORIZON_MS;
  if (targetMillis === 0) return start;
  const paused = normalizePauses(pauses, start);
  let used = 0;
  let cursor = start;
  let lastOpen = start;
  let p = 0;
  for (;;) {
    while (p < paused.length && paused[p]!.end <= cursor) p++;
    const pause = paused[p];
    if (pause && pause.start <= cursor) {
      if (pause.end === Infinity) return null;
      cursor = pause.end;
      lastOpen = Math.max(lastOpen, cursor);
      continue;
    }
    const chunkEnd = pause ? Math.min(cursor + CHUNK_MS, pause.start) : cursor + CHUNK_MS;
    const intervals = collect(compiledCalendar, cursor, chunkEnd);
    for (const interval of intervals) {
      const length = interval.end - interval.start;
      if (used + length >= targetMillis) return interval.start + (targetMillis - used);
      used += length;
    }
    if (intervals.length > 0) lastOpen = chunkEnd;
    else if (chunkEnd - lastOpen >= horizon) {
      throw new BusinessCalendarError('CALENDAR_NEVER_OPENS', `No business time in ${Math.round(horizon / DAY_MS)} days after ${new Date(lastOpen).toISOString()}.`);
    }
    cursor = chunkEnd;
  }
}
