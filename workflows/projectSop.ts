import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { ProjectionActivities } from '../src/activities/projection.js';
import type { ClientTier } from '../src/domain/clientTier.js';
import { checkCommunicationRound } from '../src/domain/communicationRound.js';
import type { PackagePolicy } from '../src/domain/packagePolicy.js';
import type { RuleViolation } from '../src/domain/ruleViolation.js';
import { checkSopAction, type SopAction } from '../src/domain/sopActions.js';
import type { SopEventType } from '../src/domain/sopEvent.js';
import { isTerminalStage } from '../src/domain/sopStage.js';
import { initialSopState, type SopState } from '../src/domain/sopState.js';
import { logCommunicationRoundUpdate, signOffRequirementsUpdate, sopStateQuery } from './messages.js';
import { SopStageKey } from './searchAttributes.js';

export interface ProjectSopInput {
  projectId: string;
  packageCode: string;
  clientTier: ClientTier;
  projectLead: string;
  /** The package policy with the project's add-ons applied, fixed when the project starts. */
  policy: PackagePolicy;
  /** Carried over by continue-as-new; absent on the first run. */
  state?: SopState;
}

const { recordSopEvent } = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  summary: 'Write the timeline event to the read model',
});

/** Refuses an update in its validator, so the refusal never reaches the history. */
function refuse(violation: RuleViolation | null): void {
  if (!violation) return;
  throw ApplicationFailure.create({
    type: violation.code,
    message: violation.message,
    details: [violation],
    nonRetryable: true,
  });
}

/** One project's delivery SOP: the source of truth for its stage and the gates between stages. */
export async function projectSop(input: ProjectSopInput): Promise<SopState> {
  const { policy } = input;
  const state: SopState = input.state ?? initialSopState();

  const gate = (action: SopAction) => refuse(checkSopAction(action, { state, policy }));

  const describe = () => {
    const rounds = `${state.communicationRounds} of ${policy.minCommunicationRounds} communication rounds`;
    setCurrentDetails(`**Stage:** ${state.stage}\n\n**Requirements:** ${rounds}`);
  };

  /**
   * Records an accepted action: takes the next sequence number synchronously (so a
   * concurrent update sees it), then waits until the read model has the event, so the
   * mutation that sent the update already reads its own write.
   */
  const record = async (type: SopEventType, fromStage: SopState['stage'], actor: string, summary: string, details: Record<string, unknown>) => {
    state.lastEventSeq += 1;
    if (fromStage !== state.stage) upsertSearchAttributes([{ key: SopStageKey, value: state.stage }]);
    describe();
    await recordSopEvent({
      projectId: input.projectId,
      seq: state.lastEventSeq,
      type,
      fromStage,
      toStage: state.stage,
      actor,
      occurredAt: new Date().toISOString(),
      summary,
      details,
      state: { ...state },
    });
  };

  setHandler(sopStateQuery, () => state);

  setHandler(
    logCommunicationRoundUpdate,
    async (round) => {
      state.communicationRounds += 1;
      await record(
        'COMMUNICATION_ROUND_LOGGED',
        state.stage,
        round.actor,
        `Communication round ${state.communicationRounds} (${round.channel}) logged`,
        { ...round },
      );
      return { ...state };
    },
    {
      validator: (round) => {
        refuse(checkCommunicationRound(round, new Date()));
        gate('logCommunicationRound');
      },
    },
  );

  setHandler(
    signOffRequirementsUpdate,
    async (signOff) => {
      const from = state.stage;
      state.stage = 'DEVELOPMENT';
      await record('REQUIREMENTS_SIGNED_OFF', from, signOff.actor, 'Requirements signed off', { note: signOff.note ?? null });
      return { ...state };
    },
    {
      validator: (signOff) => {
        if (typeof signOff?.actor !== 'string' || signOff.actor.trim() === '') {
          refuse({ code: 'INVALID_INPUT', rule: 'ACTOR', message: 'actor must name who signs off.' });
        }
        gate('signOffRequirements');
      },
    },
  );

  describe();
  await condition(() => isTerminalStage(state.stage) || workflowInfo().continueAsNewSuggested);
  // Let accepted updates finish writing their projection before the run ends.
  await condition(allHandlersFinished);
  if (!isTerminalStage(state.stage)) {
    await continueAsNew<typeof projectSop>({ ...input, state });
  }
  return state;
}
