import type { PackagePolicy } from '../../catalog/domain/packagePolicy.js';
import { findUnstorableText } from '../../shared/domain/storable.js';
import { monitoringMonths, serviceReviewSchedule } from './aftercare.js';
import { capsOf, type Caps, type ChangeOrderKind } from './changeOrder.js';
import { checkCommunicationRound, type CommunicationRound } from './communicationRound.js';
import type { ReviewRound } from './reviewRound.js';
import type { RuleViolation } from './ruleViolation.js';
import type { StressTestVerdict } from './siteCheck.js';
import { isoAfterDays } from './sopClock.js';
import {
  checkActor,
  checkChangeOrderDecision,
  checkChangeOrderRequest,
  checkCostRecord,
  checkDeliveryAcceptance,
  checkNewRequirement,
  checkReasons,
  checkRequirementChange,
  checkResearchSession,
  checkReviewRound,
  checkServiceReview,
  checkStressTestStart,
  checkValidationDayResults,
  type Actor,
  type Cancellation,
  type ChangeOrderDecision,
  type ChangeOrderRequest,
  type CostRecord,
  type DeliveryAcceptance,
  type DeliveryRejection,
  type NewRequirement,
  type RequirementRef,
  type RequirementsSignOff,
  type ResearchSession,
  type ServiceReview,
  type StressTestStart,
  type ValidationDayResults,
} from './sopInputs.js';
import { OPEN_STAGES, type SopStage } from './sopStage.js';
import { confirmedRequirements, openGaps, type SopState } from './sopState.js';
import type { TimelineDetailsByType, TimelineEventType } from './timelineEvent.js';

/** What a rule looks at: the workflow's state, the project's policy, the workflow clock and the length of an SOP day. */
export interface MachineContext {
  state: SopState;
  policy: PackagePolicy;
  /** Workflow time in ms (deterministic inside a workflow). */
  now: number;
  dayMs: number;
  /**
   * Whether the ITERATION_OVERDRAFT gate holds (on unless said otherwise): workflows that
   * started before the gate existed run without it, so their histories replay as they ran.
   */
  iterationOverdraftGate?: boolean;
}

/**
 * A cap of the service-cap clause: the transition uses up one unit of `used` (when
 * `counts` says so for its input) and is refused once `used` has reached the cap, until
 * an approved change order of `raisedBy` raises it.
 */
export interface CapRule<I> {
  rule: string;
  what: string;
  raisedBy: ChangeOrderKind;
  used: (state: SopState) => number;
  limit: (caps: Caps) => number;
  counts?: (input: I) => boolean;
}

/** What an applied transition writes to the timeline. */
export interface TransitionRecord<E extends TimelineEventType> {
  summary: string;
  details: TimelineDetailsByType[E];
}

/**
 * One transition of the SOP: a lead action (a workflow update) or a system event (a
 * timer, a child workflow's verdict). `to` moves the stage; `gate` looks at the state
 * alone (so `availableActions` can ask it), `check` at the input, `cap` counts a capped
 * resource; `apply` changes everything but the stage and says what the timeline records.
 */
export interface SopTransition<I, E extends TimelineEventType> {
  by: 'lead' | 'system';
  from: readonly SopStage[];
  to?: SopStage;
  event: E;
  gate?: (context: MachineContext) => RuleViolation | null;
  check?: (input: I, context: MachineContext) => RuleViolation | null;
  cap?: CapRule<I>;
  apply: (state: SopState, input: I, context: MachineContext) => TransitionRecord<E>;
}

const lead = <I, E extends TimelineEventType>(transition: Omit<SopTransition<I, E>, 'by'>) => ({ ...transition, by: 'lead' as const });
const system = <I, E extends TimelineEventType>(transition: Omit<SopTransition<I, E>, 'by'>) => ({ ...transition, by: 'system' as const });

function violation(rule: string, message: string, required?: number, actual?: number): RuleViolation {
  return { code: 'SOP_RULE_VIOLATION', rule, message, ...(required === undefined ? {} : { required, actual }) };
}

const requirementOf = (state: SopState, id: string) => state.requirements.find((r) => r.id === id)!;
const changeOrderOf = (state: SopState, id: string) => state.changeOrders.find((o) => o.id === id)!;
const changeOrderDetails = (state: SopState, decision: ChangeOrderDecision) => {
  const order = changeOrderOf(state, decision.changeOrderId);
  return { changeOrderId: order.id, kind: order.kind, reason: order.reason, amount: order.amount, note: decision.note ?? null };
};
const verdictDetails = (input: StressTestOutcome) => ({
  attempt: input.attempt,
  passed: input.verdict.passed,
  checks: input.verdict.checks,
  failed: input.verdict.failed,
  availability: input.verdict.availability,
  errorRate: input.verdict.errorRate,
  p95LatencyMs: input.verdict.p95LatencyMs,
  failures: input.verdict.failures,
  failedChecks: input.verdict.failedChecks,
});

/** Deciding a change order needs one that waits for a decision. */
/**
 * A failed stress test is a fact and always costs its iteration round, even past the cap
 * (the machine cannot refuse what happened). The overdraft is settled before the project
 * moves on: no new stress test until approved EXTRA_ITERATION change orders cover every
 * round used, so no project passes the cap without an approved change order.
 */
function iterationOverdraft({ state, policy, iterationOverdraftGate = true }: Pick<MachineContext, 'state' | 'policy' | 'iterationOverdraftGate'>): RuleViolation | null {
  const limit = capsOf(policy, state.changeOrders).iterationRounds;
  if (!iterationOverdraftGate || state.iterationRoundsUsed <= limit) return null;
  return violation(
    'ITERATION_OVERDRAFT',
    `Failed stress tests used ${state.iterationRoundsUsed} iteration rounds against ${limit} included and approved: the next stress test needs an approved EXTRA_ITERATION change order for the difference.`,
    limit,
    state.iterationRoundsUsed,
  );
}

const requestedChangeOrder = ({ state }: MachineContext) =>
  state.changeOrders.some((o) => o.status === 'REQUESTED') ? null : violation('CHANGE_ORDER_STATUS', 'No change order is waiting for a decision.');

/** Approving and rejecting a change order: the same rules, a different outcome. */
function decideChangeOrder<E extends 'CHANGE_ORDER_APPROVED' | 'CHANGE_ORDER_REJECTED'>(status: 'APPROVED' | 'REJECTED', event: E) {
  return lead<ChangeOrderDecision, E>({
    from: OPEN_STAGES,
    event,
    gate: requestedChangeOrder,
    check: (decision, { state }) => checkChangeOrderDecision(state, decision),
    apply: (state, decision) => {
      changeOrderOf(state, decision.changeOrderId).status = status;
      const details = changeOrderDetails(state, decision);
      return { summary: `Change order ${status.toLowerCase()} (${details.kind})`, details };
    },
  });
}

/** A stress test's result as the workflow hands it to the machine. */
export interface StressTestOutcome {
  attempt: number;
  verdict: StressTestVerdict;
}

/**
 * The SOP as one declarative table, in the spirit of Vendure's order process: every
 * stage change, gate and cap is written here once. The workflow moves a project only
 * through these transitions; the API's `availableActions` reads the same table.
 */
export const SOP_TRANSITIONS = {
  // Requirements
  logCommunicationRound: lead<CommunicationRound, 'COMMUNICATION_ROUND_LOGGED'>({
    from: ['REQUIREMENTS'],
    event: 'COMMUNICATION_ROUND_LOGGED',
    check: (round, { now }) => checkCommunicationRound(round, new Date(now)),
    apply: (state, round) => {
      state.communicationRounds += 1;
      return {
        summary: `Communication round ${state.communicationRounds} (${round.channel}) logged`,
        details: { round: state.communicationRounds, channel: round.channel, summary: round.summary, attendees: round.attendees, occurredAt: round.occurredAt },
      };
    },
  }),
  logResearchSession: lead<ResearchSession, 'RESEARCH_SESSION_LOGGED'>({
    from: ['REQUIREMENTS'],
    event: 'RESEARCH_SESSION_LOGGED',
    check: checkResearchSession,
    cap: { rule: 'RESEARCH_SESSION_CAP', what: 'research sessions', raisedBy: 'EXTRA_RESEARCH', used: (s) => s.researchSessions, limit: (c) => c.researchSessions },
    apply: (state, session) => {
      state.researchSessions += 1;
      return {
        summary: `Research session ${state.researchSessions}: ${session.topic}`,
        details: { session: state.researchSessions, topic: session.topic, attendees: session.attendees },
      };
    },
  }),
  addRequirement: lead<NewRequirement, 'REQUIREMENT_ADDED'>({
    from: ['REQUIREMENTS'],
    event: 'REQUIREMENT_ADDED',
    check: (requirement, { state }) => checkNewRequirement(state, requirement),
    apply: (state, requirement) => {
      const title = requirement.title.trim();
      state.requirements.push({ id: requirement.requirementId, title, status: 'PROPOSED', validation: 'UNCHECKED' });
      return { summary: `Requirement added: ${title}`, details: { requirementId: requirement.requirementId, title, reason: null } };
    },
  }),
  confirmRequirement: lead<RequirementRef, 'REQUIREMENT_CONFIRMED'>({
    from: ['REQUIREMENTS'],
    event: 'REQUIREMENT_CONFIRMED',
    gate: ({ state }) => (state.requirements.some((r) => r.status === 'PROPOSED') ? null : violation('REQUIREMENT_STATUS', 'No requirement is proposed.')),
    check: (ref, { state }) => checkRequirementChange(state, ref, 'CONFIRMED'),
    apply: (state, ref) => {
      const requirement = requirementOf(state, ref.requirementId);
      requirement.status = 'CONFIRMED';
      return { summary: `Requirement confirmed: ${requirement.title}`, details: { requirementId: requirement.id, title: requirement.title, reason: ref.reason ?? null } };
    },
  }),
  dropRequirement: lead<RequirementRef, 'REQUIREMENT_DROPPED'>({
    from: ['REQUIREMENTS'],
    event: 'REQUIREMENT_DROPPED',
    gate: ({ state }) => (state.requirements.some((r) => r.status !== 'DROPPED') ? null : violation('REQUIREMENT_STATUS', 'No requirement is left to drop.')),
    check: (ref, { state }) => checkRequirementChange(state, ref, 'DROPPED'),
    apply: (state, ref) => {
      const requirement = requirementOf(state, ref.requirementId);
      requirement.status = 'DROPPED';
      return { summary: `Requirement dropped: ${requirement.title}`, details: { requirementId: requirement.id, title: requirement.title, reason: ref.reason ?? null } };
    },
  }),
  signOffRequirements: lead<RequirementsSignOff, 'REQUIREMENTS_SIGNED_OFF'>({
    from: ['REQUIREMENTS'],
    to: 'DEVELOPMENT',
    event: 'REQUIREMENTS_SIGNED_OFF',
    gate: ({ state, policy }) => {
      const required = policy.minCommunicationRounds;
      const actual = state.communicationRounds;
      if (actual < required) {
        return violation('MIN_COMMUNICATION_ROUNDS', `Requirements cannot be signed off: ${actual} of ${required} communication rounds logged.`, required, actual);
      }
      if (confirmedRequirements(state).length === 0) {
        return violation('CONFIRMED_REQUIREMENT', 'Requirements cannot be signed off: no requirement is confirmed.', 1, 0);
      }
      return null;
    },
    apply: (state, signOff, { policy, now, dayMs }) => {
      if (policy.validationDayOffsetDays === null) state.validationDay = 'NOT_APPLICABLE';
      else state.validationDayOpensAt = isoAfterDays(now, policy.validationDayOffsetDays, dayMs);
      return {
        summary: 'Requirements signed off',
        details: { note: signOff.note ?? null, communicationRounds: state.communicationRounds, confirmedRequirements: confirmedRequirements(state).length },
      };
    },
  }),

  // Development
  validationDayOpened: system<void, 'VALIDATION_DAY_OPENED'>({
    from: ['DEVELOPMENT'],
    event: 'VALIDATION_DAY_OPENED',
    apply: (state) => {
      state.validationDay = 'OPEN';
      return { summary: 'Requirement validation day is open', details: null };
    },
  }),
  completeValidationDay: lead<ValidationDayResults, 'VALIDATION_DAY_COMPLETED'>({
    from: ['DEVELOPMENT'],
    event: 'VALIDATION_DAY_COMPLETED',
    gate: ({ state }) =>
      state.validationDay === 'OPEN' ? null : violation('VALIDATION_DAY_OPEN', `The validation day is not open (it is ${state.validationDay}).`),
    check: (results, { state }) => checkValidationDayResults(state, results),
    apply: (state, { results }) => {
      for (const { requirementId, result } of results) requirementOf(state, requirementId).validation = result;
      state.validationDay = 'DONE';
      const gaps = results.filter((r) => r.result === 'GAP').length;
      return {
        summary: `Validation day completed: ${gaps} gap(s)`,
        details: { results: results.map((r) => ({ requirementId: r.requirementId, result: r.result, note: r.note ?? null })), gaps },
      };
    },
  }),
  submitReviewRound: lead<ReviewRound, 'REVIEW_ROUND_SUBMITTED'>({
    from: ['DEVELOPMENT'],
    event: 'REVIEW_ROUND_SUBMITTED',
    check: (round, { state }) => checkReviewRound(state, round),
    cap: {
      rule: 'ITERATION_ROUND_CAP',
      what: 'iteration rounds',
      raisedBy: 'EXTRA_ITERATION',
      used: (s) => s.iterationRoundsUsed,
      limit: (c) => c.iterationRounds,
      counts: (round) => round.outcome === 'CHANGES_REQUESTED',
    },
    apply: (state, round, { policy }) => {
      state.reviewRounds += 1;
      if (round.outcome === 'CHANGES_REQUESTED') state.iterationRoundsUsed += 1;
      if (round.outcome === 'APPROVED' && (!policy.requireOnSiteReviews || round.kind === 'ON_SITE')) state.approvedReviewRounds += 1;
      for (const id of round.closesGapIds) requirementOf(state, id).validation = 'MET';
      return {
        summary: `Review round ${state.reviewRounds} (${round.kind}): ${round.outcome}`,
        details: {
          round: state.reviewRounds,
          kind: round.kind,
          outcome: round.outcome,
          feedback: round.feedback,
          clientAttendees: round.clientAttendees,
          closesGapIds: round.closesGapIds,
        },
      };
    },
  }),

  // Stress test
  startStressTest: lead<StressTestStart, 'STRESS_TEST_STARTED'>({
    from: ['DEVELOPMENT'],
    to: 'STRESS_TEST',
    event: 'STRESS_TEST_STARTED',
    gate: ({ state, policy, iterationOverdraftGate }) => {
      const required = policy.minReviewRounds;
      if (state.approvedReviewRounds < required) {
        const kind = policy.requireOnSiteReviews ? 'approved on-site' : 'approved';
        return violation(
          'MIN_REVIEW_ROUNDS',
          `The stress test cannot start: ${state.approvedReviewRounds} of ${required} ${kind} review rounds.`,
          required,
          state.approvedReviewRounds,
        );
      }
      if (state.validationDay === 'PENDING' || state.validationDay === 'OPEN') {
        return violation('VALIDATION_DAY_DONE', `The stress test cannot start: the validation day is ${state.validationDay.toLowerCase()}.`);
      }
      const gaps = openGaps(state).length;
      if (gaps > 0) return violation('OPEN_GAPS', `The stress test cannot start: ${gaps} validation gap(s) are still open.`, 0, gaps);
      return iterationOverdraft({ state, policy, iterationOverdraftGate });
    },
    check: (start, { state }) => checkStressTestStart(state, start),
    apply: (state, start, { policy }) => {
      state.stagingUrl = start.stagingUrl ?? state.stagingUrl;
      state.stressTest = 'RUNNING';
      state.stressTestAttempts += 1;
      return {
        summary: `Stress test ${state.stressTestAttempts} started on ${state.stagingUrl}`,
        details: { attempt: state.stressTestAttempts, url: state.stagingUrl!, days: policy.stressTestDays, thresholds: policy.stressTestThresholds },
      };
    },
  }),
  abortStressTest: lead<Actor, 'STRESS_TEST_ABORTED'>({
    from: ['STRESS_TEST'],
    to: 'DEVELOPMENT',
    event: 'STRESS_TEST_ABORTED',
    gate: ({ state }) => (state.stressTest === 'RUNNING' ? null : violation('STRESS_TEST_RUNNING', 'No stress test is running.')),
    apply: (state) => {
      state.stressTest = 'ABORTED';
      return { summary: `Stress test ${state.stressTestAttempts} aborted`, details: { attempt: state.stressTestAttempts } };
    },
  }),
  stressTestPassed: system<StressTestOutcome, 'STRESS_TEST_PASSED'>({
    from: ['STRESS_TEST'],
    to: 'ACCEPTANCE',
    event: 'STRESS_TEST_PASSED',
    apply: (state, outcome) => {
      state.stressTest = 'PASSED';
      return { summary: `Stress test ${outcome.attempt} passed`, details: verdictDetails(outcome) };
    },
  }),
  stressTestFailed: system<StressTestOutcome, 'STRESS_TEST_FAILED'>({
    from: ['STRESS_TEST'],
    to: 'DEVELOPMENT',
    event: 'STRESS_TEST_FAILED',
    // A failed test sends the project back to development and costs an iteration round.
    apply: (state, outcome) => {
      state.stressTest = 'FAILED';
      state.iterationRoundsUsed += 1;
      return { summary: `Stress test ${outcome.attempt} failed: ${outcome.verdict.failures.join('; ')}`, details: verdictDetails(outcome) };
    },
  }),

  // Acceptance
  acceptDelivery: lead<DeliveryAcceptance, 'DELIVERY_ACCEPTED'>({
    from: ['ACCEPTANCE'],
    to: 'AFTERCARE',
    event: 'DELIVERY_ACCEPTED',
    gate: ({ state }) => (state.stressTest === 'PASSED' ? null : violation('STRESS_TEST_PASSED', 'Delivery needs a passed stress test.')),
    check: checkDeliveryAcceptance,
    apply: (state, acceptance, { now }) => {
      state.liveUrl = acceptance.liveUrl ?? state.stagingUrl;
      state.aftercareStartedAt = new Date(now).toISOString();
      state.monitoring = 'RUNNING';
      return {
        summary: `Delivery accepted, signed by ${acceptance.signedBy}`,
        details: { signedBy: acceptance.signedBy, note: acceptance.note ?? null, liveUrl: state.liveUrl },
      };
    },
  }),
  rejectDelivery: lead<DeliveryRejection, 'DELIVERY_REJECTED'>({
    from: ['ACCEPTANCE'],
    to: 'DEVELOPMENT',
    event: 'DELIVERY_REJECTED',
    check: checkReasons,
    apply: (state, rejection) => {
      state.stressTest = 'NOT_STARTED';
      return { summary: `Delivery rejected: ${rejection.reasons.join('; ')}`, details: { reasons: rejection.reasons } };
    },
  }),

  // After-care
  monitoringEnded: system<void, 'MONITORING_ENDED'>({
    from: ['AFTERCARE'],
    event: 'MONITORING_ENDED',
    apply: (state, _input, { policy }) => {
      state.monitoring = 'ENDED';
      const months = monitoringMonths(policy);
      return { summary: `After-care monitoring ended after ${months} month(s)`, details: { months } };
    },
  }),
  serviceReviewOpened: system<void, 'SERVICE_REVIEW_OPENED'>({
    from: ['AFTERCARE'],
    event: 'SERVICE_REVIEW_OPENED',
    apply: (state, _input, { policy }) => {
      state.serviceReview = 'OPEN';
      const { dueAfterDays, opensAfterDays } = serviceReviewSchedule(policy.serviceReviewWithinDays);
      return { summary: `Service review open, due within ${dueAfterDays} days of delivery`, details: { dueInDays: dueAfterDays - opensAfterDays } };
    },
  }),
  serviceReviewReminder: system<void, 'SERVICE_REVIEW_REMINDER'>({
    from: ['AFTERCARE'],
    event: 'SERVICE_REVIEW_REMINDER',
    apply: (_state, _input, { policy }) => {
      const { dueAfterDays, reminderAfterDays } = serviceReviewSchedule(policy.serviceReviewWithinDays);
      const dueInDays = dueAfterDays - reminderAfterDays;
      return { summary: `Reminder: the service review is due in ${dueInDays} days`, details: { dueInDays } };
    },
  }),
  serviceReviewOverdue: system<void, 'SERVICE_REVIEW_OVERDUE'>({
    from: ['AFTERCARE'],
    event: 'SERVICE_REVIEW_OVERDUE',
    apply: () => ({ summary: 'The service review is overdue', details: null }),
  }),
  submitServiceReview: lead<ServiceReview, 'SERVICE_REVIEW_SUBMITTED'>({
    from: ['AFTERCARE'],
    event: 'SERVICE_REVIEW_SUBMITTED',
    gate: ({ state }) =>
      state.serviceReview === 'OPEN' ? null : violation('SERVICE_REVIEW_OPEN', `The service review is not open (it is ${state.serviceReview}).`),
    check: checkServiceReview,
    apply: (state, review) => {
      state.serviceReview = 'DONE';
      state.npsScore = review.npsScore;
      return { summary: `Service review submitted: NPS ${review.npsScore}`, details: { npsScore: review.npsScore, comment: review.comment ?? null } };
    },
  }),
  projectClosed: system<void, 'PROJECT_CLOSED'>({
    from: ['AFTERCARE'],
    to: 'CLOSED',
    event: 'PROJECT_CLOSED',
    gate: ({ state }) =>
      state.monitoring === 'ENDED' && state.serviceReview === 'DONE'
        ? null
        : violation('AFTERCARE_DONE', 'The project closes once monitoring has ended and the service review is done.'),
    apply: () => ({ summary: 'Project closed: monitoring ended and the service review is done', details: null }),
  }),

  // Any open stage
  requestChangeOrder: lead<ChangeOrderRequest, 'CHANGE_ORDER_REQUESTED'>({
    from: OPEN_STAGES,
    event: 'CHANGE_ORDER_REQUESTED',
    check: (order, { state }) => checkChangeOrderRequest(state, order),
    apply: (state, order) => {
      const reason = order.reason.trim();
      state.changeOrders.push({ id: order.changeOrderId, kind: order.kind, status: 'REQUESTED', reason, amount: order.amount });
      return {
        summary: `Change order requested (${order.kind}): ${reason}`,
        details: { changeOrderId: order.changeOrderId, kind: order.kind, reason, amount: order.amount, note: null },
      };
    },
  }),
  approveChangeOrder: decideChangeOrder('APPROVED', 'CHANGE_ORDER_APPROVED'),
  rejectChangeOrder: decideChangeOrder('REJECTED', 'CHANGE_ORDER_REJECTED'),
  recordCost: lead<CostRecord, 'COST_RECORDED'>({
    from: OPEN_STAGES,
    event: 'COST_RECORDED',
    check: (cost) => checkCostRecord(cost),
    // Costs live in the read model only (the guardrails flag, they do not gate): the event carries the entry.
    apply: (_state, cost) => {
      const note = cost.note?.trim() || null;
      return {
        summary: `Cost recorded (${cost.phase}): ${cost.amount.toFixed(2)}`,
        details: { costId: cost.costId, phase: cost.phase, amount: cost.amount, note },
      };
    },
  }),
  cancelProject: lead<Cancellation, 'PROJECT_CANCELLED'>({
    from: OPEN_STAGES,
    to: 'CANCELLED',
    event: 'PROJECT_CANCELLED',
    check: checkReasons,
    apply: (state, cancellation) => {
      state.cancelReason = cancellation.reason;
      if (state.stressTest === 'RUNNING') state.stressTest = 'ABORTED';
      return { summary: `Project cancelled: ${cancellation.reason}`, details: { reason: cancellation.reason } };
    },
  }),
} as const;

export type SopTransitionName = keyof typeof SOP_TRANSITIONS;
type InputOf<T> = T extends SopTransition<infer I, TimelineEventType> ? I : never;
/** The input a transition takes (a lead action's update payload; a system event's data). */
export type SopTransitionInput<N extends SopTransitionName> = InputOf<(typeof SOP_TRANSITIONS)[N]>;

/** The transitions a lead takes, each a workflow update of the same name. */
export type SopAction = { [N in SopTransitionName]: (typeof SOP_TRANSITIONS)[N]['by'] extends 'lead' ? N : never }[SopTransitionName];

export const SOP_ACTIONS = (Object.keys(SOP_TRANSITIONS) as SopTransitionName[]).filter(
  (name): name is SopAction => SOP_TRANSITIONS[name].by === 'lead',
);

/** Any transition, with its input type erased: how generic code (the workflow, the API) walks the table. */
export const transitionOf = (name: SopTransitionName) => SOP_TRANSITIONS[name] as unknown as SopTransition<unknown, TimelineEventType>;

/** The state-only part of the rules: the stage and the transition's gate. */
export function checkGate(name: SopTransitionName, context: MachineContext): RuleViolation | null {
  const transition = transitionOf(name);
  if (!transition.from.includes(context.state.stage)) {
    return {
      code: 'STAGE_CONFLICT',
      rule: 'ALLOWED_STAGES',
      message: `${name} is not allowed while the project is in ${context.state.stage} (allowed in ${transition.from.join(', ')}).`,
    };
  }
  return transition.gate?.(context) ?? null;
}

/** Whether a cap stops this input now; null when the input does not count or a unit is left. */
export function checkCap<I>(cap: CapRule<I> | undefined, input: I, { state, policy }: MachineContext): RuleViolation | null {
  if (!cap || (cap.counts && !cap.counts(input))) return null;
  const limit = cap.limit(capsOf(policy, state.changeOrders));
  const used = cap.used(state);
  if (used < limit) return null;
  return violation(
    cap.rule,
    `All ${limit} included ${cap.what} are used (${used} of ${limit}); another one needs an approved ${cap.raisedBy} change order.`,
    limit,
    used,
  );
}

/**
 * The storage contract over a whole payload: every string anywhere in it is storable and
 * within the longest text column, so an accepted action can always be projected.
 */
export function checkStorable(input: unknown): RuleViolation | null {
  const found = findUnstorableText(input, '');
  if (found) return { code: 'INVALID_INPUT', rule: 'STORABLE_TEXT', message: `${found.path} ${found.problem}.`, field: found.path };
  return null;
}

/** Every rule of a transition for one input: stage, gate, the input's own checks, then the cap. */
export function checkTransition(name: SopTransitionName, input: unknown, context: MachineContext): RuleViolation | null {
  const transition = transitionOf(name);
  const actor = transition.by === 'lead' ? (checkStorable(input) ?? checkActor(input as Actor)) : null;
  return actor ?? checkGate(name, context) ?? transition.check?.(input, context) ?? checkCap(transition.cap, input, context);
}

/** The actions a lead could take right now, for clients that render the next steps. */
export function availableSopActions(context: MachineContext): SopAction[] {
  return SOP_ACTIONS.filter((action) => {
    const { cap } = transitionOf(action);
    // A cap that counts every input refuses them all once it is used up.
    const capped = cap !== undefined && cap.counts === undefined && checkCap(cap, undefined, context) !== null;
    return !capped && checkGate(action, context) === null;
  });
}
