/**
 * What a ticket's SLA workflow sends when a clock reaches a threshold, and the activity
 * that sends it. The activity is implemented in src/platform/notifications/ (webhooks);
 * the workflow only knows this signature.
 *
 * Thresholds and escalation levels are one ladder (each threshold of each clock run is
 * sent once, so each level is reached once per clock run):
 *
 * | threshold | kind | level | escalated to | recipients |
 * |---|---|---|---|---|
 * | `warnShare` of the target used (80 % by default) | `SLA_WARNING` | 1 | the assignee | assignee |
 * | `leadTimeMillis` of business time left (30 min by default) | `SLA_LEAD_TIME_WARNING` | 2 | the client's CSM | assignee, CSM |
 * | the deadline | `SLA_BREACH` | 3 | ADMIN (the role) | assignee, CSM, ADMIN |
 *
 * A level whose person is missing goes one level up (no assignee: the CSM; no CSM: ADMIN).
 * `deliveryId` is unique per ticket, clock run and threshold, so the sender can drop a
 * retried delivery.
 */
import type { ThresholdName } from './slaClock.js';
import type { TicketFacts } from './ticketFacts.js';

export const SLA_CLOCK_NAMES = ['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'] as const;
export type SlaClockName = (typeof SLA_CLOCK_NAMES)[number];

export const SLA_NOTIFICATION_KINDS = ['SLA_WARNING', 'SLA_LEAD_TIME_WARNING', 'SLA_BREACH'] as const;
export type SlaNotificationKind = (typeof SLA_NOTIFICATION_KINDS)[number];

export type EscalationLevel = 1 | 2 | 3;

export interface SlaRecipient {
  role: 'ASSIGNEE' | 'CSM' | 'ADMIN';
  /** The person's username; null for ADMIN (every user with the role). */
  username: string | null;
}

export interface SlaNotification extends TicketFacts {
  /** `<ticketId>:<clock>:<round>:<threshold>`: unique, the same on every retry. */
  deliveryId: string;
  clock: SlaClockName;
  /** 1 for the first response and the resolution; the n-th next-response clock. */
  round: number;
  threshold: ThresholdName;
  kind: SlaNotificationKind;
  escalationLevel: EscalationLevel;
  /** The person (or role) this level escalates to. */
  escalateTo: SlaRecipient;
  /** Everyone told at this level: the lower levels' people and this one's, without gaps or repeats. */
  recipients: SlaRecipient[];
  /** When the threshold was reached (ISO 8601). */
  thresholdAt: string;
  /** When the clock is (or was) due; null while a pause has stopped it. */
  dueAt: string | null;
  /** When the workflow sent it (workflow time): later than `thresholdAt` only if the workflow could not act at once. */
  sentAt: string;
  /** For a breach, how late the clock already is when it is sent; 0 otherwise. */
  lateByMillis: number;
  /** The Temporal priority key the ticket runs at (1 first). */
  priorityKey: number;
  /** One readable line, e.g. "Ticket T-1: first response breached (due 2026-01-05T10:00:00.000Z)". */
  summary: string;
}

/** The notification activity the ticket workflow calls; implemented in src/platform/notifications/. */
export interface SlaNotificationActivities {
  notify(notification: SlaNotification): Promise<void>;
}

export const KIND_OF_THRESHOLD: Readonly<Record<ThresholdName, SlaNotificationKind>> = {
  SHARE_WARNING: 'SLA_WARNING',
  LEAD_TIME_WARNING: 'SLA_LEAD_TIME_WARNING',
  BREACH: 'SLA_BREACH',
};

export const LEVEL_OF_THRESHOLD: Readonly<Record<ThresholdName, EscalationLevel>> = {
  SHARE_WARNING: 1,
  LEAD_TIME_WARNING: 2,
  BREACH: 3,
};

/** Who a level escalates to, and everyone told at it, given the ticket's people. */
export function escalationOf(level: EscalationLevel, people: { assignee: string | null; clientCsm: string | null }): { escalateTo: SlaRecipient; recipients: SlaRecipient[] } {
  const ladder: SlaRecipient[] = [];
  if (people.assignee) ladder.push({ role: 'ASSIGNEE', username: people.assignee });
  if (people.clientCsm && people.clientCsm !== people.assignee) ladder.push({ role: 'CSM', username: people.clientCsm });
  ladder.push({ role: 'ADMIN', username: null });
  // The level's own person: level 1 the assignee, 2 the CSM, 3 ADMIN, moving up past missing ones.
  const wanted: SlaRecipient['role'][] = ['ASSIGNEE', 'CSM', 'ADMIN'].slice(level - 1) as SlaRecipient['role'][];
  const index = ladder.findIndex((r) => wanted.includes(r.role));
  return { escalateTo: ladder[index]!, recipients: ladder.slice(0, index + 1) };
}
