import type { MonitoringStatus, ServiceReviewStatus } from './aftercare.js';
import type { ChangeOrderState } from './changeOrder.js';
import type { RequirementState } from './requirement.js';
import type { SopStage } from './sopStage.js';

export const VALIDATION_DAY_STATUSES = ['NOT_APPLICABLE', 'PENDING', 'OPEN', 'DONE'] as const;
export type ValidationDayStatus = (typeof VALIDATION_DAY_STATUSES)[number];

export const STRESS_TEST_STATUSES = ['NOT_STARTED', 'RUNNING', 'PASSED', 'FAILED', 'ABORTED'] as const;
export type StressTestStatus = (typeof STRESS_TEST_STATUSES)[number];

/** The SOP progress of one project, held by its workflow and returned by its `state` query. */
export interface SopState {
  stage: SopStage;
  communicationRounds: number;
  researchSessions: number;
  requirements: RequirementState[];
  changeOrders: ChangeOrderState[];
  reviewRounds: number;
  /** Approved rounds that count towards the minimum (on-site only, where the policy says so). */
  approvedReviewRounds: number;
  iterationRoundsUsed: number;
  validationDay: ValidationDayStatus;
  /** When the validation day opens (ISO), once development has started. */
  validationDayOpensAt: string | null;
  stressTest: StressTestStatus;
  stressTestAttempts: number;
  monitoring: MonitoringStatus;
  serviceReview: ServiceReviewStatus;
  /** When after-care started (ISO): the review and monitoring schedules count from here. */
  aftercareStartedAt: string | null;
  /** Where the stress test probes; set at creation or when the stress test starts. */
  stagingUrl: string | null;
  /** Where after-care monitoring probes; set when delivery is accepted (else the staging URL). */
  liveUrl: string | null;
  npsScore: number | null;
  cancelReason: string | null;
  /** Sequence number of the last timeline event; the read model applies events in this order. */
  lastEventSeq: number;
}

export function initialSopState(): SopState {
  return {
    stage: 'REQUIREMENTS',
    communicationRounds: 0,
    researchSessions: 0,
    requirements: [],
    changeOrders: [],
    reviewRounds: 0,
    approvedReviewRounds: 0,
    iterationRoundsUsed: 0,
    validationDay: 'PENDING',
    validationDayOpensAt: null,
    stressTest: 'NOT_STARTED',
    stressTestAttempts: 0,
    monitoring: 'NOT_STARTED',
    serviceReview: 'NOT_DUE',
    aftercareStartedAt: null,
    stagingUrl: null,
    liveUrl: null,
    npsScore: null,
    cancelReason: null,
    lastEventSeq: 0,
  };
}

/**
 * A state from an older run (continue-as-new input or an old history) with the fields
 * added since filled in, so a workflow started before a field existed keeps working.
 */
export function upgradeSopState(state: Partial<SopState> & Pick<SopState, 'stage'>): SopState {
  return { ...initialSopState(), ...state };
}

export const openGaps = (state: SopState) =>
  state.requirements.filter((r) => r.status === 'CONFIRMED' && r.validation === 'GAP');

export const confirmedRequirements = (state: SopState) => state.requirements.filter((r) => r.status === 'CONFIRMED');

/** A deep copy (the state is plain JSON); workflow code has no structuredClone. */
export const cloneSopState = (state: SopState): SopState => JSON.parse(JSON.stringify(state)) as SopState;
