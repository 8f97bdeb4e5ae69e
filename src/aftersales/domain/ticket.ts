/**
 * An after-sales ticket under its SLA clocks, as pure state and transitions: the ticket
 * workflow (workflows/aftersales/ticketSla.ts) holds one `TicketState`, checks every update
 * with the `check*` function (a refusal is a `TicketViolation`, nothing changes) and applies
 * it with `apply`. Who may do what is the API's job; these checks hold the shapes and the
 * status rules, because other Temporal clients can send updates directly.
 *
 * Clocks (all in business time on the targets' calendar, recomputed from start, target
 * and pauses on every event, see slaClock.ts):
 *
 * - FIRST_RESPONSE runs from the ticket's opening until the first public reply by an agent.
 *   WAITING_FOR_CLIENT does not pause it (nothing was asked of the client yet).
 * - NEXT_RESPONSE: once the first response was given, a public message by the client starts
 *   one (round 2, 3, ... counted per ticket; a second client message while one runs keeps the
 *   earlier start: the oldest unanswered message counts); the next public agent reply stops it.
 *   WAITING_FOR_CLIENT pauses it.
 * - RESOLUTION runs from the opening until RESOLVED. WAITING_FOR_CLIENT pauses it; RESOLVED
 *   stops it: a "resolved span" (a pause of this clock only) opens, so no threshold after the
 *   resolution can come, while one already reached is still sent. **Reopen keeps the time
 *   used** (decision): the resolved span closes and the clock runs on from where it stopped,
 *   with the same target; a second resolution is judged against the same promise, not a
 *   fresh one, so reopening cannot hide a slow resolution. Thresholds already sent stay sent.
 * - RESOLVED also stops the response clocks (nothing is owed on a resolved ticket); they do
 *   not restart on reopen: the next client message starts a next-response clock.
 * - CLOSED stops every clock; the workflow ends.
 *
 * changeSeverity resolves the targets again (resolveSlaTargets) and keeps every clock's
 * start, pauses and sent thresholds: used time and paused time are kept, nothing is sent
 * twice; a breach already recorded stands.
 *
 * `slaBreached` (the SlaBreached search attribute) turns true at the first breach and stays
 * true; a reopen recomputes it from the clocks running after it (the resolution clock, with
 * its used time, so a resolution already past due stays breached).
 *
 * Instants are epoch milliseconds from the workflow clock.
 */
import { CLIENT_TIERS, type ClientTier } from '../../catalog/domain/clientTier.js';
import { isOptionalStorableText, isStorableText, TEXT_LIMITS } from '../../shared/domain/storable.js';
import { ALWAYS_OPEN, type BusinessCalendar, type Pause } from './businessCalendar.js';
import { DEFAULT_LEAD_TIME_MILLIS, DEFAULT_WARN_SHARE, dueThresholds, nextThreshold, slaClock, thresholdInstants, type SlaClock, type ThresholdName } from './slaClock.js';
import {
  escalationOf,
  KIND_OF_THRESHOLD,
  LEVEL_OF_THRESHOLD,
  SLA_CLOCK_NAMES,
  type SlaClockName,
  type SlaNotification,
} from './slaNotification.js';
import { resolveSlaTargets, slaCalendar, type SlaPolicy, type SlaRule, type SlaTargets } from './slaPolicy.js';
import { TICKET_CATEGORIES, type TicketCategory } from './ticketCategory.js';
import type { TicketFacts } from './ticketFacts.js';
import { TICKET_SEVERITIES, type TicketSeverity } from './ticketSeverity.js';
import { isUuid } from '../../shared/domain/uuid.js';

export const TICKET_STATUSES = ['OPEN', 'WAITING_FOR_CLIENT', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const MESSAGE_KINDS = ['PUBLIC_REPLY', 'INTERNAL_NOTE'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const AUTHOR_ROLES = ['AGENT', 'CLIENT'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

/** How the ticket reached the agency. */
export const TICKET_CHANNELS = ['PORTAL', 'EMAIL', 'PHONE', 'CHAT'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Longest ticket title and message body (the `ticket.title` and `ticket_message.body` columns). */
export const TICKET_TITLE_MAX = TEXT_LIMITS.title;
export const TICKET_BODY_MAX = TEXT_LIMITS.text;

/** Why a ticket update is refused. Same shape as the SOP's RuleViolation. */
export interface TicketViolation {
  code: 'INVALID_INPUT' | 'STATUS_CONFLICT' | 'TICKET_CLOSED';
  rule: string;
  message: string;
  field?: string;
}

/** One run of an SLA clock. */
export interface SlaClockRun {
  clock: SlaClockName;
  /** 1 for FIRST_RESPONSE and RESOLUTION; 2, 3, ... for the next-response clocks. */
  round: number;
  start: number;
  targetMillis: number;
  /** When it stopped for good (a response, RESOLVED for the response clocks, CLOSED); null while it runs. */
  stoppedAt: number | null;
  stoppedBy: 'RESPONSE' | 'RESOLVED' | 'CLOSED' | null;
  /** Thresholds already sent for this run, each once. */
  sent: ThresholdName[];
}

export interface SlaBreach {
  clock: SlaClockName;
  round: number;
  dueAt: number;
  /** When the workflow recorded it (and sent the breach notification). */
  recordedAt: number;
  /** How late the clock was when recorded (0 when recorded at its deadline). */
  lateByMillis: number;
  /** When the response or resolution finally came (metAt - dueAt: how late it was); null while still owed. */
  metAt: number | null;
}

/** The facts a ticket opens with (the workflow's input; the API assembles them). */
export interface TicketOpening extends TicketFacts {
  /** How many users the problem affects (0 when unknown). */
  affectedUsers: number;
  assignee?: string | null;
  /** The client's CSM (escalation level 2). */
  clientCsm?: string | null;
  /** OPEN (default), or WAITING_FOR_CLIENT for a ticket created paused. */
  status?: 'OPEN' | 'WAITING_FOR_CLIENT';
  /** What the read model shows; not part of the SLA. Absent in tickets opened before the read model. */
  title?: string;
  description?: string;
  channel?: TicketChannel;
  /** Who opened it (username). */
  openedBy?: string;
}

export interface TicketState extends TicketFacts {
  affectedUsers: number;
  status: TicketStatus;
  assignee: string | null;
  clientCsm: string | null;
  openedAt: number;
  /** Messages on the ticket: public replies and internal notes, by anyone. */
  messages: number;
  /** WAITING_FOR_CLIENT spans (the next-response and resolution clocks' pauses). */
  pauses: Pause[];
  /** RESOLVED spans: pauses of the resolution clock only; a reopen ends one. */
  resolvedSpans: Pause[];
  firstResponse: SlaClockRun;
  /** The latest next-response clock, or null before the first. */
  nextResponse: SlaClockRun | null;
  /**
   * Earlier next-response runs a newer round replaced before all their reached thresholds
   * were sent (a late reply and the next client message both arriving while the workflow
   * was busy): planned like any stopped run, so their breach is still recorded. Absent on
   * tickets opened before it existed.
   */
  replacedNextResponses?: SlaClockRun[];
  resolution: SlaClockRun;
  breaches: SlaBreach[];
  slaBreached: boolean;
  targets: SlaTargets;
  policyVersion: number;
  /** Why these targets (resolveSlaTargets' explanation). */
  explanation: string;
  /** The policy offers self-service before a person picks the ticket up (SYSTEM questions as shipped); absent on tickets opened before it was kept. */
  selfServiceFirst?: boolean;
  reopened: number;
  closedAt: number | null;
}

/** The SLA settings the workflow runs with. */
export interface TicketSlaSettings {
  /** The agency's business-hours calendar (used when the targets say BUSINESS_HOURS). */
  businessHours: BusinessCalendar;
  /** Warn at this share of each target (default 0.8). */
  warnShare: number;
  /** Warn when this much business time is left (default 30 min). */
  leadTimeMillis: number;
}

export const DEFAULT_TICKET_SLA_SETTINGS: TicketSlaSettings = { businessHours: ALWAYS_OPEN, warnShare: DEFAULT_WARN_SHARE, leadTimeMillis: DEFAULT_LEAD_TIME_MILLIS };

export interface TicketContext {
  policy: SlaPolicy;
  overrides?: readonly SlaRule[];
  settings: TicketSlaSettings;
  now: number;
}

// ---------------------------------------------------------------------------------------
// Update payloads

export interface TicketActor {
  actor: string;
}

export interface TicketResponse extends TicketActor {
  kind: MessageKind;
  authorRole: AuthorRole;
  /** The message's id (a UUID the caller mints; a repeat with the same id is stored once) and text, for the read model. */
  messageId?: string;
  body?: string;
}

export interface TicketStatusChange extends TicketActor {
  status: TicketStatus;
}

export interface TicketReopen extends TicketActor {
  reason?: string;
  /** Who reopens: CLIENT makes a response owed again (a next-response clock); absent counts as an agent. */
  authorRole?: AuthorRole;
  /** With `reason`, the message id the reason is stored under in the read model. */
  messageId?: string;
}

export interface TicketAssignment extends TicketActor {
  assignee: string;
}

export interface TicketSeverityChange extends TicketActor {
  severity: TicketSeverity;
}

export interface TicketTransitions {
  respondToTicket: TicketResponse;
  setTicketStatus: TicketStatusChange;
  reopenTicket: TicketReopen;
  assignTicket: TicketAssignment;
  changeSeverity: TicketSeverityChange;
}
export type TicketTransitionName = keyof TicketTransitions;
export const TICKET_TRANSITIONS: readonly TicketTransitionName[] = ['respondToTicket', 'setTicketStatus', 'reopenTicket', 'assignTicket', 'changeSeverity'];

// ---------------------------------------------------------------------------------------
// Checks

const invalid = (rule: string, message: string, field?: string): TicketViolation => (field ? { code: 'INVALID_INPUT', rule, message, field } : { code: 'INVALID_INPUT', rule, message });
const conflict = (rule: string, message: string): TicketViolation => ({ code: 'STATUS_CONFLICT', rule, message });
const includes = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
const isName = (value: unknown): value is string => isStorableText(value, TEXT_LIMITS.name);
const isId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a ticket cannot open with these facts, or null. */
export function checkTicketOpening(input: unknown): TicketViolation | null {
  if (!isObject(input)) return invalid('TICKET', 'A ticket is an object with ticketId, projectId, clientId, tier, severity, category and affectedUsers.');
  for (const field of ['ticketId', 'projectId', 'clientId'] as const) {
    if (!isId(input[field])) return invalid('ID', `${field} must be 1-100 letters, digits or _ . : -.`, field);
  }
  if (!includes(CLIENT_TIERS, input.tier)) return invalid('TIER', `tier must be one of ${CLIENT_TIERS.join(', ')}.`, 'tier');
  if (!includes(TICKET_SEVERITIES, input.severity)) return invalid('SEVERITY', `severity must be one of ${TICKET_SEVERITIES.join(', ')}.`, 'severity');
  if (!includes(TICKET_CATEGORIES, input.category)) return invalid('CATEGORY', `category must be one of ${TICKET_CATEGORIES.join(', ')}.`, 'category');
  const users = input.affectedUsers;
  if (typeof users !== 'number' || !Number.isInteger(users) || users < 0 || users > 2_147_483_647) {
    return invalid('AFFECTED_USERS', 'affectedUsers must be a whole, non-negative number.', 'affectedUsers');
  }
  for (const field of ['assignee', 'clientCsm'] as const) {
    if (input[field] !== undefined && input[field] !== null && !isName(input[field])) return invalid('PERSON', `${field} must name a user (1-200 characters).`, field);
  }
  if (input.status !== undefined && input.status !== 'OPEN' && input.status !== 'WAITING_FOR_CLIENT') {
    return invalid('STATUS', 'A ticket opens OPEN or WAITING_FOR_CLIENT.', 'status');
  }
  if (input.title !== undefined && !isStorableText(input.title, TICKET_TITLE_MAX)) return invalid('TITLE', `title must be 1-${TICKET_TITLE_MAX} characters of storable text.`, 'title');
  if (input.description !== undefined && !isOptionalStorableText(input.description, TICKET_BODY_MAX)) {
    return invalid('DESCRIPTION', `description must be at most ${TICKET_BODY_MAX} characters of storable text.`, 'description');
  }
  if (input.channel !== undefined && !includes(TICKET_CHANNELS, input.channel)) return invalid('CHANNEL', `channel must be one of ${TICKET_CHANNELS.join(', ')}.`, 'channel');
  if (input.openedBy !== undefined && !isName(input.openedBy)) return invalid('PERSON', 'openedBy must name a user (1-200 characters).', 'openedBy');
  return null;
}

function checkActor(input: unknown): TicketViolation | null {
  if (!isObject(input)) return invalid('PAYLOAD', 'The payload is an object with an actor.');
  return isName(input.actor) ? null : invalid('ACTOR', 'actor must name who takes the action.', 'actor');
}

function checkOpen(state: TicketState): TicketViolation | null {
  return state.status === 'CLOSED' ? { code: 'TICKET_CLOSED', rule: 'TICKET_CLOSED', message: `Ticket ${state.ticketId} is closed.` } : null;
}

const CHECKS: { [N in TicketTransitionName]: (state: TicketState, input: TicketTransitions[N]) => TicketViolation | null } = {
  respondToTicket(state, input) {
    const bad = checkActor(input);
    if (bad) return bad;
    if (!includes(MESSAGE_KINDS, input.kind)) return invalid('MESSAGE_KIND', `kind must be one of ${MESSAGE_KINDS.join(', ')}.`, 'kind');
    if (!includes(AUTHOR_ROLES, input.authorRole)) return invalid('AUTHOR_ROLE', `authorRole must be one of ${AUTHOR_ROLES.join(', ')}.`, 'authorRole');
    if (input.kind === 'INTERNAL_NOTE' && input.authorRole === 'CLIENT') return invalid('CLIENT_INTERNAL_NOTE', 'Only agents write internal notes.', 'kind');
    if (input.messageId !== undefined && !isUuid(input.messageId)) return invalid('MESSAGE_ID', 'messageId must be a UUID.', 'messageId');
    if (input.body !== undefined && !isStorableText(input.body, TICKET_BODY_MAX)) return invalid('BODY', `body must be 1-${TICKET_BODY_MAX} characters of storable text.`, 'body');
    const closed = checkOpen(state);
    if (closed) return closed;
    if (state.status === 'RESOLVED' && input.authorRole === 'CLIENT' && input.kind === 'PUBLIC_REPLY') {
      return conflict('REOPEN_FIRST', `Ticket ${state.ticketId} is resolved: reopen it before the client's message is added.`);
    }
    return null;
  },
  setTicketStatus(state, input) {
    const bad = checkActor(input);
    if (bad) return bad;
    if (!includes(TICKET_STATUSES, input.status)) return invalid('STATUS', `status must be one of ${TICKET_STATUSES.join(', ')}.`, 'status');
    const closed = checkOpen(state);
    if (closed) return closed;
    if (input.status === state.status) return conflict('STATUS_UNCHANGED', `Ticket ${state.ticketId} is already ${state.status}.`);
    if (state.status === 'RESOLVED' && input.status !== 'CLOSED') return conflict('REOPEN_INSTEAD', `Ticket ${state.ticketId} is resolved: reopen it instead.`);
    return null;
  },
  reopenTicket(state, input) {
    const bad = checkActor(input);
    if (bad) return bad;
    if (input.reason !== undefined && input.reason !== null && !isStorableText(input.reason, TEXT_LIMITS.text)) return invalid('REASON', 'reason must be 1-4000 characters.', 'reason');
    if (input.authorRole !== undefined && !includes(AUTHOR_ROLES, input.authorRole)) return invalid('AUTHOR_ROLE', `authorRole must be one of ${AUTHOR_ROLES.join(', ')}.`, 'authorRole');
    if (input.messageId !== undefined && !isUuid(input.messageId)) return invalid('MESSAGE_ID', 'messageId must be a UUID.', 'messageId');
    const closed = checkOpen(state);
    if (closed) return closed;
    return state.status === 'RESOLVED' ? null : conflict('NOT_RESOLVED', `Ticket ${state.ticketId} is ${state.status}: only a resolved ticket is reopened.`);
  },
  assignTicket(state, input) {
    const bad = checkActor(input);
    if (bad) return bad;
    if (!isName(input.assignee)) return invalid('ASSIGNEE', 'assignee must name a user (1-200 characters).', 'assignee');
    return checkOpen(state);
  },
  changeSeverity(state, input) {
    const bad = checkActor(input);
    if (bad) return bad;
    if (!includes(TICKET_SEVERITIES, input.severity)) return invalid('SEVERITY', `severity must be one of ${TICKET_SEVERITIES.join(', ')}.`, 'severity');
    const closed = checkOpen(state);
    if (closed) return closed;
    return input.severity === state.severity ? conflict('SEVERITY_UNCHANGED', `Ticket ${state.ticketId} is already ${state.severity}.`) : null;
  },
};

/**
 * What a workflow that writes the read model also needs of an update (checked in its
 * validator only: histories of workflows that wrote none replay without it): a reply
 * carries its message's id and text.
 */
export function checkReadModelFields<N extends TicketTransitionName>(name: N, input: TicketTransitions[N]): TicketViolation | null {
  if (name !== 'respondToTicket' || !isObject(input)) return null;
  const reply = input as TicketTransitions['respondToTicket'];
  if (reply.messageId === undefined) return invalid('MESSAGE_ID', 'A reply carries messageId, a UUID naming its message.', 'messageId');
  if (reply.body === undefined) return invalid('BODY', 'A reply carries body, its text.', 'body');
  return null;
}

/** Why the ticket refuses this update now, or null. Accepts untyped payloads. */
export function checkTicketTransition<N extends TicketTransitionName>(name: N, state: TicketState, input: TicketTransitions[N]): TicketViolation | null {
  return CHECKS[name](state, input);
}

// ---------------------------------------------------------------------------------------
// State and transitions

function run(clock: SlaClockName, round: number, start: number, targetMillis: number): SlaClockRun {
  return { clock, round, start, targetMillis, stoppedAt: null, stoppedBy: null, sent: [] };
}

function targetOf(targets: SlaTargets, clock: SlaClockName): number {
  return clock === 'FIRST_RESPONSE' ? targets.firstResponseMillis : clock === 'NEXT_RESPONSE' ? targets.nextResponseMillis : targets.resolutionMillis;
}

/** The ticket as it opens at `now`. Throws SlaPolicyError for an unusable policy (check the opening first). */
export function openTicket(input: TicketOpening, policy: SlaPolicy, now: number, overrides: readonly SlaRule[] = []): TicketState {
  const resolved = resolveSlaTargets(policy, input, overrides);
  const targets = resolved.targets;
  const status = input.status ?? 'OPEN';
  return {
    ticketId: input.ticketId,
    projectId: input.projectId,
    clientId: input.clientId,
    tier: input.tier,
    severity: input.severity,
    category: input.category,
    affectedUsers: input.affectedUsers,
    status,
    assignee: input.assignee ?? null,
    clientCsm: input.clientCsm ?? null,
    openedAt: now,
    messages: 0,
    pauses: status === 'WAITING_FOR_CLIENT' ? [{ start: now, end: null }] : [],
    resolvedSpans: [],
    firstResponse: run('FIRST_RESPONSE', 1, now, targets.firstResponseMillis),
    nextResponse: null,
    resolution: run('RESOLUTION', 1, now, targets.resolutionMillis),
    breaches: [],
    slaBreached: false,
    targets,
    policyVersion: resolved.policyVersion,
    explanation: resolved.explanation,
    selfServiceFirst: resolved.selfServiceFirst,
    reopened: 0,
    closedAt: null,
  };
}

/** A deep copy (the state is plain JSON; the workflow sandbox has no structuredClone). */
export function cloneTicketState(state: TicketState): TicketState {
  return JSON.parse(JSON.stringify(state)) as TicketState;
}

/** The runs that exist, in clock order. */
export function clockRuns(state: TicketState): SlaClockRun[] {
  return [state.firstResponse, ...(state.replacedNextResponses ?? []), ...(state.nextResponse ? [state.nextResponse] : []), state.resolution];
}

/** The pauses a clock counts. */
export function pausesOf(state: TicketState, clock: SlaClockName): Pause[] {
  if (clock === 'FIRST_RESPONSE') return [];
  if (clock === 'NEXT_RESPONSE') return state.pauses;
  return [...state.pauses, ...state.resolvedSpans];
}

function stop(clockRun: SlaClockRun | null, now: number, by: NonNullable<SlaClockRun['stoppedBy']>) {
  if (!clockRun || clockRun.stoppedAt !== null) return;
  clockRun.stoppedAt = now;
  clockRun.stoppedBy = by;
}

/** Marks the breach of a clock run as met, once its response or resolution comes. */
function meetBreach(state: TicketState, clockRun: SlaClockRun | null, now: number) {
  if (!clockRun) return;
  for (const breach of state.breaches) if (breach.clock === clockRun.clock && breach.round === clockRun.round && breach.metAt === null) breach.metAt = now;
}

function endRunning(pauses: Pause[], now: number) {
  for (const pause of pauses) if (pause.end === null) pause.end = now;
}

/** What `apply` did, in one line for the workflow's log and details. */
export type TicketChange = string;

/**
 * Starts a next-response clock for a client's message, once the first response clock has
 * stopped (answered, or the ticket was resolved) and none runs; returns its round, or null
 * when one runs already (the oldest unanswered message counts).
 */
function startNextResponse(state: TicketState, now: number, settings: TicketSlaSettings): number | null {
  if (state.firstResponse.stoppedAt === null) return null;
  if (state.nextResponse && state.nextResponse.stoppedAt === null) return null;
  const round = (state.nextResponse?.round ?? 1) + 1;
  if (state.nextResponse && unsentReached(state, state.nextResponse, settings).length > 0) (state.replacedNextResponses ??= []).push(state.nextResponse);
  state.nextResponse = run('NEXT_RESPONSE', round, now, state.targets.nextResponseMillis);
  return round;
}

/** The thresholds a run reached before it stopped (or by now) that were not sent yet. */
function unsentReached(state: TicketState, clockRun: SlaClockRun, settings: TicketSlaSettings): ThresholdName[] {
  const thresholds = thresholdInstants({
    calendar: calendarOf(state, settings.businessHours),
    start: clockRun.start,
    targetMillis: clockRun.targetMillis,
    pauses: pausesOf(state, clockRun.clock),
    warnShare: settings.warnShare,
    leadTimeMillis: settings.leadTimeMillis,
  });
  return dueThresholds(thresholds, new Set(clockRun.sent), clockRun.stoppedAt ?? Number.POSITIVE_INFINITY).map((t) => t.name);
}

const APPLY: { [N in TicketTransitionName]: (state: TicketState, input: TicketTransitions[N], context: TicketContext) => TicketChange } = {
  respondToTicket(state, input, { now, settings }) {
    state.messages += 1;
    if (input.kind !== 'PUBLIC_REPLY') return `Internal note by ${input.actor}`;
    if (input.authorRole === 'AGENT') {
      const answered = [state.firstResponse, state.nextResponse].filter((r) => r && r.stoppedAt === null) as SlaClockRun[];
      for (const r of answered) {
        stop(r, now, 'RESPONSE');
        meetBreach(state, r, now);
      }
      return answered.length > 0 ? `Public reply by ${input.actor}: ${answered.map((r) => r.clock).join(' and ')} met` : `Public reply by ${input.actor}`;
    }
    // The client answered what it was asked: the ticket is back with the agency, its clocks run.
    const resumed = state.status === 'WAITING_FOR_CLIENT';
    if (resumed) {
      endRunning(state.pauses, now);
      state.status = 'OPEN';
    }
    const round = startNextResponse(state, now, settings);
    const change = round === null ? 'Client message' : `Client message: next response ${round} due`;
    return resumed ? `${change}; WAITING_FOR_CLIENT → OPEN` : change;
  },
  setTicketStatus(state, input, { now }) {
    const from = state.status;
    if (from === 'WAITING_FOR_CLIENT') endRunning(state.pauses, now);
    if (input.status === 'WAITING_FOR_CLIENT') state.pauses.push({ start: now, end: null });
    if (input.status === 'RESOLVED') {
      // A resolution answers whatever response was still owed, late or not.
      for (const r of [state.firstResponse, state.nextResponse]) {
        if (r && r.stoppedAt === null) meetBreach(state, r, now);
        stop(r, now, 'RESOLVED');
      }
      state.resolvedSpans.push({ start: now, end: null });
      meetBreach(state, state.resolution, now);
    }
    if (input.status === 'CLOSED') {
      for (const r of clockRuns(state)) stop(r, now, 'CLOSED');
      endRunning(state.resolvedSpans, now);
      state.closedAt = now;
    }
    state.status = input.status;
    return `${from} → ${input.status} by ${input.actor}`;
  },
  reopenTicket(state, input, context) {
    endRunning(state.resolvedSpans, context.now);
    state.status = 'OPEN';
    state.reopened += 1;
    for (const breach of state.breaches) if (breach.clock === 'RESOLUTION' && breach.metAt !== null) breach.metAt = null;
    // Reopened by the client: it is waiting for an answer, so a response is owed again.
    if (input.authorRole === 'CLIENT') startNextResponse(state, context.now, context.settings);
    state.slaBreached = clockRuns(state).some((r) => r.stoppedAt === null && slaClockOf(state, r, context.settings.businessHours, context.now).breached);
    return `Reopened by ${input.actor}${input.reason ? `: ${input.reason}` : ''}`;
  },
  assignTicket(state, input) {
    const from = state.assignee;
    state.assignee = input.assignee;
    return `Assigned to ${input.assignee}${from ? ` (was ${from})` : ''} by ${input.actor}`;
  },
  changeSeverity(state, input, { policy, overrides }) {
    const from = state.severity;
    const resolved = resolveSlaTargets(policy, { ...state, severity: input.severity }, overrides ?? []);
    state.severity = input.severity;
    state.targets = resolved.targets;
    state.policyVersion = resolved.policyVersion;
    state.explanation = resolved.explanation;
    state.selfServiceFirst = resolved.selfServiceFirst;
    // Runs already answered keep the promise they were answered under; the rest move to the new one.
    for (const r of clockRuns(state)) if (r.stoppedAt === null) r.targetMillis = targetOf(resolved.targets, r.clock);
    return `Severity ${from} → ${input.severity} by ${input.actor}`;
  },
};

/** Applies an accepted update (check it first); returns what it did in one line. */
export function applyTicketTransition<N extends TicketTransitionName>(name: N, state: TicketState, input: TicketTransitions[N], context: TicketContext): TicketChange {
  return APPLY[name](state, input, context);
}

// ---------------------------------------------------------------------------------------
// The SLA plan

/** The calendar the ticket's targets count in. */
export function calendarOf(state: TicketState, businessHours: BusinessCalendar): BusinessCalendar {
  return slaCalendar(state.targets.calendar, businessHours);
}

/** The state of one clock run at `now` (a stopped run is read at its stop). */
export function slaClockOf(state: TicketState, clockRun: SlaClockRun, businessHours: BusinessCalendar, now: number): SlaClock {
  return slaClock({
    calendar: calendarOf(state, businessHours),
    start: clockRun.start,
    targetMillis: clockRun.targetMillis,
    pauses: pausesOf(state, clockRun.clock),
    now: clockRun.stoppedAt === null ? now : Math.min(now, clockRun.stoppedAt),
  });
}

export interface DueThreshold {
  clock: SlaClockName;
  round: number;
  threshold: ThresholdName;
  /** When it was reached. */
  at: number;
  /** The run's deadline; null while a pause has stopped it. */
  dueAt: number | null;
}

export interface TicketSlaPlan {
  /** Send these now, earliest first (then record them with `recordThreshold`). */
  due: DueThreshold[];
  /** How long to wait before planning again; null: until the next event. */
  sleepMillis: number | null;
}

/**
 * What the workflow does after every event: the thresholds of every clock run that are
 * reached and not sent (a past one is due now, never skipped) and how long to sleep toward
 * the next. A stopped run is read at its stop: a threshold reached before the stop is still
 * sent, none after it.
 */
export function ticketSlaPlan(state: TicketState, settings: TicketSlaSettings, now: number): TicketSlaPlan {
  const due: DueThreshold[] = [];
  let sleepMillis: number | null = null;
  if (state.status === 'CLOSED') return { due, sleepMillis };
  for (const r of clockRuns(state)) {
    const thresholds = thresholdInstants({
      calendar: calendarOf(state, settings.businessHours),
      start: r.start,
      targetMillis: r.targetMillis,
      pauses: pausesOf(state, r.clock),
      warnShare: settings.warnShare,
      leadTimeMillis: settings.leadTimeMillis,
    });
    const dueAt = thresholds.find((t) => t.name === 'BREACH')!.at;
    const sent = new Set(r.sent);
    const until = r.stoppedAt === null ? now : Math.min(now, r.stoppedAt);
    const reached = dueThresholds(thresholds, sent, until);
    for (const t of reached) due.push({ clock: r.clock, round: r.round, threshold: t.name, at: t.at!, dueAt });
    if (r.stoppedAt !== null) continue;
    const next = nextThreshold(thresholds, new Set([...sent, ...reached.map((t) => t.name)]));
    if (next) sleepMillis = Math.min(sleepMillis ?? Infinity, Math.max(1, next.at - now));
  }
  due.sort((a, b) => a.at - b.at || SLA_CLOCK_NAMES.indexOf(a.clock) - SLA_CLOCK_NAMES.indexOf(b.clock));
  return { due, sleepMillis };
}

/** The run a due threshold belongs to. */
function runOf(state: TicketState, due: DueThreshold): SlaClockRun | null {
  return clockRuns(state).find((r) => r.clock === due.clock && r.round === due.round) ?? null;
}

/**
 * Records a due threshold as sent (a breach also as a breach record, SlaBreached true) and
 * returns the notification to send for it. Call once per due threshold.
 */
export function recordThreshold(state: TicketState, due: DueThreshold, now: number): SlaNotification {
  const clockRun = runOf(state, due);
  if (clockRun && !clockRun.sent.includes(due.threshold)) clockRun.sent.push(due.threshold);
  let lateByMillis = 0;
  if (due.threshold === 'BREACH') {
    const dueAt = due.dueAt ?? due.at;
    lateByMillis = Math.max(0, now - dueAt);
    // Met already: the run stopped by a response or a resolution, or (the resolution clock) the ticket is resolved now.
    const openResolvedSpan = state.resolvedSpans.find((span) => span.end === null);
    const met =
      clockRun?.stoppedAt != null && clockRun.stoppedBy !== 'CLOSED'
        ? clockRun.stoppedAt
        : due.clock === 'RESOLUTION' && state.status === 'RESOLVED' && openResolvedSpan
          ? openResolvedSpan.start
          : null;
    state.breaches.push({ clock: due.clock, round: due.round, dueAt, recordedAt: now, lateByMillis, metAt: met });
    state.slaBreached = true;
  }
  const level = LEVEL_OF_THRESHOLD[due.threshold];
  const kind = KIND_OF_THRESHOLD[due.threshold];
  const iso = (t: number) => new Date(t).toISOString();
  const what = { SLA_WARNING: 'warning', SLA_LEAD_TIME_WARNING: 'breaches soon', SLA_BREACH: 'breached' }[kind];
  const clockText = { FIRST_RESPONSE: 'first response', NEXT_RESPONSE: `next response ${due.round}`, RESOLUTION: 'resolution' }[due.clock];
  return {
    deliveryId: `${state.ticketId}:${due.clock}:${due.round}:${due.threshold}`,
    ticketId: state.ticketId,
    projectId: state.projectId,
    clientId: state.clientId,
    tier: state.tier,
    severity: state.severity,
    category: state.category,
    clock: due.clock,
    round: due.round,
    threshold: due.threshold,
    kind,
    escalationLevel: level,
    ...escalationOf(level, state),
    thresholdAt: iso(due.at),
    dueAt: due.dueAt === null ? null : iso(due.dueAt),
    sentAt: iso(now),
    lateByMillis,
    priorityKey: ticketPriorityKey(state),
    summary: `Ticket ${state.ticketId}: ${clockText} ${what}${due.dueAt === null ? '' : ` (due ${iso(due.dueAt)})`}${lateByMillis > 0 ? `, ${Math.round(lateByMillis / 60_000)} min late` : ''}`,
  };
}

// ---------------------------------------------------------------------------------------
// Priority and summaries

/**
 * The Temporal priority key of a ticket's work (1 runs first; Temporal's default range is
 * 1-5 with 3 for work that sets none): HIGH severity, INCIDENT and tier-A tickets 1, MEDIUM 2,
 * LOW 3 (the default, level with the SOP's activities).
 */
export function ticketPriorityKey(ticket: { severity: TicketSeverity; category: TicketCategory; tier: ClientTier }): number {
  if (ticket.severity === 'HIGH' || ticket.category === 'INCIDENT' || ticket.tier === 'A') return 1;
  return ticket.severity === 'MEDIUM' ? 2 : 3;
}

/** The workflow's static summary for the API's start options, e.g. "Ticket T-1: HIGH INCIDENT, project p1, tier A". */
export function ticketSummary(ticket: Pick<TicketOpening, 'ticketId' | 'projectId' | 'tier' | 'severity' | 'category'>): string {
  return `Ticket ${ticket.ticketId}: ${ticket.severity} ${ticket.category}, project ${ticket.projectId}, tier ${ticket.tier}`;
}

function duration(millis: number): string {
  const minutes = Math.round(millis / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/** The clocks in a few readable lines (markdown), for the workflow's current details. */
export function describeTicket(state: TicketState, settings: TicketSlaSettings, now: number): string {
  const lines = [`**Ticket ${state.ticketId}** ${state.status}, ${state.severity} ${state.category}, tier ${state.tier}, assignee ${state.assignee ?? 'none'}`];
  for (const r of clockRuns(state)) {
    const name = { FIRST_RESPONSE: 'First response', NEXT_RESPONSE: `Next response ${r.round}`, RESOLUTION: 'Resolution' }[r.clock];
    if (r.stoppedAt !== null) {
      lines.push(`**${name}:** ${r.stoppedBy === 'RESPONSE' ? 'met' : `stopped (${r.stoppedBy})`} at ${new Date(r.stoppedAt).toISOString()}`);
      continue;
    }
    const clock = slaClockOf(state, r, settings.businessHours, now);
    const status = clock.breached ? `BREACHED, ${duration(clock.lateByMillis)} late` : clock.paused || clock.dueAt === null ? 'paused' : `${duration(clock.remainingMillis)} left`;
    lines.push(`**${name}:** ${status}; due ${clock.dueAt === null ? '—' : new Date(clock.dueAt).toISOString()}; used ${duration(clock.usedMillis)} of ${duration(r.targetMillis)}`);
  }
  lines.push(`**Breaches:** ${state.breaches.length}; policy v${state.policyVersion}`);
  return lines.join('\n\n');
}
