import { capsOf } from './changeOrder.js';
import type { PackagePolicy } from './packagePolicy.js';
import type { RuleViolation } from './ruleViolation.js';
import type { SopStage } from './sopStage.js';
import { confirmedRequirements, openGaps, type SopState } from './sopState.js';

/** What a gate looks at: the workflow's state and the project's effective policy. */
export interface GateContext {
  state: SopState;
  policy: PackagePolicy;
}

export interface SopActionRule {
  /** Stages in which the action may be taken at all. */
  allowedIn: readonly SopStage[];
  /** The stage the action moves the project to, if it is a transition. */
  to?: SopStage;
  /** Further conditions on the state: why the action is refused, or null when it may go ahead. */
  gate?: (context: GateContext) => RuleViolation | null;
}

function violation(rule: string, message: string, required?: number, actual?: number): RuleViolation {
  return { code: 'SOP_RULE_VIOLATION', rule, message, ...(required === undefined ? {} : { required, actual }) };
}

const OPEN_STAGES: readonly SopStage[] = ['REQUIREMENTS', 'DEVELOPMENT', 'STRESS_TEST', 'ACCEPTANCE', 'AFTERCARE'];

/**
 * The SOP as one table: every lead action, where it is allowed, where it leads and what
 * gates it. The workflow's update validators and the API both read this table, so a rule
 * is written once. Checks that depend on an action's input (which requirement, which
 * change order) are made by the validators on top of these.
 */
export const SOP_ACTIONS = {
  logCommunicationRound: { allowedIn: ['REQUIREMENTS'] },
  logResearchSession: {
    allowedIn: ['REQUIREMENTS'],
    gate: ({ state, policy }) => {
      const cap = capsOf(policy, state.changeOrders).researchSessions;
      if (state.researchSessions < cap) return null;
      return violation(
        'RESEARCH_SESSION_CAP',
        `All ${cap} included research sessions are used (${state.researchSessions} of ${cap}); another one needs an approved EXTRA_RESEARCH change order.`,
        cap,
        state.researchSessions,
      );
    },
  },
  addRequirement: { allowedIn: ['REQUIREMENTS'] },
  confirmRequirement: { allowedIn: ['REQUIREMENTS'] },
  dropRequirement: { allowedIn: ['REQUIREMENTS'] },
  signOffRequirements: {
    allowedIn: ['REQUIREMENTS'],
    to: 'DEVELOPMENT',
    gate: ({ state, policy }) => {
      const required = policy.minCommunicationRounds;
      const actual = state.communicationRounds;
      if (actual < required) {
        return violation(
          'MIN_COMMUNICATION_ROUNDS',
          `Requirements cannot be signed off: ${actual} of ${required} communication rounds logged.`,
          required,
          actual,
        );
      }
      if (confirmedRequirements(state).length === 0) {
        return violation('CONFIRMED_REQUIREMENT', 'Requirements cannot be signed off: no requirement is confirmed.', 1, 0);
      }
      return null;
    },
  },
  completeValidationDay: {
    allowedIn: ['DEVELOPMENT'],
    gate: ({ state }) =>
      state.validationDay === 'OPEN'
        ? null
        : violation('VALIDATION_DAY_OPEN', `The validation day is not open (it is ${state.validationDay}).`),
  },
  submitReviewRound: { allowedIn: ['DEVELOPMENT'] },
  startStressTest: {
    allowedIn: ['DEVELOPMENT'],
    to: 'STRESS_TEST',
    gate: ({ state, policy }) => {
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
      if (gaps > 0) {
        return violation('OPEN_GAPS', `The stress test cannot start: ${gaps} validation gap(s) are still open.`, 0, gaps);
      }
      return null;
    },
  },
  abortStressTest: {
    allowedIn: ['STRESS_TEST'],
    to: 'DEVELOPMENT',
    gate: ({ state }) =>
      state.stressTest === 'RUNNING' ? null : violation('STRESS_TEST_RUNNING', 'No stress test is running.'),
  },
  acceptDelivery: {
    allowedIn: ['ACCEPTANCE'],
    to: 'AFTERCARE',
    gate: ({ state }) =>
      state.stressTest === 'PASSED' ? null : violation('STRESS_TEST_PASSED', 'Delivery needs a passed stress test.'),
  },
  rejectDelivery: { allowedIn: ['ACCEPTANCE'], to: 'DEVELOPMENT' },
  submitServiceReview: {
    allowedIn: ['AFTERCARE'],
    gate: ({ state }) =>
      state.serviceReview === 'OPEN'
        ? null
        : violation('SERVICE_REVIEW_OPEN', `The service review is not open (it is ${state.serviceReview}).`),
  },
  requestChangeOrder: { allowedIn: OPEN_STAGES },
  approveChangeOrder: { allowedIn: OPEN_STAGES },
  rejectChangeOrder: { allowedIn: OPEN_STAGES },
  cancelProject: { allowedIn: OPEN_STAGES, to: 'CANCELLED' },
} as const satisfies Record<string, SopActionRule>;

export type SopAction = keyof typeof SOP_ACTIONS;

export const SOP_ACTION_NAMES = Object.keys(SOP_ACTIONS) as SopAction[];

/** Checks one action against the table; null means the action may go ahead. */
export function checkSopAction(action: SopAction, context: GateContext): RuleViolation | null {
  const rule: SopActionRule = SOP_ACTIONS[action];
  if (!rule.allowedIn.includes(context.state.stage)) {
    return {
      code: 'STAGE_CONFLICT',
      rule: 'ALLOWED_STAGES',
      message: `${action} is not allowed while the project is in ${context.state.stage} (allowed in ${rule.allowedIn.join(', ')}).`,
    };
  }
  return rule.gate?.(context) ?? null;
}

/** The actions a lead could take right now, for clients that render the next steps. */
export function availableSopActions(context: GateContext): SopAction[] {
  return SOP_ACTION_NAMES.filter((action) => checkSopAction(action, context) === null);
}
