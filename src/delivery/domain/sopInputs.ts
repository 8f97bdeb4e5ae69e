import { isMoney, isStorableText, MAX_MONEY, TEXT_LIMITS } from '../../shared/domain/storable.js';
import { CHANGE_ORDER_KINDS, type ChangeOrderKind } from './changeOrder.js';
import { COST_PHASES, type CostPhase } from './costShare.js';
import { isValidNps } from './aftercare.js';
import { REVIEW_KINDS, REVIEW_OUTCOMES, type ReviewRound } from './reviewRound.js';
import type { RuleViolation } from './ruleViolation.js';
import { confirmedRequirements, openGaps, type SopState } from './sopState.js';
import { isUuid } from '../../shared/domain/uuid.js';

/**
 * Payloads of the SOP workflow's updates, and the checks the workflow makes of them
 * itself: it is a boundary of its own and does not trust its callers' validation.
 * Each check returns why the payload is refused, or null.
 */

export interface Actor {
  actor: string;
}

export interface ResearchSession extends Actor {
  topic: string;
  attendees: string[];
}

export interface NewRequirement extends Actor {
  requirementId: string;
  title: string;
}

export interface RequirementRef extends Actor {
  requirementId: string;
  reason?: string;
}

export interface ValidationDayResults extends Actor {
  results: { requirementId: string; result: 'MET' | 'GAP'; note?: string }[];
}

export interface RequirementsSignOff extends Actor {
  note?: string;
}

export interface StressTestStart extends Actor {
  stagingUrl?: string;
}

export interface DeliveryAcceptance extends Actor {
  signedBy: string;
  note?: string;
  liveUrl?: string;
}

export interface DeliveryRejection extends Actor {
  reasons: string[];
}

export interface ServiceReview extends Actor {
  npsScore: number;
  comment?: string;
}

/** A cost booked to a phase; its id is minted by the caller, so the read model stores it once. */
export interface CostRecord extends Actor {
  costId: string;
  phase: CostPhase;
  amount: number;
  note?: string;
}

export interface ChangeOrderRequest extends Actor {
  changeOrderId: string;
  kind: ChangeOrderKind;
  reason: string;
  amount: number;
}

export interface ChangeOrderDecision extends Actor {
  changeOrderId: string;
  note?: string;
}

export interface Cancellation extends Actor {
  reason: string;
}

function invalid(rule: string, message: string): RuleViolation {
  return { code: 'INVALID_INPUT', rule, message };
}

const isText = (value: unknown, max: number = TEXT_LIMITS.text): value is string => isStorableText(value, max);

const isId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > TEXT_LIMITS.url) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function checkActor(input: Partial<Actor> | undefined): RuleViolation | null {
  return isText(input?.actor, TEXT_LIMITS.name) ? null : invalid('ACTOR', 'actor must name who takes the action.');
}

export function checkResearchSession(input: ResearchSession): RuleViolation | null {
  if (!isText(input?.topic)) return invalid('TOPIC', 'topic must not be empty.');
  if (!Array.isArray(input.attendees) || input.attendees.length === 0 || !input.attendees.every((a) => isText(a, TEXT_LIMITS.name))) {
    return invalid('ATTENDEES', 'attendees must name at least one person.');
  }
  return checkActor(input);
}

export function checkNewRequirement(state: SopState, input: NewRequirement): RuleViolation | null {
  if (!isId(input?.requirementId)) return invalid('REQUIREMENT_ID', 'requirementId must be 1-64 letters, digits, - or _.');
  if (state.requirements.some((r) => r.id === input.requirementId)) {
    return invalid('REQUIREMENT_ID', `Requirement ${input.requirementId} already exists.`);
  }
  if (!isText(input.title, TEXT_LIMITS.title)) return invalid('TITLE', 'title must be 1-500 characters.');
  return checkActor(input);
}

export function checkRequirementChange(state: SopState, input: RequirementRef, to: 'CONFIRMED' | 'DROPPED'): RuleViolation | null {
  const requirement = state.requirements.find((r) => r.id === input?.requirementId);
  if (!requirement) return invalid('REQUIREMENT_ID', `Requirement ${String(input?.requirementId)} does not exist.`);
  if (requirement.status === to || requirement.status === 'DROPPED') {
    return { code: 'SOP_RULE_VIOLATION', rule: 'REQUIREMENT_STATUS', message: `Requirement ${requirement.id} is ${requirement.status}.` };
  }
  return checkActor(input);
}

export function checkValidationDayResults(state: SopState, input: ValidationDayResults): RuleViolation | null {
  if (!Array.isArray(input?.results)) return invalid('RESULTS', 'results must list every confirmed requirement.');
  const expected = confirmedRequirements(state).map((r) => r.id).sort();
  const given = input.results.map((r) => r?.requirementId).sort();
  if (JSON.stringify(expected) !== JSON.stringify(given)) {
    return invalid('RESULTS', `results must list each confirmed requirement once: ${expected.join(', ')}.`);
  }
  if (!input.results.every((r) => r.result === 'MET' || r.result === 'GAP')) return invalid('RESULTS', 'each result must be MET or GAP.');
  return checkActor(input);
}

export function checkReviewRound(state: SopState, input: ReviewRound): RuleViolation | null {
  if (!REVIEW_KINDS.includes(input?.kind)) return invalid('KIND', `kind must be one of ${REVIEW_KINDS.join(', ')}.`);
  if (!REVIEW_OUTCOMES.includes(input.outcome)) return invalid('OUTCOME', `outcome must be one of ${REVIEW_OUTCOMES.join(', ')}.`);
  if (!isText(input.feedback)) return invalid('FEEDBACK', 'feedback must not be empty.');
  if (!Array.isArray(input.clientAttendees) || !input.clientAttendees.every((a) => isText(a, TEXT_LIMITS.name))) {
    return invalid('CLIENT_ATTENDEES', 'clientAttendees must be a list of names.');
  }
  if (!Array.isArray(input.closesGapIds)) return invalid('CLOSES_GAP_IDS', 'closesGapIds must be a list.');
  const gaps = new Set(openGaps(state).map((r) => r.id));
  const unknown = input.closesGapIds.filter((id) => !gaps.has(id));
  if (unknown.length > 0) return invalid('CLOSES_GAP_IDS', `Not open validation gaps: ${unknown.join(', ')}.`);
  return checkActor(input);
}

export function checkChangeOrderRequest(state: SopState, input: ChangeOrderRequest): RuleViolation | null {
  if (!isId(input?.changeOrderId)) return invalid('CHANGE_ORDER_ID', 'changeOrderId must be 1-64 letters, digits, - or _.');
  if (state.changeOrders.some((o) => o.id === input.changeOrderId)) {
    return invalid('CHANGE_ORDER_ID', `Change order ${input.changeOrderId} already exists.`);
  }
  if (!CHANGE_ORDER_KINDS.includes(input.kind)) return invalid('KIND', `kind must be one of ${CHANGE_ORDER_KINDS.join(', ')}.`);
  if (!isText(input.reason)) return invalid('REASON', 'reason must not be empty.');
  if (!isMoney(input.amount)) {
    return invalid('AMOUNT', `amount must be a money amount from 0 to ${MAX_MONEY} with at most two decimals.`);
  }
  return checkActor(input);
}

export function checkCostRecord(input: CostRecord): RuleViolation | null {
  if (!isUuid(input?.costId)) return invalid('COST_ID', 'costId must be a UUID.');
  if (!COST_PHASES.includes(input.phase)) return invalid('PHASE', `phase must be one of ${COST_PHASES.join(', ')}.`);
  if (!isMoney(input.amount)) return invalid('AMOUNT', `amount must be a money amount from 0 to ${MAX_MONEY} with at most two decimals.`);
  if (input.note !== undefined && !isText(input.note)) return invalid('NOTE', 'note must be text of at most 4000 characters.');
  return checkActor(input);
}

export function checkChangeOrderDecision(state: SopState, input: ChangeOrderDecision): RuleViolation | null {
  const order = state.changeOrders.find((o) => o.id === input?.changeOrderId);
  if (!order) return invalid('CHANGE_ORDER_ID', `Change order ${String(input?.changeOrderId)} does not exist.`);
  if (order.status !== 'REQUESTED') {
    return { code: 'SOP_RULE_VIOLATION', rule: 'CHANGE_ORDER_STATUS', message: `Change order ${order.id} is already ${order.status}.` };
  }
  return checkActor(input);
}

export function checkStressTestStart(state: SopState, input: StressTestStart): RuleViolation | null {
  return isHttpUrl(input?.stagingUrl ?? state.stagingUrl) ? null : invalid('STAGING_URL', 'The stress test needs an http(s) staging URL.');
}

export function checkDeliveryAcceptance(input: DeliveryAcceptance): RuleViolation | null {
  if (input?.liveUrl !== undefined && !isHttpUrl(input.liveUrl)) return invalid('LIVE_URL', 'liveUrl must be an http(s) URL.');
  return checkReasons({ reason: input?.signedBy, actor: input?.actor });
}

export function checkServiceReview(input: ServiceReview): RuleViolation | null {
  if (!isValidNps(input?.npsScore)) return invalid('NPS_SCORE', 'npsScore must be a whole number from 0 to 10.');
  return checkActor(input);
}

export function checkReasons(input: { reasons?: unknown; reason?: unknown; actor?: string }): RuleViolation | null {
  const reasons = input?.reasons ?? [input?.reason];
  if (!Array.isArray(reasons) || reasons.length === 0 || !reasons.every((r) => isText(r))) {
    return invalid('REASON', 'a reason must be given.');
  }
  return checkActor(input);
}
