import type { ChangeOrderKind } from './changeOrder.js';
import type { CommunicationChannel } from './communicationRound.js';
import type { CostPhase } from './costShare.js';
import type { StressTestThresholds } from '../../catalog/domain/packagePolicy.js';
import type { ReviewKind, ReviewOutcome } from './reviewRound.js';
import type { SiteCheck } from './siteCheck.js';
import type { SopStage } from './sopStage.js';
import type { SopState } from './sopState.js';

/**
 * The project's timeline: one event per accepted action or system transition, each with
 * a details shape of its own. "Timeline event" is the one name for this concept, in the
 * workflow, the read model (`timeline_event`) and the API (`Project.timeline`).
 */
export interface TimelineDetailsByType {
  PROJECT_CREATED: { packageCode: string; addOnCodes: string[] };
  COMMUNICATION_ROUND_LOGGED: { round: number; channel: CommunicationChannel; summary: string; attendees: string[]; occurredAt: string };
  RESEARCH_SESSION_LOGGED: { session: number; topic: string; attendees: string[] };
  REQUIREMENT_ADDED: RequirementEventDetails;
  REQUIREMENT_CONFIRMED: RequirementEventDetails;
  REQUIREMENT_DROPPED: RequirementEventDetails;
  REQUIREMENTS_SIGNED_OFF: { note: string | null; communicationRounds: number; confirmedRequirements: number };
  VALIDATION_DAY_OPENED: null;
  VALIDATION_DAY_COMPLETED: { results: { requirementId: string; result: 'MET' | 'GAP'; note: string | null }[]; gaps: number };
  REVIEW_ROUND_SUBMITTED: {
    round: number;
    kind: ReviewKind;
    outcome: ReviewOutcome;
    feedback: string;
    clientAttendees: string[];
    closesGapIds: string[];
  };
  CHANGE_ORDER_REQUESTED: ChangeOrderEventDetails;
  CHANGE_ORDER_APPROVED: ChangeOrderEventDetails;
  CHANGE_ORDER_REJECTED: ChangeOrderEventDetails;
  STRESS_TEST_STARTED: { attempt: number; url: string; days: number; thresholds: StressTestThresholds };
  STRESS_TEST_PASSED: StressTestVerdictDetails;
  STRESS_TEST_FAILED: StressTestVerdictDetails;
  STRESS_TEST_ABORTED: { attempt: number };
  DELIVERY_ACCEPTED: { signedBy: string; note: string | null; liveUrl: string | null };
  DELIVERY_REJECTED: { reasons: string[] };
  MONITORING_ENDED: { months: number };
  SERVICE_REVIEW_OPENED: { dueInDays: number };
  SERVICE_REVIEW_REMINDER: { dueInDays: number };
  SERVICE_REVIEW_OVERDUE: null;
  SERVICE_REVIEW_SUBMITTED: { npsScore: number; comment: string | null };
  PROJECT_CLOSED: null;
  PROJECT_CANCELLED: { reason: string };
  COST_RECORDED: { costId: string; phase: CostPhase; amount: number; note: string | null };
}

export interface RequirementEventDetails {
  requirementId: string;
  title: string;
  reason: string | null;
}

export interface ChangeOrderEventDetails {
  changeOrderId: string;
  kind: ChangeOrderKind;
  reason: string;
  amount: number;
  note: string | null;
}

export interface StressTestVerdictDetails {
  attempt: number;
  passed: boolean;
  checks: number;
  failed: number;
  availability: number;
  errorRate: number;
  p95LatencyMs: number;
  /** Which thresholds were missed, in words. */
  failures: string[];
  /** The first failing checks, as evidence. */
  failedChecks: SiteCheck[];
}

export type TimelineEventType = keyof TimelineDetailsByType;

export const TIMELINE_EVENT_TYPES = [
  'PROJECT_CREATED',
  'COMMUNICATION_ROUND_LOGGED',
  'RESEARCH_SESSION_LOGGED',
  'REQUIREMENT_ADDED',
  'REQUIREMENT_CONFIRMED',
  'REQUIREMENT_DROPPED',
  'REQUIREMENTS_SIGNED_OFF',
  'VALIDATION_DAY_OPENED',
  'VALIDATION_DAY_COMPLETED',
  'REVIEW_ROUND_SUBMITTED',
  'CHANGE_ORDER_REQUESTED',
  'CHANGE_ORDER_APPROVED',
  'CHANGE_ORDER_REJECTED',
  'STRESS_TEST_STARTED',
  'STRESS_TEST_PASSED',
  'STRESS_TEST_FAILED',
  'STRESS_TEST_ABORTED',
  'DELIVERY_ACCEPTED',
  'DELIVERY_REJECTED',
  'MONITORING_ENDED',
  'SERVICE_REVIEW_OPENED',
  'SERVICE_REVIEW_REMINDER',
  'SERVICE_REVIEW_OVERDUE',
  'SERVICE_REVIEW_SUBMITTED',
  'PROJECT_CLOSED',
  'PROJECT_CANCELLED',
  'COST_RECORDED',
] as const satisfies readonly TimelineEventType[];

/** What one event says: its type with the details of that type (a discriminated union). */
export type TimelineEntry = { [T in TimelineEventType]: { type: T; details: TimelineDetailsByType[T] } }[TimelineEventType];

/**
 * One timeline event as the workflow hands it to the read model. `seq` orders the events
 * of one project and makes writing one idempotent; `state` is the workflow's state right
 * after the event, so the read model never has to recompute it.
 */
export type TimelineEvent = TimelineEntry & {
  projectId: string;
  seq: number;
  fromStage: SopStage;
  toStage: SopStage;
  actor: string;
  occurredAt: string;
  summary: string;
  state: SopState;
};

/** Fails the type-check when an event type is added above but not listed. */
export const _everyTimelineEventTypeListed: [Exclude<TimelineEventType, (typeof TIMELINE_EVENT_TYPES)[number]>] extends [never] ? true : never = true;

/** The failure type of a projection the read model refused for good (a data or constraint error). */
export const PROJECTION_REJECTED = 'PROJECTION_REJECTED';

/** Events about the agency's cost structure: only agency staff (ADMIN, LEAD) see them in a timeline. */
export const INTERNAL_TIMELINE_EVENT_TYPES: readonly TimelineEventType[] = ['COST_RECORDED'];
