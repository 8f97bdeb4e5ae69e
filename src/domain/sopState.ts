import type { SopStage } from './sopStage.js';

/** The SOP progress of one project, held by its workflow and returned by its `state` query. */
export interface SopState {
  stage: SopStage;
  communicationRounds: number;
  /** Sequence number of the last timeline event; the read model applies events in this order. */
  lastEventSeq: number;
}

export function initialSopState(): SopState {
  return { stage: 'REQUIREMENTS', communicationRounds: 0, lastEventSeq: 0 };
}
