import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  executeChild,
  isCancellation,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { ProjectionActivities } from '../src/activities/projection.js';
import { monitoringMonths, serviceReviewSchedule } from '../src/domain/aftercare.js';
import { capsOf } from '../src/domain/changeOrder.js';
import type { ClientTier } from '../src/domain/clientTier.js';
import { checkCommunicationRound } from '../src/domain/communicationRound.js';
import type { PackagePolicy } from '../src/domain/packagePolicy.js';
import type { RuleViolation } from '../src/domain/ruleViolation.js';
import { checkSopAction, type SopAction } from '../src/domain/sopActions.js';
import { DAY_MS, isoAfterDays, msUntil } from '../src/domain/sopClock.js';
import type { SopEventType } from '../src/domain/sopEvent.js';
import {
  checkActor,
  checkChangeOrderDecision,
  checkChangeOrderRequest,
  checkNewRequirement,
  checkReasons,
  checkRequirementChange,
  checkResearchSession,
  checkReviewRound,
  checkServiceReview,
  checkValidationDayResults,
  isHttpUrl,
} from '../src/domain/sopInputs.js';
import { isTerminalStage, type SopStage } from '../src/domain/sopStage.js';
import { cloneSopState, confirmedRequirements, initialSopState, openGaps, upgradeSopState, type SopState } from '../src/domain/sopState.js';
import { aftercareMonitoring } from './aftercareMonitoring.js';
import * as messages from './messages.js';
import { SopStageKey } from './searchAttributes.js';
import { stressTest } from './stressTest.js';

export interface ProjectSopInput {
  projectId: string;
  packageCode: string;
  clientTier: ClientTier;
  projectLead: string;
  /** The package policy with the project's add-ons applied, fixed when the project starts. */
  policy: PackagePolicy;
  stagingUrl?: string | null;
  /** Length of an SOP day in ms: a real day unless a demo runs the SOP faster. */
  dayMs?: number;
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
  const dayMs = input.dayMs ?? DAY_MS;
  const state: SopState = input.state ? upgradeSopState(input.state) : { ...initialSopState(), stagingUrl: input.stagingUrl ?? null };
  const workflowId = workflowInfo().workflowId;
  // Scopes of running child workflows, so cancellation and aborts can stop them.
  let stressTestScope: CancellationScope | undefined;
  let aftercareScope: CancellationScope | undefined;

  const gate = (action: SopAction) => refuse(checkSopAction(action, { state, policy }));

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

  /**
   * Records an accepted change: takes the next sequence number synchronously (so a
   * concurrent update sees it), then waits until the read model has the event, so the
   * mutation that sent the update already reads its own write.
   */
  const record = async (type: SopEventType, fromStage: SopStage, actor: string, summary: string, details: object = {}) => {
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
      details: { ...details },
      state: cloneSopState(state),
    });
  };

  /** Registers a lead action: the validator checks the payload and the SOP table, the handler applies it. */
  function action<T extends { actor: string }>(
    update: UpdateDefinition<SopState, [T]>,
    name: SopAction,
    check: (payload: T) => RuleViolation | null,
    apply: (payload: T) => Promise<void>,
  ) {
    setHandler(
      update,
      async (payload: T) => {
        await apply(payload);
        return cloneSopState(state);
      },
      {
        validator: (payload: T) => {
          refuse(checkActor(payload));
          gate(name);
          refuse(check(payload));
        },
      },
    );
  }

  setHandler(messages.sopStateQuery, () => state);

  // Requirements
  action(messages.logCommunicationRoundUpdate, 'logCommunicationRound', (round) => checkCommunicationRound(round, new Date()), async (round) => {
    state.communicationRounds += 1;
    await record('COMMUNICATION_ROUND_LOGGED', state.stage, round.actor, `Communication round ${state.communicationRounds} (${round.channel}) logged`, round);
  });

  action(messages.logResearchSessionUpdate, 'logResearchSession', checkResearchSession, async (session) => {
    state.researchSessions += 1;
    await record('RESEARCH_SESSION_LOGGED', state.stage, session.actor, `Research session ${state.researchSessions}: ${session.topic}`, session);
  });

  action(messages.addRequirementUpdate, 'addRequirement', (r) => checkNewRequirement(state, r), async (r) => {
    state.requirements.push({ id: r.requirementId, title: r.title.trim(), status: 'PROPOSED', validation: 'UNCHECKED' });
    await record('REQUIREMENT_ADDED', state.stage, r.actor, `Requirement added: ${r.title.trim()}`, r);
  });

  for (const [update, name, status, type] of [
    [messages.confirmRequirementUpdate, 'confirmRequirement', 'CONFIRMED', 'REQUIREMENT_CONFIRMED'],
    [messages.dropRequirementUpdate, 'dropRequirement', 'DROPPED', 'REQUIREMENT_DROPPED'],
  ] as const) {
    action(update, name, (ref) => checkRequirementChange(state, ref, status), async (ref) => {
      const requirement = state.requirements.find((r) => r.id === ref.requirementId)!;
      requirement.status = status;
      await record(type, state.stage, ref.actor, `Requirement ${status.toLowerCase()}: ${requirement.title}`, ref);
    });
  }

  action(messages.signOffRequirementsUpdate, 'signOffRequirements', () => null, async (signOff) => {
    const from = state.stage;
    state.stage = 'DEVELOPMENT';
    if (policy.validationDayOffsetDays === null) {
      state.validationDay = 'NOT_APPLICABLE';
    } else {
      state.validationDayOpensAt = isoAfterDays(Date.now(), policy.validationDayOffsetDays, dayMs);
    }
    await record('REQUIREMENTS_SIGNED_OFF', from, signOff.actor, 'Requirements signed off', { note: signOff.note ?? null });
  });

  // Development
  action(messages.completeValidationDayUpdate, 'completeValidationDay', (results) => checkValidationDayResults(state, results), async (results) => {
    for (const { requirementId, result } of results.results) {
      state.requirements.find((r) => r.id === requirementId)!.validation = result;
    }
    state.validationDay = 'DONE';
    const gaps = results.results.filter((r) => r.result === 'GAP').length;
    await record('VALIDATION_DAY_COMPLETED', state.stage, results.actor, `Validation day completed: ${gaps} gap(s)`, results);
  });

  action(
    messages.submitReviewRoundUpdate,
    'submitReviewRound',
    (round) => {
      const invalid = checkReviewRound(state, round);
      if (invalid || round.outcome !== 'CHANGES_REQUESTED') return invalid;
      const cap = capsOf(policy, state.changeOrders).iterationRounds;
      if (state.iterationRoundsUsed < cap) return null;
      return {
        code: 'SOP_RULE_VIOLATION',
        rule: 'ITERATION_ROUND_CAP',
        message: `All ${cap} included iteration rounds are used (${state.iterationRoundsUsed} of ${cap}); another one needs an approved EXTRA_ITERATION change order.`,
        required: cap,
        actual: state.iterationRoundsUsed,
      };
    },
    async (round) => {
      state.reviewRounds += 1;
      if (round.outcome === 'CHANGES_REQUESTED') state.iterationRoundsUsed += 1;
      if (round.outcome === 'APPROVED' && (!policy.requireOnSiteReviews || round.kind === 'ON_SITE')) state.approvedReviewRounds += 1;
      for (const id of round.closesGapIds) state.requirements.find((r) => r.id === id)!.validation = 'MET';
      await record('REVIEW_ROUND_SUBMITTED', state.stage, round.actor, `Review round ${state.reviewRounds} (${round.kind}): ${round.outcome}`, round);
    },
  );

  // Stress test
  action(
    messages.startStressTestUpdate,
    'startStressTest',
    (start) => (isHttpUrl(start.stagingUrl ?? state.stagingUrl) ? null : { code: 'INVALID_INPUT', rule: 'STAGING_URL', message: 'The stress test needs an http(s) staging URL.' }),
    async (start) => {
      const from = state.stage;
      state.stagingUrl = start.stagingUrl ?? state.stagingUrl;
      state.stage = 'STRESS_TEST';
      state.stressTest = 'RUNNING';
      state.stressTestAttempts += 1;
      await record('STRESS_TEST_STARTED', from, start.actor, `Stress test ${state.stressTestAttempts} started on ${state.stagingUrl}`, {
        url: state.stagingUrl,
        days: policy.stressTestDays,
        thresholds: policy.stressTestThresholds,
      });
    },
  );

  action(messages.abortStressTestUpdate, 'abortStressTest', () => null, async (abort) => {
    state.stage = 'DEVELOPMENT';
    state.stressTest = 'ABORTED';
    stressTestScope?.cancel();
    await record('STRESS_TEST_ABORTED', 'STRESS_TEST', abort.actor, `Stress test ${state.stressTestAttempts} aborted`);
  });

  // Acceptance
  action(
    messages.acceptDeliveryUpdate,
    'acceptDelivery',
    (acceptance) =>
      acceptance.liveUrl !== undefined && !isHttpUrl(acceptance.liveUrl)
        ? { code: 'INVALID_INPUT', rule: 'LIVE_URL', message: 'liveUrl must be an http(s) URL.' }
        : checkReasons({ reason: acceptance.signedBy, actor: acceptance.actor }),
    async (acceptance) => {
      state.stage = 'AFTERCARE';
      state.liveUrl = acceptance.liveUrl ?? state.stagingUrl;
      state.aftercareStartedAt = new Date().toISOString();
      state.monitoring = 'RUNNING';
      await record('DELIVERY_ACCEPTED', 'ACCEPTANCE', acceptance.actor, `Delivery accepted, signed by ${acceptance.signedBy}`, acceptance);
    },
  );

  action(messages.rejectDeliveryUpdate, 'rejectDelivery', checkReasons, async (rejection) => {
    state.stage = 'DEVELOPMENT';
    state.stressTest = 'NOT_STARTED';
    await record('DELIVERY_REJECTED', 'ACCEPTANCE', rejection.actor, `Delivery rejected: ${rejection.reasons.join('; ')}`, rejection);
  });

  // After-care
  action(messages.submitServiceReviewUpdate, 'submitServiceReview', checkServiceReview, async (review) => {
    state.serviceReview = 'DONE';
    state.npsScore = review.npsScore;
    await record('SERVICE_REVIEW_SUBMITTED', state.stage, review.actor, `Service review submitted: NPS ${review.npsScore}`, review);
  });

  // Change orders
  action(messages.requestChangeOrderUpdate, 'requestChangeOrder', (order) => checkChangeOrderRequest(state, order), async (order) => {
    state.changeOrders.push({ id: order.changeOrderId, kind: order.kind, status: 'REQUESTED', reason: order.reason.trim(), amount: order.amount });
    await record('CHANGE_ORDER_REQUESTED', state.stage, order.actor, `Change order requested (${order.kind}): ${order.reason.trim()}`, order);
  });

  for (const [update, name, status, type] of [
    [messages.approveChangeOrderUpdate, 'approveChangeOrder', 'APPROVED', 'CHANGE_ORDER_APPROVED'],
    [messages.rejectChangeOrderUpdate, 'rejectChangeOrder', 'REJECTED', 'CHANGE_ORDER_REJECTED'],
  ] as const) {
    action(update, name, (decision) => checkChangeOrderDecision(state, decision), async (decision) => {
      const order = state.changeOrders.find((o) => o.id === decision.changeOrderId)!;
      order.status = status;
      await record(type, state.stage, decision.actor, `Change order ${status.toLowerCase()} (${order.kind})`, decision);
    });
  }

  // Cancellation
  action(messages.cancelProjectUpdate, 'cancelProject', checkReasons, async (cancellation) => {
    const from = state.stage;
    state.stage = 'CANCELLED';
    state.cancelReason = cancellation.reason;
    if (state.stressTest === 'RUNNING') state.stressTest = 'ABORTED';
    stressTestScope?.cancel();
    aftercareScope?.cancel();
    await record('PROJECT_CANCELLED', from, cancellation.actor, `Project cancelled: ${cancellation.reason}`, cancellation);
  });

  /** Waits until the stage changes (or a fresh run is due); the updates do the moving. */
  const stageChangedFrom = (stage: SopStage) => condition(() => state.stage !== stage || workflowInfo().continueAsNewSuggested);

  const developmentPhase = async () => {
    // Workflows that reached development before the validation day existed have no timer to replay.
    if (state.validationDay === 'PENDING' && state.validationDayOpensAt && patched('validation-day-timer')) {
      const left = await condition(() => state.stage !== 'DEVELOPMENT', msUntil(state.validationDayOpensAt, 0, dayMs, Date.now()));
      if (left) return;
      state.validationDay = 'OPEN';
      await record('VALIDATION_DAY_OPENED', state.stage, 'system', 'Requirement validation day is open');
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
      if (state.stage !== 'STRESS_TEST') return;
      const results = { ...verdict };
      if (verdict.passed) {
        state.stressTest = 'PASSED';
        state.stage = 'ACCEPTANCE';
        await record('STRESS_TEST_PASSED', 'STRESS_TEST', 'system', `Stress test ${attempt} passed`, results);
      } else {
        // A failed test sends the project back to development and costs an iteration round.
        state.stressTest = 'FAILED';
        state.stage = 'DEVELOPMENT';
        state.iterationRoundsUsed += 1;
        await record('STRESS_TEST_FAILED', 'STRESS_TEST', 'system', `Stress test ${attempt} failed: ${verdict.failures.join('; ')}`, results);
      }
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
      state.serviceReview = 'OPEN';
      await record('SERVICE_REVIEW_OPENED', state.stage, 'system', `Service review open, due within ${schedule.dueAfterDays} days of delivery`);
    }
    const done = () => state.serviceReview === 'DONE' || !inAftercare();
    if (!(await condition(done, until(schedule.reminderAfterDays)))) {
      await record('SERVICE_REVIEW_REMINDER', state.stage, 'system', `Reminder: the service review is due in ${schedule.dueAfterDays - schedule.reminderAfterDays} days`);
    }
    if (!(await condition(done, until(schedule.dueAfterDays)))) {
      await record('SERVICE_REVIEW_OVERDUE', state.stage, 'system', 'The service review is overdue');
    }
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
    if (state.stage !== 'AFTERCARE') return;
    state.monitoring = 'ENDED';
    await record('MONITORING_ENDED', state.stage, 'system', `After-care monitoring ended after ${monitoringMonths(policy)} month(s)`);
  };

  const aftercarePhase = async () => {
    await Promise.all([monitoringPhase(), serviceReviewPhase()]);
    if (state.stage === 'AFTERCARE' && state.monitoring === 'ENDED' && state.serviceReview === 'DONE') {
      state.stage = 'CLOSED';
      await record('PROJECT_CLOSED', 'AFTERCARE', 'system', 'Project closed: monitoring ended and the service review is done');
    }
  };

  describe();
  while (!isTerminalStage(state.stage)) {
    const stage = state.stage;
    if (stage === 'DEVELOPMENT') await developmentPhase();
    else if (stage === 'STRESS_TEST') await stressTestPhase();
    else if (stage === 'AFTERCARE') await aftercarePhase();
    else await stageChangedFrom(stage);
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
