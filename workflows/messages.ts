import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CommunicationRound } from '../src/domain/communicationRound.js';
import type { SopState } from '../src/domain/sopState.js';

/**
 * The messages of the project SOP workflow, shared by the workflow and its clients so
 * that names and payload types are written once.
 */

export const sopStateQuery = defineQuery<SopState>('state');

export const logCommunicationRoundUpdate = defineUpdate<SopState, [CommunicationRound]>('logCommunicationRound');

export interface RequirementsSignOff {
  actor: string;
  note?: string;
}

export const signOffRequirementsUpdate = defineUpdate<SopState, [RequirementsSignOff]>('signOffRequirements');
