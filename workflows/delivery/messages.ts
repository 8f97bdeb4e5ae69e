import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SopAction, SopTransitionInput } from '../../src/delivery/domain/sopMachine.js';
import type { SopState } from '../../src/delivery/domain/sopState.js';

/**
 * The messages of the project SOP workflow, shared by the workflow and its clients so
 * that names and payload types are written once. Every lead action of the SOP table is
 * an update of the same name that returns the state after it.
 */
export const sopStateQuery = defineQuery<SopState>('state');

export const sopActionUpdate = <A extends SopAction>(action: A) => defineUpdate<SopState, [SopTransitionInput<A>]>(action);
