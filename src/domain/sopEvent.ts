import type { SopStage } from './sopStage.js';
import type { SopState } from './sopState.js';

export const SOP_EVENT_TYPES = [
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
] as const;

export type SopEventType = (typeof SOP_EVENT_TYPES)[number];

/**
 * One entry of a project's timeline as the workflow hands it to the read model. `seq`
 * orders the events of one project and makes writing one idempotent; `state` is the
 * workflow's state right after the event, so the read model never has to recompute it.
 */
export interface SopEvent {
  projectId: string;
  seq: number;
  type: SopEventType;
  fromStage: SopStage;
  toStage: SopStage;
  actor: string;
  occurredAt: string;
  summary: string;
  details: Record<string, unknown>;
  state: SopState;
}
