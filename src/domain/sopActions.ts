import type { PackagePolicy } from './packagePolicy.js';
import type { RuleViolation } from './ruleViolation.js';
import type { SopStage } from './sopStage.js';
import type { SopState } from './sopState.js';

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
  /** Further conditions: returns why the action is refused, or null when it may go ahead. */
  gate?: (context: GateContext) => RuleViolation | null;
}

/**
 * The SOP as one table: every lead action, where it is allowed, where it leads and what
 * gates it. The workflow's update validators and the API both read this table, so a rule
 * is written once.
 */
export const SOP_ACTIONS = {
  logCommunicationRound: {
    allowedIn: ['REQUIREMENTS'],
  },
  signOffRequirements: {
    allowedIn: ['REQUIREMENTS'],
    to: 'DEVELOPMENT',
    gate: ({ state, policy }) => {
      const required = policy.minCommunicationRounds;
      const actual = state.communicationRounds;
      if (actual >= required) return null;
      return {
        code: 'SOP_RULE_VIOLATION',
        rule: 'MIN_COMMUNICATION_ROUNDS',
        message: `Requirements cannot be signed off: ${actual} of ${required} communication rounds logged.`,
        required,
        actual,
      };
    },
  },
} as const satisfies Record<string, SopActionRule>;

export type SopAction = keyof typeof SOP_ACTIONS;

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
  return (Object.keys(SOP_ACTIONS) as SopAction[]).filter((action) => checkSopAction(action, context) === null);
}
