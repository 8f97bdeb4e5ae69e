import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CommunicationRound } from '../src/domain/communicationRound.js';
import type { ReviewRound } from '../src/domain/reviewRound.js';
import type {
  Cancellation,
  ChangeOrderDecision,
  ChangeOrderRequest,
  DeliveryAcceptance,
  DeliveryRejection,
  NewRequirement,
  RequirementRef,
  ResearchSession,
  ServiceReview,
  StressTestStart,
  ValidationDayResults,
  Actor,
} from '../src/domain/sopInputs.js';
import type { SopState } from '../src/domain/sopState.js';

/**
 * The messages of the project SOP workflow, shared by the workflow and its clients so
 * that names and payload types are written once. Every lead action is an update that
 * returns the state after it.
 */

export const sopStateQuery = defineQuery<SopState>('state');

export interface RequirementsSignOff {
  actor: string;
  note?: string;
}

export const logCommunicationRoundUpdate = defineUpdate<SopState, [CommunicationRound]>('logCommunicationRound');
export const logResearchSessionUpdate = defineUpdate<SopState, [ResearchSession]>('logResearchSession');
export const addRequirementUpdate = defineUpdate<SopState, [NewRequirement]>('addRequirement');
export const confirmRequirementUpdate = defineUpdate<SopState, [RequirementRef]>('confirmRequirement');
export const dropRequirementUpdate = defineUpdate<SopState, [RequirementRef]>('dropRequirement');
export const signOffRequirementsUpdate = defineUpdate<SopState, [RequirementsSignOff]>('signOffRequirements');
export const completeValidationDayUpdate = defineUpdate<SopState, [ValidationDayResults]>('completeValidationDay');
export const submitReviewRoundUpdate = defineUpdate<SopState, [ReviewRound]>('submitReviewRound');
export const startStressTestUpdate = defineUpdate<SopState, [StressTestStart]>('startStressTest');
export const abortStressTestUpdate = defineUpdate<SopState, [Actor]>('abortStressTest');
export const acceptDeliveryUpdate = defineUpdate<SopState, [DeliveryAcceptance]>('acceptDelivery');
export const rejectDeliveryUpdate = defineUpdate<SopState, [DeliveryRejection]>('rejectDelivery');
export const submitServiceReviewUpdate = defineUpdate<SopState, [ServiceReview]>('submitServiceReview');
export const requestChangeOrderUpdate = defineUpdate<SopState, [ChangeOrderRequest]>('requestChangeOrder');
export const approveChangeOrderUpdate = defineUpdate<SopState, [ChangeOrderDecision]>('approveChangeOrder');
export const rejectChangeOrderUpdate = defineUpdate<SopState, [ChangeOrderDecision]>('rejectChangeOrder');
export const cancelProjectUpdate = defineUpdate<SopState, [Cancellation]>('cancelProject');
