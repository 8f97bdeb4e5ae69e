/**
 * SLA clocks (first response, next response, resolution) on a business calendar, and the
 * thresholds a ticket workflow acts on. Everything is recomputed from (start, target,
 * calendar, pauses): nothing is carried forward, so
 *
 * - a severity change is the same call with the new target; the business time already
 *   used and the time spent paused are kept because they come from `start` and `pauses`;
 * - a pause or resume is a new entry in `pauses`; the workflow recomputes the thresholds
 *   after every event instead of adjusting a running timer.
 *
 * Workflow loop (each event: pause, resume, severity change, a timer firing):
 *
 *     const plan = thresholdPlan({ ...clockInput, sent, now: Date.now() });
 *     for (const t of plan.due) { notify(t.name); sent.add(t.name); }
 *     if (plan.sleepMillis !== null) race(sleep(plan.sleepMillis), nextEvent());
 *     else await nextEvent(); // the clock is stopped or every threshold is sent
 *
 * A threshold whose instant is already past when it is evaluated (a pause arrived while the
 * workflow slept toward it, the worker was down, a resume came late) is due at once, never
 * skipped, and each is reported once per `sent` set. Whether a severity change re-arms sent
 * warnings is the workflow's choice (clear `sent` or not).
 */
import { BusinessCalendarError, businessMillisBetween, deadline, MINUTE_MS, type BusinessCalendar, type Pause } from './businessCalendar.js';

export interface SlaClockInput {
  calendar: BusinessCalendar;
  /** When the clock started (ticket created, last client reply, ...), epoch ms. */
  start: number;
  /** Business time allowed, in ms (from the severity's target). */
  targetMillis: number;
  /** WAITING_FOR_CLIENT spans; one starting at or before `start` means the ticket was created paused. */
  pauses: readonly Pause[];
}

export interface SlaClock {
  /** When the target is used up (breached from then on); null while a running pause has stopped the clock first. */
  dueAt: number | null;
  /** Unpaused business time from start to now. */
  usedMillis: number;
  /** Business time left before the target is used up (0 once breached). */
  remainingMillis: number;
  breached: boolean;
  /** Wall-clock time since dueAt (0 unless breached). */
  lateByMillis: number;
  /** Whether a pause covers `now`. */
  paused: boolean;
}

/** The state of an SLA clock at `now`. */
export function slaClock(input: SlaClockInput & { now: number }): SlaClock {
  const { calendar, start, targetMillis, pauses, now } = input;
  const usedMillis = businessMillisBetween(calendar, start, Math.max(start, now), pauses);
  const dueAt = deadline(calendar, start, targetMillis, pauses);
  const breached = dueAt !== null && now >= dueAt;
  return {
    dueAt,
    usedMillis,
    remainingMillis: Math.max(0, targetMillis - usedMillis),
    breached,
    lateByMillis: breached ? now - dueAt : 0,
    paused: pauses.some((p) => p.start <= now && (p.end === null || now < p.end)),
  };
}

export const THRESHOLD_NAMES = ['SHARE_WARNING', 'LEAD_TIME_WARNING', 'BREACH'] as const;
export type ThresholdName = (typeof THRESHOLD_NAMES)[number];

export interface Threshold {
  name: ThresholdName;
  /** When it is reached; null while a running pause has stopped the clock before it. */
  at: number | null;
}

export interface ThresholdInput extends SlaClockInput {
  /** Warn when this share of the target is used (default 0.8). */
  warnShare?: number;
  /** Warn when this much business time is left (default 30 minutes). */
  leadTimeMillis?: number;
}

export const DEFAULT_WARN_SHARE = 0.8;
export const DEFAULT_LEAD_TIME_MILLIS = 30 * MINUTE_MS;

/**
 * The instants of the three thresholds, all in business time: the share warning when
 * `warnShare` of the target is used, the lead-time warning when `leadTimeMillis` of business
 * time is left (at the start if the target is shorter than that), and the breach at the deadline.
 */
export function thresholdInstants(input: ThresholdInput): Threshold[] {
  const { calendar, start, targetMillis, pauses } = input;
  const warnShare = input.warnShare ?? DEFAULT_WARN_SHARE;
  const leadTimeMillis = input.leadTimeMillis ?? DEFAULT_LEAD_TIME_MILLIS;
  if (!(warnShare > 0 && warnShare <= 1)) throw new BusinessCalendarError('INVALID_ARGUMENT', 'warnShare must be in (0, 1].');
  if (!(leadTimeMillis >= 0) || !Number.isFinite(leadTimeMillis)) throw new BusinessCalendarError('INVALID_ARGUMENT', 'leadTimeMillis must be a finite, non-negative number.');
  return [
    { name: 'SHARE_WARNING', at: deadline(calendar, start, Math.round(targetMillis * warnShare), pauses) },
    { name: 'LEAD_TIME_WARNING', at: deadline(calendar, start, Math.max(0, targetMillis - leadTimeMillis), pauses) },
    { name: 'BREACH', at: deadline(calendar, start, targetMillis, pauses) },
  ];
}

const byInstant = (a: Threshold, b: Threshold) => a.at! - b.at! || THRESHOLD_NAMES.indexOf(a.name) - THRESHOLD_NAMES.indexOf(b.name);

/** The thresholds not yet sent whose instant is at or before `now` (a past one is due now), earliest first. */
export function dueThresholds(thresholds: readonly Threshold[], sent: ReadonlySet<ThresholdName>, now: number): Threshold[] {
  return thresholds.filter((t) => t.at !== null && t.at <= now && !sent.has(t.name)).sort(byInstant);
}

/** The earliest threshold not yet sent that has an instant (it may be past: then it is due now), or null. */
export function nextThreshold(thresholds: readonly Threshold[], sent: ReadonlySet<ThresholdName>): (Threshold & { at: number }) | null {
  const [first] = thresholds.filter((t) => t.at !== null && !sent.has(t.name)).sort(byInstant);
  return (first as Threshold & { at: number }) ?? null;
}

export interface ThresholdPlan {
  /** Send these now (then add them to `sent`). */
  due: Threshold[];
  /** The next threshold still ahead, or null (all sent, or the clock is stopped before the rest). */
  next: (Threshold & { at: number }) | null;
  /** How long to sleep toward `next` (then plan again); null: wait for the next event. */
  sleepMillis: number | null;
}

/** What a workflow does after any event: the thresholds to send now and how long to sleep. */
export function thresholdPlan(input: ThresholdInput & { sent: ReadonlySet<ThresholdName>; now: number }): ThresholdPlan {
  const thresholds = thresholdInstants(input);
  const due = dueThresholds(thresholds, input.sent, input.now);
  const sentAfter = new Set([...input.sent, ...due.map((t) => t.name)]);
  const next = nextThreshold(thresholds, sentAfter);
  return { due, next, sleepMillis: next ? Math.max(0, next.at - input.now) : null };
}
