import type { SopStage } from './sopStage.js';
import type { SopState } from './sopState.js';

export const SOP_EVENT_TYPES = ['PROJECT_CREATED', 'COMMUNICATION_ROUND_LOGGED', 'REQUIREMENTS_SIGNED_OFF'] as const;

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
