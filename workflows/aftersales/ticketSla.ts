/**
 * One workflow per after-sales ticket (`ticket-<id>`): the source of truth for its status
 * and its SLA clocks (src/aftersales/domain/ticket.ts says what each clock does).
 *
 * - Start: the API sends Update-with-Start (`client.workflow.executeUpdateWithStart(
 *   openTicketUpdate, { startWorkflowOperation: new WithStartWorkflowOperation(ticketSla,
 *   { workflowId: 'ticket-<id>', workflowIdConflictPolicy: 'USE_EXISTING', args, priority:
 *   { priorityKey: ticketPriorityKey(ticket) }, staticSummary: ticketSummary(ticket) }) })`):
 *   the ticket's first state comes from the input, `openTicket` answers it, and a retry
 *   attaches to the running workflow instead of starting a second one.
 * - Updates: respondToTicket, setTicketStatus, reopenTicket, assignTicket, changeSeverity.
 *   Each validator refuses with a coded ApplicationFailure (INVALID_INPUT, STATUS_CONFLICT,
 *   TICKET_CLOSED; `details[0]` is the TicketViolation), so a refusal never reaches the
 *   history; the handler checks again and applies the transition in one step (no await
 *   between check and change, so no other update can come between them).
 * - The SLA loop: after every event (an update, a timer) it asks `ticketSlaPlan` for the
 *   thresholds reached and not sent, records each as sent *before* sending it (so nothing is
 *   sent twice), sends it through the `notify` activity, then waits with
 *   `condition(() => changed, sleepMillis)`: an update arriving mid-wait makes it plan again
 *   (a pause moves a threshold later, a resume or a severity change may make one due at
 *   once) instead of waking at a stale instant or skipping one.
 * - Search attributes: ProjectId, ClientId, ClientTier, TicketSeverity, TicketCategory and
 *   SlaBreached (false) at start; TicketSeverity on a severity change; SlaBreached true at a
 *   breach and recomputed at a reopen. Current details: the clocks in a few lines.
 * - Read model: every change (the opening, each update, each recorded threshold) is written
 *   as a numbered snapshot by the `recordTicket` activity before the update answers, with
 *   the message a reply carried (patched `ticket-read-model`).
 * - Priority: the notify activity runs at `ticketPriorityKey` (HIGH, INCIDENT, tier A first).
 * - Continue-as-new: Temporal allows 2000 updates per run and a bounded history, and a
 *   client may write as often as it likes; after `maxUpdatesPerRun` accepted updates (500)
 *   or when Temporal suggests it, the workflow waits for its running handlers and continues
 *   as a new run with its state, its snapshot number and its held warnings (`resume`), so
 *   nothing is lost, repeated or wedged. Callers address the workflow id, never a run.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  defineQuery,
  defineUpdate,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { checkCalendar, type BusinessCalendar } from '../../src/aftersales/domain/businessCalendar.js';
import { nextDeliveryTime } from '../../src/aftersales/domain/notificationWindow.js';
import type { SlaNotification, SlaNotificationActivities } from '../../src/aftersales/domain/slaNotification.js';
import { checkSlaPolicy, type SlaPolicy, type SlaRule } from '../../src/aftersales/domain/slaPolicy.js';
import type { TicketMessageRecord, TicketProjectionActivities, TicketRecordFacts } from '../../src/aftersales/domain/ticketSnapshot.js';
import {
  applyTicketTransition,
  checkReadModelFields,
  checkTicketOpening,
  checkTicketTransition,
  cloneTicketState,
  DEFAULT_TICKET_SLA_SETTINGS,
  describeTicket,
  openTicket,
  recordThreshold,
  TICKET_TRANSITIONS,
  ticketSlaPlan,
  type TicketOpening,
  type TicketSlaSettings,
  type TicketState,
  type TicketTransitionName,
  type TicketTransitions,
  type TicketViolation,
} from '../../src/aftersales/domain/ticket.js';
import { followClientTier } from '../clientTier.js';
import { ClientIdKey, ClientTierKey, ProjectIdKey, SlaBreachedKey, TicketCategoryKey, TicketSeverityKey } from '../searchAttributes.js';

export interface TicketSlaInput {
  ticket: TicketOpening;
  /** The SLA policy the ticket runs under (its version is stamped on the ticket). */
  policy: SlaPolicy;
  /** The package's and add-ons' override rules, ahead of the policy's. */
  overrides?: SlaRule[];
  /** The agency's business-hours calendar (targets on BUSINESS_HOURS count in it); default ALWAYS_OPEN. */
  calendar?: BusinessCalendar;
  /** Warn at this share of each target (default 0.8). */
  warnShare?: number;
  /** Warn when this much business time is left (default 30 minutes). */
  leadTimeMillis?: number;
  /**
   * The recipients' business hours: warnings (levels 1 and 2) reached outside them wait for
   * the next opening; breaches go at once. Absent: every notice goes at once.
   */
  warningsIn?: BusinessCalendar;
  /** Accepted updates after which the run continues as new (default 500; Temporal's hard limit is 2000). */
  maxUpdatesPerRun?: number;
  /** Set by the workflow itself when it continues as new: where the previous run stopped. */
  resume?: TicketRun;
}

/** What one run hands the next when it continues as new. */
export interface TicketRun {
  state: TicketState;
  /** The last read-model snapshot number written. */
  snapshotSeq: number;
  /** Warnings still held for business hours. */
  waiting: HeldWarning[];
}

/** A warning held until the recipients' business hours open. */
export interface HeldWarning {
  at: number;
  notification: SlaNotification;
}

const DEFAULT_MAX_UPDATES_PER_RUN = 500;

export const ticketStateQuery = defineQuery<TicketState>('ticketState');
/** The Update-with-Start target: answers the ticket's first state (or its current one, for a retry). */
export const openTicketUpdate = defineUpdate<TicketState>('openTicket');
export const ticketUpdate = <N extends TicketTransitionName>(name: N) => defineUpdate<TicketState, [TicketTransitions[N]]>(name);

/** Writes the read model; retried until Postgres answers (the boundaries keep every value storable). */
const projection = proxyActivities<TicketProjectionActivities>({ startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '30 seconds' } });

function failure(violation: TicketViolation): ApplicationFailure {
  return ApplicationFailure.create({ type: violation.code, message: violation.message, details: [violation], nonRetryable: true });
}

/** Refuses an update in its validator, so the refusal never reaches the history. */
function refuse(violation: TicketViolation | null): void {
  if (violation) throw failure(violation);
}

/** Input the workflow cannot run with: it fails at once (and the Update-with-Start with it). */
function checkInput(input: TicketSlaInput): void {
  const opening = checkTicketOpening(input?.ticket);
  if (opening) throw failure(opening);
  const problems = [
    ...checkSlaPolicy(input.policy).filter((p) => p.code !== 'UNREACHABLE_RULE'),
    ...(input.calendar ? checkCalendar(input.calendar) : []),
    ...(input.warningsIn ? checkCalendar(input.warningsIn).map((p) => ({ ...p, path: `warningsIn.${p.path}` })) : []),
  ];
  if (problems.length > 0) {
    throw ApplicationFailure.create({ type: 'INVALID_INPUT', message: `The SLA policy or calendar is unusable: ${problems.map((p) => `${p.code} at ${p.path}`).join(', ')}.`, details: problems, nonRetryable: true });
  }
  const { warnShare, leadTimeMillis, maxUpdatesPerRun } = input;
  if (maxUpdatesPerRun !== undefined && !(Number.isInteger(maxUpdatesPerRun) && maxUpdatesPerRun >= 1 && maxUpdatesPerRun <= 1900)) {
    throw failure({ code: 'INVALID_INPUT', rule: 'MAX_UPDATES_PER_RUN', message: 'maxUpdatesPerRun must be a whole number from 1 to 1900.', field: 'maxUpdatesPerRun' });
  }
  if (warnShare !== undefined && !(warnShare > 0 && warnShare <= 1)) throw failure({ code: 'INVALID_INPUT', rule: 'WARN_SHARE', message: 'warnShare must be in (0, 1].', field: 'warnShare' });
  if (leadTimeMillis !== undefined && !(Number.isInteger(leadTimeMillis) && leadTimeMillis >= 0)) {
    throw failure({ code: 'INVALID_INPUT', rule: 'LEAD_TIME', message: 'leadTimeMillis must be a whole, non-negative number.', field: 'leadTimeMillis' });
  }
}

/** One ticket under its SLA, from opening to CLOSED. */
export async function ticketSla(input: TicketSlaInput): Promise<TicketState> {
  checkInput(input);
  const settings: TicketSlaSettings = {
    businessHours: input.calendar ?? DEFAULT_TICKET_SLA_SETTINGS.businessHours,
    warnShare: input.warnShare ?? DEFAULT_TICKET_SLA_SETTINGS.warnShare,
    leadTimeMillis: input.leadTimeMillis ?? DEFAULT_TICKET_SLA_SETTINGS.leadTimeMillis,
  };
  const overrides = input.overrides ?? [];
  const state = input.resume ? cloneTicketState(input.resume.state) : openTicket(input.ticket, input.policy, Date.now(), overrides);
  let updatesThisRun = 0;
  /** Set by every accepted update; the SLA loop plans again when it sees it. */
  let changed = false;

  const describe = () => setCurrentDetails(describeTicket(state, settings, Date.now()));

  // The read model (patched in: the first tickets' workflows had none). Every change is
  // written as a numbered snapshot before its update answers, so the API reads what it did.
  const writesReadModel = patched('ticket-read-model');
  const record: TicketRecordFacts = {
    title: input.ticket.title ?? `Ticket ${state.ticketId}`,
    description: input.ticket.description ?? '',
    channel: input.ticket.channel ?? 'PORTAL',
    openedBy: input.ticket.openedBy ?? 'unknown',
  };
  let snapshotSeq = input.resume?.snapshotSeq ?? 0;
  // Call only when writesReadModel: without it, handlers stay synchronous as they were.
  const project = (message: TicketMessageRecord | null = null): Promise<void> => {
    snapshotSeq += 1;
    return projection.recordTicket({ seq: snapshotSeq, state: cloneTicketState(state), record, calendar: settings.businessHours, message });
  };
  const opened = writesReadModel && !input.resume ? project() : null;

  upsertSearchAttributes([
    { key: ProjectIdKey, value: state.projectId },
    { key: ClientIdKey, value: state.clientId },
    { key: ClientTierKey, value: state.tier },
    { key: TicketSeverityKey, value: state.severity },
    { key: TicketCategoryKey, value: state.category },
    { key: SlaBreachedKey, value: state.slaBreached },
  ]);
  let breachedShown = state.slaBreached;
  const showBreached = () => {
    if (state.slaBreached === breachedShown) return;
    breachedShown = state.slaBreached;
    upsertSearchAttributes([{ key: SlaBreachedKey, value: state.slaBreached }]);
  };

  /** Checks again and applies an update in one synchronous step: the one place the state changes by an update. */
  const transition = <N extends TicketTransitionName>(name: N, payload: TicketTransitions[N]): TicketState | Promise<TicketState> => {
    refuse(checkTicketTransition(name, state, payload));
    const severity = state.severity;
    const now = Date.now();
    const change = applyTicketTransition(name, state, payload, { policy: input.policy, overrides, settings, now });
    if (state.severity !== severity) upsertSearchAttributes([{ key: TicketSeverityKey, value: state.severity }]);
    showBreached();
    describe();
    log.info('Ticket changed', { ticketId: state.ticketId, transition: name, change });
    changed = true;
    updatesThisRun += 1;
    const answer = cloneTicketState(state);
    return writesReadModel ? project(messageOf(name, payload, now)).then(() => answer) : answer;
  };

  setHandler(ticketStateQuery, () => state);
  followClientTier();
  setHandler(openTicketUpdate, () => (opened ? opened.then(() => cloneTicketState(state)) : cloneTicketState(state)));
  for (const name of TICKET_TRANSITIONS) {
    setHandler(ticketUpdate(name), (payload: TicketTransitions[typeof name]) => transition(name, payload), {
      validator: (payload: TicketTransitions[typeof name]) => {
        refuse(checkTicketTransition(name, state, payload));
        if (writesReadModel) refuse(checkReadModelFields(name, payload));
      },
    });
  }

  /** Warnings waiting for the recipients' business hours, in the order they were reached; dropped if the ticket closes first. */
  const waiting: HeldWarning[] = [...(input.resume?.waiting ?? [])];
  const send = (notification: SlaNotification): Promise<void> => {
    const { notify } = proxyActivities<SlaNotificationActivities>({
      startToCloseTimeout: '30 seconds',
      retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
      priority: { priorityKey: notification.priorityKey },
      summary: notification.summary,
    });
    return notify(notification);
  };

  describe();
  while (state.status !== 'CLOSED') {
    if (updatesThisRun >= (input.maxUpdatesPerRun ?? DEFAULT_MAX_UPDATES_PER_RUN) || workflowInfo().continueAsNewSuggested) {
      // No await between the last handler finishing and the hand-over: nothing can come between.
      await condition(allHandlersFinished);
      if (opened) await opened;
      return continueAsNew<typeof ticketSla>({ ...input, resume: { state: cloneTicketState(state), snapshotSeq, waiting } });
    }
    changed = false;
    const now = Date.now();
    const plan = ticketSlaPlan(state, settings, now);
    // Recorded before sending: an update handled while a notification is on its way sees it sent.
    const notifications = plan.due.map((due) => recordThreshold(state, due, now));
    if (notifications.length > 0) {
      showBreached();
      describe();
      if (writesReadModel) await project();
    }
    for (const notification of notifications) {
      // A warning outside the recipients' business hours waits for their next opening (kept
      // in order with any already waiting); a breach never waits.
      const holdable = input.warningsIn !== undefined && notification.kind !== 'SLA_BREACH';
      const at = holdable ? nextDeliveryTime(input.warningsIn!, now) : now;
      if (holdable && (at > now || waiting.length > 0)) waiting.push({ at, notification });
      else await send(notification);
    }
    while (waiting.length > 0 && waiting[0]!.at <= Date.now()) await send({ ...waiting.shift()!.notification, sentAt: new Date(Date.now()).toISOString() });
    if (changed || notifications.length > 0) continue;
    const untilWaiting = waiting.length > 0 ? Math.max(1, waiting[0]!.at - Date.now()) : null;
    const sleepMillis = plan.sleepMillis === null ? untilWaiting : untilWaiting === null ? plan.sleepMillis : Math.min(plan.sleepMillis, untilWaiting);
    if (sleepMillis === null) await condition(() => changed);
    else await condition(() => changed, sleepMillis);
  }
  if (opened) await opened;
  await condition(allHandlersFinished);
  return state;
}

/** The message a reply adds to the read model: only when the update carried its id and text. */
function messageOf<N extends TicketTransitionName>(name: N, payload: TicketTransitions[N], now: number): TicketMessageRecord | null {
  if (name === 'reopenTicket') {
    // The reason a ticket was reopened, as a message the agents (and the client) see.
    const reopen = payload as TicketTransitions['reopenTicket'];
    if (reopen.messageId === undefined || !reopen.reason) return null;
    return { id: reopen.messageId, kind: 'PUBLIC_REPLY', authorRole: reopen.authorRole ?? 'AGENT', author: reopen.actor, body: `Reopened: ${reopen.reason}`, at: now };
  }
  if (name !== 'respondToTicket') return null;
  const reply = payload as TicketTransitions['respondToTicket'];
  if (reply.messageId === undefined || reply.body === undefined) return null;
  return { id: reply.messageId, kind: reply.kind, authorRole: reply.authorRole, author: reply.actor, body: reply.body, at: now };
}
