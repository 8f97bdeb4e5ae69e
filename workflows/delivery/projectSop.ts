import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  defineUpdate,
  executeChild,
  isCancellation,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { followClientTier } from '../clientTier.js';
import type { PackagePolicy } from '../../src/catalog/domain/packagePolicy.js';
import type { ProjectRecordActivities } from '../../src/delivery/activities/projectRecords.js';
import type { TimelineProjectionActivities } from '../../src/delivery/activities/timelineProjection.js';
import { monitoringMonths, serviceReviewSchedule } from '../../src/delivery/domain/aftercare.js';
import type { ProjectRecord } from '../../src/delivery/domain/projectRecord.js';
import { capsOf } from '../../src/delivery/domain/changeOrder.js';
import type { RuleViolation } from '../../src/delivery/domain/ruleViolation.js';
import {
  checkTransition,
  SOP_ACTIONS,
  transitionOf,
  type MachineContext,
  type SopTransitionInput,
  type SopTransitionName,
} from '../../src/delivery/domain/sopMachine.js';
import { DAY_MS, msUntil } from '../../src/delivery/domain/sopClock.js';
import { isTerminalStage, type SopStage } from '../../src/delivery/domain/sopStage.js';
import { cloneSopState, confirmedRequirements, initialSopState, openGaps, upgradeSopState, type SopState } from '../../src/delivery/domain/sopState.js';
import { PROJECTION_REJECTED, type TimelineEvent } from '../../src/delivery/domain/timelineEvent.js';
import { SopStageKey } from '../searchAttributes.js';
import { aftercareMonitoring } from './aftercareMonitoring.js';
import { sopActionUpdate, sopStateQuery } from './messages.js';
import { stressTest } from './stressTest.js';

export interface ProjectSopInput {
  projectId: string;
  /** The package policy with the project's add-ons applied, fixed when the project starts. */
  policy: PackagePolicy;
  stagingUrl?: string | null;
  /** Length of an SOP day in ms: a real day unless a demo runs the SOP faster. */
  dayMs?: number;
  /** Carried over by continue-as-new; absent on the first run. */
  state?: SopState;
  /**
   * The project's row, which the first run writes as its first step (projects created
   * since rows come from their workflow); absent for projects whose row the API wrote.
   */
  record?: ProjectRecord;
}

/**
 * Answers once the project's row is in the read model (at once for projects whose row the
 * API wrote): createProject waits on it, and so does every retry of it.
 */
export const projectRecordedUpdate = defineUpdate<void>('projectRecorded');

const projection = proxyActivities<TimelineProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  summary: 'Write the timeline event to the read model',
});

/**
 * The same writes (timeline events and the new project's row) as local activities: they
 * run in the worker that handles the workflow task, inside it, and only their result is
 * recorded (a marker), so an action costs one workflow task instead of two plus an
 * activity task (issue 11: about 1.5x the actions per second). Their retries stay in the
 * worker, bounded by `scheduleToCloseTimeout`; past that, `writeLocallyFirst` hands the write to the regular
 * activity, whose retries the server keeps for as long as Postgres is away. If the worker
 * dies before the task completes, the task runs again elsewhere and so does the write
 * (both are idempotent), an event possibly for another update at the same seq: the
 * projection then keeps the newest write of each seq (timelineProjection.ts).
 */
const localReadModel = proxyLocalActivities<TimelineProjectionActivities & ProjectRecordActivities>({
  startToCloseTimeout: '5 seconds',
  scheduleToCloseTimeout: '20 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '5 seconds' },
  summary: 'Write to the read model',
});

const records = proxyActivities<ProjectRecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  summary: 'Write the new project to the read model',
});

/**
 * The failure by which the read model refused a write for good (not worth retrying), if
 * that is why an activity failed: a regular activity's comes as the cause of an
 * ActivityFailure, a local activity's as it is.
 */
function projectionRejection(error: unknown): ApplicationFailure | undefined {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  return failure instanceof ApplicationFailure && failure.type === PROJECTION_REJECTED ? failure : undefined;
}

/** A read-model write as a local activity, and as the regular one if the local one did not succeed in time; a refusal for good is final. */
async function writeLocallyFirst<I>(local: (input: I) => Promise<void>, regular: (input: I) => Promise<void>, input: I): Promise<void> {
  try {
    await local(input);
  } catch (error) {
    if (projectionRejection(error)) throw error;
    log.warn('A read-model write did not succeed in time as a local activity; retrying it as a regular activity', { error: String(error) });
    await regular(input);
  }
}

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
  const dayMs = input.dayMs ?? DAY_MS;
  const state: SopState = input.state ? upgradeSopState(input.state) : { ...initialSopState(), stagingUrl: input.stagingUrl ?? null };
  const workflowId = workflowInfo().workflowId;
  // Scopes of running child workflows, so cancellation and aborts can stop them.
  let stressTestScope: CancellationScope | undefined;
  let aftercareScope: CancellationScope | undefined;

  // Runs started before the ITERATION_OVERDRAFT gate keep the rules they started with, so their histories replay.
  const iterationOverdraftGate = patched('iteration-overdraft-gate');
  const machine = (): MachineContext => ({ state, policy, now: Date.now(), dayMs, iterationOverdraftGate });

  const describe = () => {
    const caps = capsOf(policy, state.changeOrders);
    setCurrentDetails(
      [
        `**Stage:** ${state.stage}`,
        `**Requirements:** ${state.communicationRounds} of ${policy.minCommunicationRounds} communication rounds, ` +
          `${state.researchSessions} of ${caps.researchSessions} research sessions, ${confirmedRequirements(state).length} confirmed`,
        `**Development:** ${state.approvedReviewRounds} of ${policy.minReviewRounds} approved reviews, ` +
          `${state.iterationRoundsUsed} of ${caps.iterationRounds} iteration rounds, validation day ${state.validationDay}, ${openGaps(state).length} open gaps`,
        `**Stress test:** ${state.stressTest} (attempts: ${state.stressTestAttempts})`,
        `**After-care:** monitoring ${state.monitoring}, service review ${state.serviceReview}${state.npsScore === null ? '' : ` (NPS ${state.npsScore})`}`,
      ].join('\n\n'),
    );
  };

  /** What leaving a stage by a lead's action stops: that stage's running child workflow. */
  const stopChildrenOf = (from: SopStage) => {
    if (from === 'STRESS_TEST') stressTestScope?.cancel();
    if (from === 'AFTERCARE') aftercareScope?.cancel();
  };

  /** The event a transition writes to the timeline. */
  const eventOf = (type: TimelineEvent['type'], from: SopStage, actor: string, summary: string, details: unknown) =>
    ({
      projectId: input.projectId,
      seq: state.lastEventSeq,
      type,
      fromStage: from,
      toStage: state.stage,
      actor,
      occurredAt: new Date().toISOString(),
      summary,
      details,
      state: cloneSopState(state),
    }) as TimelineEvent;

  /** Applies a transition's effect and sets the stage the table names: the one place the stage changes. */
  const applyTransition = (name: SopTransitionName, transitionInput: unknown) => {
    const rule = transitionOf(name);
    const from = state.stage;
    const { summary, details } = rule.apply(state, transitionInput, machine());
    state.stage = rule.to ?? from;
    return { rule, from, summary, details };
  };

  /**
   * Moves the project through one transition of the SOP table, the way the first shipped
   * workflows did: applies its effect, sets the stage the table names, stops the children
   * of a stage a lead leaves, then records the event. Kept for histories recorded before
   * transitions became atomic (see `atomicTransition`).
   */
  const legacyTransition = async (name: SopTransitionName, transitionInput: unknown, actor: string) => {
    const { rule, from, summary, details } = applyTransition(name, transitionInput);
    if (rule.by === 'lead' && state.stage !== from) stopChildrenOf(from);
    state.lastEventSeq += 1;
    if (from !== state.stage) upsertSearchAttributes([{ key: SopStageKey, value: state.stage }]);
    describe();
    const event = eventOf(rule.event, from, actor, summary, details);
    await (patched('timeline-event-activity') ? projection.recordTimelineEvent(event) : projection.recordSopEvent(event));
  };

  /**
   * Writes a transition's event to the read model before the update answers. Workflows
   * that recorded events before the local activity existed replay the regular activity.
   */
  const recordEvent = (event: TimelineEvent): Promise<void> =>
    patched('projection-local-activity')
      ? writeLocallyFirst(localReadModel.recordTimelineEvent, projection.recordTimelineEvent, event)
      : projection.recordTimelineEvent(event);

  // One transition at a time: each sees the state the one before it left, and an undone one leaves no trace.
  let transitionRunning = false;

  /**
   * Moves the project through one transition of the SOP table, atomically: waits its turn,
   * checks the rules again on the state it now sees, applies the effect, sets the stage
   * the table names (the one place the stage changes), and records the event. If the
   * read model refuses the event for good, the state is put back exactly as it was and
   * the transition fails with PROJECTION_REJECTED; the project keeps accepting actions.
   * Child workflows of a stage a lead leaves are stopped only once the event is recorded.
   */
  const atomicTransition = async (name: SopTransitionName, transitionInput: unknown, actor: string): Promise<boolean> => {
    while (transitionRunning) await condition(() => !transitionRunning);
    transitionRunning = true;
    try {
      const violation = checkTransition(name, transitionInput, machine());
      if (violation) {
        if (transitionOf(name).by === 'system') return false;
        refuse(violation);
      }
      const before = cloneSopState(state);
      const { rule, from, summary, details } = applyTransition(name, transitionInput);
      state.lastEventSeq += 1;
      if (from !== state.stage) upsertSearchAttributes([{ key: SopStageKey, value: state.stage }]);
      describe();
      try {
        await recordEvent(eventOf(rule.event, from, actor, summary, details));
      } catch (error) {
        const rejection = projectionRejection(error);
        if (!rejection) throw error;
        Object.assign(state, before);
        if (from !== before.stage || state.stage !== from) upsertSearchAttributes([{ key: SopStageKey, value: state.stage }]);
        describe();
        log.error('The read model refused a timeline event; the transition was undone', { transition: name, sqlState: rejection.details?.[0] });
        if (rule.by === 'system') return false;
        throw ApplicationFailure.create({
          type: PROJECTION_REJECTED,
          message: `${name} was not applied: the read model refused its event. Nothing changed; check the input and try again.`,
          nonRetryable: true,
        });
      }
      if (rule.by === 'lead' && state.stage !== from) stopChildrenOf(from);
      return true;
    } finally {
      transitionRunning = false;
    }
  };

  /** Takes a transition; workflows started before transitions became atomic replay the old way. */
  const transition = async (name: SopTransitionName, transitionInput: unknown, actor: string): Promise<boolean> => {
    if (patched('atomic-transitions')) return atomicTransition(name, transitionInput, actor);
    if (transitionOf(name).by === 'system' && checkTransition(name, transitionInput, machine()) !== null) return false;
    await legacyTransition(name, transitionInput, actor);
    return true;
  };

  setHandler(sopStateQuery, () => state);
  followClientTier();

  // Every lead action of the table is an update: the validator asks the table, the handler takes the transition.
  for (const action of SOP_ACTIONS) {
    setHandler(
      sopActionUpdate(action),
      async (payload) => {
        await transition(action, payload, payload.actor);
        return cloneSopState(state);
      },
      { validator: (payload) => refuse(checkTransition(action, payload, machine())) },
    );
  }

  /** Takes a system transition when the table allows it now; false when the project has moved on. */
  const system = <N extends SopTransitionName>(name: N, transitionInput: SopTransitionInput<N>): Promise<boolean> => transition(name, transitionInput, 'system');

  /** Waits until the stage changes (or a fresh run is due); the updates do the moving. */
  const stageChangedFrom = (stage: SopStage) => condition(() => state.stage !== stage || workflowInfo().continueAsNewSuggested);

  const developmentPhase = async () => {
    // Workflows that reached development before the validation day existed have no timer to replay.
    if (state.validationDay === 'PENDING' && state.validationDayOpensAt && patched('validation-day-timer')) {
      const left = await condition(() => state.stage !== 'DEVELOPMENT', msUntil(state.validationDayOpensAt, 0, dayMs, Date.now()));
      if (left) return;
      await system('validationDayOpened', undefined);
    }
    await stageChangedFrom('DEVELOPMENT');
  };

  const stressTestPhase = async () => {
    const attempt = state.stressTestAttempts;
    stressTestScope = new CancellationScope();
    try {
      const verdict = await stressTestScope.run(() =>
        executeChild(stressTest, {
          workflowId: `${workflowId}-stress-test-${attempt}`,
          args: [{ projectId: input.projectId, attempt, url: state.stagingUrl!, days: policy.stressTestDays, dayMs, thresholds: policy.stressTestThresholds }],
          staticSummary: `Stress test ${attempt} of project ${input.projectId}`,
        }),
      );
      await system(verdict.passed ? 'stressTestPassed' : 'stressTestFailed', { attempt, verdict });
    } catch (error) {
      if (!isCancellation(error)) throw error;
      // Aborted or cancelled: the update that did it has recorded why.
    } finally {
      stressTestScope = undefined;
    }
  };

  const serviceReviewPhase = async () => {
    const started = state.aftercareStartedAt!;
    const schedule = serviceReviewSchedule(policy.serviceReviewWithinDays);
    const inAftercare = () => state.stage === 'AFTERCARE';
    const until = (days: number) => msUntil(started, days, dayMs, Date.now());
    if (state.serviceReview === 'NOT_DUE') {
      if (await condition(() => !inAftercare(), until(schedule.opensAfterDays))) return;
      await system('serviceReviewOpened', undefined);
    }
    const done = () => state.serviceReview === 'DONE' || !inAftercare();
    if (!(await condition(done, until(schedule.reminderAfterDays)))) await system('serviceReviewReminder', undefined);
    if (!(await condition(done, until(schedule.dueAfterDays)))) await system('serviceReviewOverdue', undefined);
    await condition(done);
  };

  const monitoringPhase = async () => {
    if (state.monitoring !== 'RUNNING') return;
    aftercareScope = new CancellationScope();
    try {
      await aftercareScope.run(() =>
        executeChild(aftercareMonitoring, {
          workflowId: `${workflowId}-monitoring`,
          args: [{ projectId: input.projectId, url: state.liveUrl, months: monitoringMonths(policy), dayMs, month: 1 }],
          staticSummary: `After-care monitoring of project ${input.projectId}`,
        }),
      );
    } catch (error) {
      if (isCancellation(error)) return;
      throw error;
    } finally {
      aftercareScope = undefined;
    }
    await system('monitoringEnded', undefined);
  };

  const aftercarePhase = async () => {
    await Promise.all([monitoringPhase(), serviceReviewPhase()]);
    await system('projectClosed', undefined);
  };

  // The project's row comes from its workflow: the API starts the workflow (the one atomic
  // step), and this first activity writes the row idempotently. A crash anywhere in
  // between leaves a workflow that writes its row when it runs, never a row without one.
  // Decided before the handler is set: an update that came with the start runs as soon as it is.
  const writesRow = input.record !== undefined && !input.state && patched('project-row-from-workflow');
  let recorded = !writesRow;
  let recordRefused: ApplicationFailure | undefined;
  setHandler(projectRecordedUpdate, async () => {
    await condition(() => recorded || recordRefused !== undefined);
    if (recordRefused) throw recordRefused;
  });
  if (writesRow && input.record) {
    try {
      const row = { ...input.record, workflowId, policy, state: cloneSopState(state) };
      // Projects started before the local activity replay the regular one.
      await (patched('project-row-local-activity') ? writeLocallyFirst(localReadModel.recordProjectCreated, records.recordProjectCreated, row) : records.recordProjectCreated(row));
      recorded = true;
    } catch (error) {
      if (!projectionRejection(error)) throw error;
      // Nothing was written: the workflow ends failed, so a retry of createProject may start it afresh.
      recordRefused = ApplicationFailure.create({
        type: PROJECTION_REJECTED,
        message: `Project ${input.projectId} was not created: the read model refused it. Nothing was written; check the input and try again.`,
        nonRetryable: true,
      });
      await condition(allHandlersFinished);
      throw recordRefused;
    }
  }

  describe();
  while (!isTerminalStage(state.stage)) {
    const current = state.stage;
    if (current === 'DEVELOPMENT') await developmentPhase();
    else if (current === 'STRESS_TEST') await stressTestPhase();
    else if (current === 'AFTERCARE') await aftercarePhase();
    else await stageChangedFrom(current);
    // Between phases no child runs: a safe point to start a fresh history when it grows long.
    if (!isTerminalStage(state.stage) && state.stage !== 'STRESS_TEST' && state.stage !== 'AFTERCARE' && workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof projectSop>({ ...input, state });
    }
  }
  // Let accepted updates finish writing their projection before the run ends.
  await condition(allHandlersFinished);
  return state;
}

