import { describe, expect, expectTypeOf, it } from 'vitest';
import { DEFAULT_PACKAGES } from '../../src/catalog/domain/defaultPackages.js';
import type { PackagePolicy } from '../../src/catalog/domain/packagePolicy.js';
import type { ChangeOrderKind, ChangeOrderState, ChangeOrderStatus } from '../../src/delivery/domain/changeOrder.js';
import { checkCommunicationRound, type CommunicationRound } from '../../src/delivery/domain/communicationRound.js';
import type { RequirementState, RequirementStatus, ValidationResult } from '../../src/delivery/domain/requirement.js';
import type { RuleViolation } from '../../src/delivery/domain/ruleViolation.js';
import { addChecks, emptyTally, stressTestVerdict, type SiteCheck } from '../../src/delivery/domain/siteCheck.js';
import { checkCostRecord, type CostRecord } from '../../src/delivery/domain/sopInputs.js';
import {
  availableSopActions,
  checkGate,
  checkTransition,
  SOP_ACTIONS,
  SOP_TRANSITIONS,
  transitionOf,
  type MachineContext,
  type SopTransitionName,
  type StressTestOutcome,
  type TransitionRecord,
} from '../../src/delivery/domain/sopMachine.js';
import { SOP_STAGES, type SopStage } from '../../src/delivery/domain/sopStage.js';
import { cloneSopState, initialSopState, type SopState } from '../../src/delivery/domain/sopState.js';

const policyOf = (code: string) => DEFAULT_PACKAGES.find((p) => p.code === code)!.policy;
// PREMIUM: 8 communication rounds, 2 research sessions, 3 approved on-site review rounds,
// 3 iteration rounds, a validation day 14 days into development, a 7-day stress test.
const premium = policyOf('PREMIUM');
// STANDARD: 2 communication rounds, 1 review round of any kind, no validation day.
const standard = policyOf('STANDARD');

const NOW = Date.parse('2026-06-01T12:00:00Z');
const DAY = 1_000;

const state = (patch: Partial<SopState> = {}): SopState => ({ ...initialSopState(), ...patch });
const context = (patch: Partial<SopState> = {}, policy: PackagePolicy = premium): MachineContext => ({
  state: state(patch),
  policy,
  now: NOW,
  dayMs: DAY,
});

const req = (id: string, status: RequirementStatus = 'CONFIRMED', validation: ValidationResult = 'UNCHECKED'): RequirementState => ({
  id,
  title: `Requirement ${id}`,
  status,
  validation,
});
const order = (kind: ChangeOrderKind, status: ChangeOrderStatus, id = `co-${kind}-${status}`): ChangeOrderState => ({
  id,
  kind,
  status,
  reason: 'client asked',
  amount: 1200,
});

const actor = { actor: 'lin' };
const researchSession = { actor: 'lin', topic: 'Competitor sites', attendees: ['client PM'] };
const reviewRound = (outcome: 'APPROVED' | 'CHANGES_REQUESTED', kind: 'ON_SITE' | 'REMOTE' | 'PROTOTYPE' = 'ON_SITE') => ({
  actor: 'lin',
  kind,
  outcome,
  feedback: 'Header too large',
  clientAttendees: ['client PM'],
  closesGapIds: [] as string[],
});
const STAGING = 'https://staging.example.com';

/** What a refusal must be, apart from its human-readable message. */
type Expected = Omit<RuleViolation, 'message'>;
const sop = (rule: string, required?: number, actual?: number): Expected => ({
  code: 'SOP_RULE_VIOLATION',
  rule,
  ...(required === undefined ? {} : { required, actual }),
});

interface Row {
  name: SopTransitionName;
  title: string;
  state: Partial<SopState>;
  policy: PackagePolicy;
  input: unknown;
  expected: Expected | null;
}

const readyForStressTest: Partial<SopState> = {
  stage: 'DEVELOPMENT',
  approvedReviewRounds: 3,
  validationDay: 'DONE',
  requirements: [req('r1', 'CONFIRMED', 'MET')],
  stagingUrl: STAGING,
};

const GATES: Row[] = [
  // Requirements sign-off: the package's communication rounds, and something confirmed.
  { name: 'signOffRequirements', title: '7 of 8 rounds', state: { communicationRounds: 7, requirements: [req('r1')] }, policy: premium, input: actor, expected: sop('MIN_COMMUNICATION_ROUNDS', 8, 7) },
  { name: 'signOffRequirements', title: '1 of 2 rounds (standard)', state: { communicationRounds: 1, requirements: [req('r1')] }, policy: standard, input: actor, expected: sop('MIN_COMMUNICATION_ROUNDS', 2, 1) },
  { name: 'signOffRequirements', title: 'rounds met, nothing confirmed', state: { communicationRounds: 8, requirements: [req('r1', 'PROPOSED'), req('r2', 'DROPPED')] }, policy: premium, input: actor, expected: sop('CONFIRMED_REQUIREMENT', 1, 0) },
  { name: 'signOffRequirements', title: 'rounds met and a confirmed requirement', state: { communicationRounds: 8, requirements: [req('r1')] }, policy: premium, input: actor, expected: null },
  { name: 'signOffRequirements', title: 'more rounds than needed (standard)', state: { communicationRounds: 3, requirements: [req('r1')] }, policy: standard, input: actor, expected: null },

  // The validation day can only be completed while it is open.
  ...(['PENDING', 'NOT_APPLICABLE', 'DONE'] as const).map(
    (validationDay): Row => ({ name: 'completeValidationDay', title: `validation day ${validationDay}`, state: { stage: 'DEVELOPMENT', validationDay, requirements: [req('r1')] }, policy: premium, input: { actor: 'lin', results: [{ requirementId: 'r1', result: 'MET' }] }, expected: sop('VALIDATION_DAY_OPEN') }),
  ),
  { name: 'completeValidationDay', title: 'validation day OPEN', state: { stage: 'DEVELOPMENT', validationDay: 'OPEN', requirements: [req('r1')] }, policy: premium, input: { actor: 'lin', results: [{ requirementId: 'r1', result: 'MET' }] }, expected: null },

  // The stress test: approved (on-site) reviews, the validation day done, no open gap.
  { name: 'startStressTest', title: '2 of 3 approved on-site reviews (other rounds do not count)', state: { ...readyForStressTest, reviewRounds: 6, approvedReviewRounds: 2 }, policy: premium, input: actor, expected: sop('MIN_REVIEW_ROUNDS', 3, 2) },
  { name: 'startStressTest', title: 'validation day PENDING', state: { ...readyForStressTest, validationDay: 'PENDING' }, policy: premium, input: actor, expected: sop('VALIDATION_DAY_DONE') },
  { name: 'startStressTest', title: 'validation day OPEN', state: { ...readyForStressTest, validationDay: 'OPEN' }, policy: premium, input: actor, expected: sop('VALIDATION_DAY_DONE') },
  { name: 'startStressTest', title: 'two open gaps (a dropped requirement’s gap does not count)', state: { ...readyForStressTest, requirements: [req('r1', 'CONFIRMED', 'GAP'), req('r2', 'CONFIRMED', 'GAP'), req('r3', 'DROPPED', 'GAP')] }, policy: premium, input: actor, expected: sop('OPEN_GAPS', 0, 2) },
  { name: 'startStressTest', title: 'everything done', state: readyForStressTest, policy: premium, input: actor, expected: null },
  { name: 'startStressTest', title: 'failed stress tests used 4 of 3 iteration rounds', state: { ...readyForStressTest, iterationRoundsUsed: 4 }, policy: premium, input: actor, expected: sop('ITERATION_OVERDRAFT', 3, 4) },
  { name: 'startStressTest', title: '4 of 3 used, EXTRA_ITERATION only requested', state: { ...readyForStressTest, iterationRoundsUsed: 4, changeOrders: [order('EXTRA_ITERATION', 'REQUESTED')] }, policy: premium, input: actor, expected: sop('ITERATION_OVERDRAFT', 3, 4) },
  { name: 'startStressTest', title: '4 of 3 used, EXTRA_ITERATION approved', state: { ...readyForStressTest, iterationRoundsUsed: 4, changeOrders: [order('EXTRA_ITERATION', 'APPROVED')] }, policy: premium, input: actor, expected: null },
  { name: 'startStressTest', title: '3 of 3 used (at the cap, not past it)', state: { ...readyForStressTest, iterationRoundsUsed: 3 }, policy: premium, input: actor, expected: null },
  { name: 'startStressTest', title: 'no validation day (standard)', state: { ...readyForStressTest, approvedReviewRounds: 1, validationDay: 'NOT_APPLICABLE' }, policy: standard, input: actor, expected: null },

  // Only a running stress test can be aborted.
  ...(['NOT_STARTED', 'PASSED', 'FAILED', 'ABORTED'] as const).map(
    (stressTest): Row => ({ name: 'abortStressTest', title: `stress test ${stressTest}`, state: { stage: 'STRESS_TEST', stressTest }, policy: premium, input: actor, expected: sop('STRESS_TEST_RUNNING') }),
  ),
  { name: 'abortStressTest', title: 'stress test RUNNING', state: { stage: 'STRESS_TEST', stressTest: 'RUNNING' }, policy: premium, input: actor, expected: null },

  // Delivery needs a passed stress test.
  ...(['NOT_STARTED', 'FAILED', 'ABORTED'] as const).map(
    (stressTest): Row => ({ name: 'acceptDelivery', title: `stress test ${stressTest}`, state: { stage: 'ACCEPTANCE', stressTest }, policy: premium, input: { actor: 'lin', signedBy: 'Client CEO' }, expected: sop('STRESS_TEST_PASSED') }),
  ),
  { name: 'acceptDelivery', title: 'stress test PASSED', state: { stage: 'ACCEPTANCE', stressTest: 'PASSED' }, policy: premium, input: { actor: 'lin', signedBy: 'Client CEO' }, expected: null },

  // The service review is submitted while it is open.
  ...(['NOT_DUE', 'DONE'] as const).map(
    (serviceReview): Row => ({ name: 'submitServiceReview', title: `service review ${serviceReview}`, state: { stage: 'AFTERCARE', serviceReview }, policy: premium, input: { actor: 'lin', npsScore: 9 }, expected: sop('SERVICE_REVIEW_OPEN') }),
  ),
  { name: 'submitServiceReview', title: 'service review OPEN', state: { stage: 'AFTERCARE', serviceReview: 'OPEN' }, policy: premium, input: { actor: 'lin', npsScore: 9 }, expected: null },

  // The project closes when monitoring has ended and the review is done.
  { name: 'projectClosed', title: 'monitoring still running', state: { stage: 'AFTERCARE', monitoring: 'RUNNING', serviceReview: 'DONE' }, policy: premium, input: undefined, expected: sop('AFTERCARE_DONE') },
  { name: 'projectClosed', title: 'service review still open', state: { stage: 'AFTERCARE', monitoring: 'ENDED', serviceReview: 'OPEN' }, policy: premium, input: undefined, expected: sop('AFTERCARE_DONE') },
  { name: 'projectClosed', title: 'service review not due yet', state: { stage: 'AFTERCARE', monitoring: 'ENDED', serviceReview: 'NOT_DUE' }, policy: premium, input: undefined, expected: sop('AFTERCARE_DONE') },
  { name: 'projectClosed', title: 'monitoring ended and review done', state: { stage: 'AFTERCARE', monitoring: 'ENDED', serviceReview: 'DONE' }, policy: premium, input: undefined, expected: null },
];

const research = (researchSessions: number, changeOrders: ChangeOrderState[] = []): Partial<SopState> => ({ researchSessions, changeOrders });
const iteration = (iterationRoundsUsed: number, changeOrders: ChangeOrderState[] = []): Partial<SopState> => ({
  stage: 'DEVELOPMENT',
  iterationRoundsUsed,
  changeOrders,
});

const CAPS: Row[] = [
  // Research sessions: 2 included in PREMIUM; an approved EXTRA_RESEARCH order buys one more.
  { name: 'logResearchSession', title: '1 of 2 used', state: research(1), policy: premium, input: researchSession, expected: null },
  { name: 'logResearchSession', title: '2 of 2 used', state: research(2), policy: premium, input: researchSession, expected: sop('RESEARCH_SESSION_CAP', 2, 2) },
  { name: 'logResearchSession', title: '2 of 2 used, EXTRA_RESEARCH approved', state: research(2, [order('EXTRA_RESEARCH', 'APPROVED')]), policy: premium, input: researchSession, expected: null },
  { name: 'logResearchSession', title: '3 of 2+1 used', state: research(3, [order('EXTRA_RESEARCH', 'APPROVED')]), policy: premium, input: researchSession, expected: sop('RESEARCH_SESSION_CAP', 3, 3) },
  { name: 'logResearchSession', title: '2 of 2 used, EXTRA_RESEARCH only requested', state: research(2, [order('EXTRA_RESEARCH', 'REQUESTED')]), policy: premium, input: researchSession, expected: sop('RESEARCH_SESSION_CAP', 2, 2) },
  { name: 'logResearchSession', title: '2 of 2 used, EXTRA_RESEARCH rejected', state: research(2, [order('EXTRA_RESEARCH', 'REJECTED')]), policy: premium, input: researchSession, expected: sop('RESEARCH_SESSION_CAP', 2, 2) },
  { name: 'logResearchSession', title: '2 of 2 used, only EXTRA_ITERATION approved', state: research(2, [order('EXTRA_ITERATION', 'APPROVED')]), policy: premium, input: researchSession, expected: sop('RESEARCH_SESSION_CAP', 2, 2) },
  { name: 'logResearchSession', title: '2 of 2 used, cap raised by an add-on', state: research(2), policy: { ...premium, includedResearchSessions: 3 }, input: researchSession, expected: null },

  // Iteration rounds: 3 included; only CHANGES_REQUESTED rounds use one up.
  { name: 'submitReviewRound', title: '2 of 3 used', state: iteration(2), policy: premium, input: reviewRound('CHANGES_REQUESTED'), expected: null },
  { name: 'submitReviewRound', title: '3 of 3 used', state: iteration(3), policy: premium, input: reviewRound('CHANGES_REQUESTED'), expected: sop('ITERATION_ROUND_CAP', 3, 3) },
  { name: 'submitReviewRound', title: '3 of 3 used, EXTRA_ITERATION approved', state: iteration(3, [order('EXTRA_ITERATION', 'APPROVED')]), policy: premium, input: reviewRound('CHANGES_REQUESTED'), expected: null },
  { name: 'submitReviewRound', title: '4 of 3+1 used', state: iteration(4, [order('EXTRA_ITERATION', 'APPROVED')]), policy: premium, input: reviewRound('CHANGES_REQUESTED'), expected: sop('ITERATION_ROUND_CAP', 4, 4) },
  { name: 'submitReviewRound', title: '4 of 3+2 used', state: iteration(4, [order('EXTRA_ITERATION', 'APPROVED', 'a'), order('EXTRA_ITERATION', 'APPROVED', 'b')]), policy: premium, input: reviewRound('CHANGES_REQUESTED'), expected: null },
  { name: 'submitReviewRound', title: '3 of 3 used, EXTRA_ITERATION only requested', state: iteration(3, [order('EXTRA_ITERATION', 'REQUESTED')]), policy: premium, input: reviewRound('CHANGES_REQUESTED'), expected: sop('ITERATION_ROUND_CAP', 3, 3) },
  { name: 'submitReviewRound', title: '3 of 3 used, EXTRA_ITERATION rejected', state: iteration(3, [order('EXTRA_ITERATION', 'REJECTED')]), policy: premium, input: reviewRound('CHANGES_REQUESTED'), expected: sop('ITERATION_ROUND_CAP', 3, 3) },
  { name: 'submitReviewRound', title: '3 of 3 used, only EXTRA_RESEARCH approved', state: iteration(3, [order('EXTRA_RESEARCH', 'APPROVED')]), policy: premium, input: reviewRound('CHANGES_REQUESTED'), expected: sop('ITERATION_ROUND_CAP', 3, 3) },
  { name: 'submitReviewRound', title: '3 of 3 used, an APPROVED round does not count', state: iteration(3), policy: premium, input: reviewRound('APPROVED'), expected: null },
  { name: 'submitReviewRound', title: '5 of 3 used (failed stress tests), an APPROVED round still goes in', state: iteration(5), policy: premium, input: reviewRound('APPROVED', 'REMOTE'), expected: null },
];

describe('SOP_TRANSITIONS gates', () => {
  it.each(GATES)('$name — $title', ({ name, state: patch, policy, input, expected }) => {
    const result = checkTransition(name, input, context(patch, policy));
    assertRefusal(result, expected);
  });
});

describe('SOP_TRANSITIONS caps', () => {
  it.each(CAPS)('$name — $title', ({ name, state: patch, policy, input, expected }) => {
    const result = checkTransition(name, input, context(patch, policy));
    assertRefusal(result, expected);
  });

  it('says what is used up and which change order raises the cap', () => {
    expect(checkTransition('logResearchSession', researchSession, context(research(2)))?.message).toBe(
      'All 2 included research sessions are used (2 of 2); another one needs an approved EXTRA_RESEARCH change order.',
    );
    expect(checkTransition('submitReviewRound', reviewRound('CHANGES_REQUESTED'), context(iteration(3)))?.message).toBe(
      'All 3 included iteration rounds are used (3 of 3); another one needs an approved EXTRA_ITERATION change order.',
    );
  });

  it('says how many rounds are missing', () => {
    expect(checkGate('signOffRequirements', context({ communicationRounds: 2 }))?.message).toBe(
      'Requirements cannot be signed off: 2 of 8 communication rounds logged.',
    );
    expect(checkGate('startStressTest', context({ ...readyForStressTest, approvedReviewRounds: 1 }))?.message).toBe(
      'The stress test cannot start: 1 of 3 approved on-site review rounds.',
    );
  });
});

function assertRefusal(result: RuleViolation | null, expected: Expected | null) {
  if (expected === null) {
    expect(result).toBeNull();
    return;
  }
  expect(result).not.toBeNull();
  const { message, ...rest } = result!;
  expect(rest).toEqual(expected);
  expect(message.trim()).not.toBe('');
}

/** The stages each transition runs in, where it moves the project and what it records. */
const OPEN: SopStage[] = ['REQUIREMENTS', 'DEVELOPMENT', 'STRESS_TEST', 'ACCEPTANCE', 'AFTERCARE'];
const TABLE: Record<SopTransitionName, { by: 'lead' | 'system'; from: SopStage[]; to?: SopStage; event: string }> = {
  logCommunicationRound: { by: 'lead', from: ['REQUIREMENTS'], event: 'COMMUNICATION_ROUND_LOGGED' },
  logResearchSession: { by: 'lead', from: ['REQUIREMENTS'], event: 'RESEARCH_SESSION_LOGGED' },
  addRequirement: { by: 'lead', from: ['REQUIREMENTS'], event: 'REQUIREMENT_ADDED' },
  confirmRequirement: { by: 'lead', from: ['REQUIREMENTS'], event: 'REQUIREMENT_CONFIRMED' },
  dropRequirement: { by: 'lead', from: ['REQUIREMENTS'], event: 'REQUIREMENT_DROPPED' },
  signOffRequirements: { by: 'lead', from: ['REQUIREMENTS'], to: 'DEVELOPMENT', event: 'REQUIREMENTS_SIGNED_OFF' },
  validationDayOpened: { by: 'system', from: ['DEVELOPMENT'], event: 'VALIDATION_DAY_OPENED' },
  completeValidationDay: { by: 'lead', from: ['DEVELOPMENT'], event: 'VALIDATION_DAY_COMPLETED' },
  submitReviewRound: { by: 'lead', from: ['DEVELOPMENT'], event: 'REVIEW_ROUND_SUBMITTED' },
  startStressTest: { by: 'lead', from: ['DEVELOPMENT'], to: 'STRESS_TEST', event: 'STRESS_TEST_STARTED' },
  abortStressTest: { by: 'lead', from: ['STRESS_TEST'], to: 'DEVELOPMENT', event: 'STRESS_TEST_ABORTED' },
  stressTestPassed: { by: 'system', from: ['STRESS_TEST'], to: 'ACCEPTANCE', event: 'STRESS_TEST_PASSED' },
  stressTestFailed: { by: 'system', from: ['STRESS_TEST'], to: 'DEVELOPMENT', event: 'STRESS_TEST_FAILED' },
  acceptDelivery: { by: 'lead', from: ['ACCEPTANCE'], to: 'AFTERCARE', event: 'DELIVERY_ACCEPTED' },
  rejectDelivery: { by: 'lead', from: ['ACCEPTANCE'], to: 'DEVELOPMENT', event: 'DELIVERY_REJECTED' },
  monitoringEnded: { by: 'system', from: ['AFTERCARE'], event: 'MONITORING_ENDED' },
  serviceReviewOpened: { by: 'system', from: ['AFTERCARE'], event: 'SERVICE_REVIEW_OPENED' },
  serviceReviewReminder: { by: 'system', from: ['AFTERCARE'], event: 'SERVICE_REVIEW_REMINDER' },
  serviceReviewOverdue: { by: 'system', from: ['AFTERCARE'], event: 'SERVICE_REVIEW_OVERDUE' },
  submitServiceReview: { by: 'lead', from: ['AFTERCARE'], event: 'SERVICE_REVIEW_SUBMITTED' },
  projectClosed: { by: 'system', from: ['AFTERCARE'], to: 'CLOSED', event: 'PROJECT_CLOSED' },
  requestChangeOrder: { by: 'lead', from: OPEN, event: 'CHANGE_ORDER_REQUESTED' },
  approveChangeOrder: { by: 'lead', from: OPEN, event: 'CHANGE_ORDER_APPROVED' },
  rejectChangeOrder: { by: 'lead', from: OPEN, event: 'CHANGE_ORDER_REJECTED' },
  recordCost: { by: 'lead', from: OPEN, event: 'COST_RECORDED' },
  cancelProject: { by: 'lead', from: OPEN, to: 'CANCELLED', event: 'PROJECT_CANCELLED' },
};
const NAMES = Object.keys(SOP_TRANSITIONS) as SopTransitionName[];

describe('the transition table', () => {
  it.each(NAMES)('%s runs in the documented stages, moves to the documented stage and records its event', (name) => {
    const { by, from, to, event } = transitionOf(name);
    expect({ by, from: [...from], to, event }).toEqual({ to: undefined, ...TABLE[name] });
  });

  it('names every transition the table above documents', () => {
    expect(NAMES.sort()).toEqual(Object.keys(TABLE).sort());
  });

  it('makes every lead transition, and only those, an action', () => {
    expect([...SOP_ACTIONS].sort()).toEqual(NAMES.filter((n) => TABLE[n].by === 'lead').sort());
  });

  const pairs = NAMES.flatMap((name) => SOP_STAGES.map((stage) => [name, stage] as const));
  it.each(pairs)('%s in %s: STAGE_CONFLICT exactly outside its `from` stages', (name, stage) => {
    const result = checkTransition(name, actor, context({ stage }));
    const allowed = transitionOf(name).from.includes(stage);
    if (allowed) {
      expect(result?.code).not.toBe('STAGE_CONFLICT');
    } else {
      expect(result).toEqual({
        code: 'STAGE_CONFLICT',
        rule: 'ALLOWED_STAGES',
        message: `${name} is not allowed while the project is in ${stage} (allowed in ${transitionOf(name).from.join(', ')}).`,
      });
    }
  });

  it.each(SOP_ACTIONS)('%s needs an actor', (name) => {
    const stage = transitionOf(name).from[0]!;
    for (const input of [{ actor: '' }, { actor: '   ' }, {}, undefined, { actor: 'x'.repeat(201) }]) {
      expect(checkTransition(name, input, context({ stage }))).toMatchObject({ code: 'INVALID_INPUT', rule: 'ACTOR' });
    }
  });

  it('lets system transitions run without an actor', () => {
    const closable = context({ stage: 'AFTERCARE', monitoring: 'ENDED', serviceReview: 'DONE' });
    expect(checkTransition('projectClosed', undefined, closable)).toBeNull();
    expect(checkTransition('validationDayOpened', undefined, context({ stage: 'DEVELOPMENT' }))).toBeNull();
  });
});

describe('availableSopActions', () => {
  // Only actions that some valid input would make succeed now: deciding a change order needs
  // one that is REQUESTED, confirming needs a PROPOSED requirement, dropping one not yet dropped.
  const always = ['requestChangeOrder', 'recordCost', 'cancelProject'];
  const requirements = ['logCommunicationRound', 'logResearchSession', 'addRequirement'];
  const withProposed = [...requirements, 'confirmRequirement', 'dropRequirement'];

  it.each([
    { title: 'a project with a proposed requirement and a requested change order', state: { requirements: [req('r1', 'PROPOSED')], changeOrders: [order('SCOPE', 'REQUESTED')] }, policy: premium, actions: [...withProposed, 'requestChangeOrder', 'approveChangeOrder', 'rejectChangeOrder', 'recordCost', 'cancelProject'] },
    { title: 'requirements with only dropped ones', state: { requirements: [req('r1', 'DROPPED')] }, policy: premium, actions: [...requirements, ...always] },
    { title: 'a new project', state: {}, policy: premium, actions: [...requirements, ...always] },
    { title: 'requirements ready to sign off', state: { communicationRounds: 8, requirements: [req('r1')] }, policy: premium, actions: [...requirements, 'dropRequirement', 'signOffRequirements', ...always] },
    { title: 'research cap used up', state: research(2), policy: premium, actions: [...requirements.filter((a) => a !== 'logResearchSession'), ...always] },
    { title: 'research cap raised by an approved change order', state: research(2, [order('EXTRA_RESEARCH', 'APPROVED')]), policy: premium, actions: [...requirements, ...always] },
    { title: 'development before the validation day', state: { stage: 'DEVELOPMENT' }, policy: premium, actions: ['submitReviewRound', ...always] },
    { title: 'development on the validation day', state: { stage: 'DEVELOPMENT', validationDay: 'OPEN' }, policy: premium, actions: ['completeValidationDay', 'submitReviewRound', ...always] },
    { title: 'development at the iteration cap (APPROVED rounds are still allowed)', state: iteration(3), policy: premium, actions: ['submitReviewRound', ...always] },
    { title: 'development ready for the stress test', state: readyForStressTest, policy: premium, actions: ['submitReviewRound', 'startStressTest', ...always] },
    { title: 'stress test running', state: { stage: 'STRESS_TEST', stressTest: 'RUNNING' }, policy: premium, actions: ['abortStressTest', ...always] },
    { title: 'acceptance after a passed stress test', state: { stage: 'ACCEPTANCE', stressTest: 'PASSED' }, policy: premium, actions: ['acceptDelivery', 'rejectDelivery', ...always] },
    { title: 'acceptance without a passed stress test', state: { stage: 'ACCEPTANCE', stressTest: 'ABORTED' }, policy: premium, actions: ['rejectDelivery', ...always] },
    { title: 'after-care before the service review', state: { stage: 'AFTERCARE' }, policy: premium, actions: always },
    { title: 'after-care with the service review open', state: { stage: 'AFTERCARE', serviceReview: 'OPEN' }, policy: premium, actions: ['submitServiceReview', ...always] },
    { title: 'a closed project', state: { stage: 'CLOSED' }, policy: premium, actions: [] },
    { title: 'a cancelled project', state: { stage: 'CANCELLED' }, policy: premium, actions: [] },
  ] as { title: string; state: Partial<SopState>; policy: PackagePolicy; actions: string[] }[])('$title', ({ state: patch, policy, actions }) => {
    expect(availableSopActions(context(patch, policy))).toEqual(actions);
  });
});

/** Applies a transition to a copy of the state; apply changes everything but the stage. */
function applied(name: SopTransitionName, patch: Partial<SopState>, input: unknown, policy: PackagePolicy = premium) {
  const before = state(patch);
  const after = cloneSopState(before);
  const record = transitionOf(name).apply(after, input, { state: after, policy, now: NOW, dayMs: DAY });
  expect(after.stage).toBe(before.stage);
  expect(record.summary.trim()).not.toBe('');
  return { before, after, details: record.details, summary: record.summary };
}

const check = (ok: boolean, latencyMs: number): SiteCheck => ({ ok, status: ok ? 200 : 503, latencyMs, error: ok ? null : 'HTTP 503' });
const passedOutcome: StressTestOutcome = {
  attempt: 1,
  verdict: stressTestVerdict(addChecks(emptyTally(), Array.from({ length: 100 }, () => check(true, 200))), premium.stressTestThresholds),
};
const failedOutcome: StressTestOutcome = {
  attempt: 2,
  verdict: stressTestVerdict(
    addChecks(emptyTally(), [...Array.from({ length: 90 }, () => check(true, 200)), ...Array.from({ length: 10 }, () => check(false, 30))]),
    premium.stressTestThresholds,
  ),
};
const verdictDetails = ({ attempt, verdict }: StressTestOutcome) => ({
  attempt,
  passed: verdict.passed,
  checks: verdict.checks,
  failed: verdict.failed,
  availability: verdict.availability,
  errorRate: verdict.errorRate,
  p95LatencyMs: verdict.p95LatencyMs,
  failures: verdict.failures,
  failedChecks: verdict.failedChecks,
});

const APPLY: Record<SopTransitionName, () => void> = {
  logCommunicationRound: () => {
    const round = { channel: 'WORKSHOP', summary: 'Sitemap', attendees: ['client PM'], occurredAt: '2026-06-01T09:00:00Z', actor: 'lin' };
    const { before, after, details } = applied('logCommunicationRound', { communicationRounds: 2 }, round);
    expect(after).toEqual({ ...before, communicationRounds: 3 });
    expect(details).toEqual({ round: 3, channel: 'WORKSHOP', summary: 'Sitemap', attendees: ['client PM'], occurredAt: '2026-06-01T09:00:00Z' });
  },
  logResearchSession: () => {
    const { before, after, details } = applied('logResearchSession', { researchSessions: 1 }, researchSession);
    expect(after).toEqual({ ...before, researchSessions: 2 });
    expect(details).toEqual({ session: 2, topic: 'Competitor sites', attendees: ['client PM'] });
  },
  addRequirement: () => {
    const { before, after, details } = applied('addRequirement', {}, { actor: 'lin', requirementId: 'r1', title: '  Search  ' });
    expect(after).toEqual({ ...before, requirements: [{ id: 'r1', title: 'Search', status: 'PROPOSED', validation: 'UNCHECKED' }] });
    expect(details).toEqual({ requirementId: 'r1', title: 'Search', reason: null });
  },
  confirmRequirement: () => {
    const { before, after, details } = applied('confirmRequirement', { requirements: [req('r1', 'PROPOSED')] }, { actor: 'lin', requirementId: 'r1', reason: 'agreed' });
    expect(after).toEqual({ ...before, requirements: [req('r1', 'CONFIRMED')] });
    expect(details).toEqual({ requirementId: 'r1', title: 'Requirement r1', reason: 'agreed' });
  },
  dropRequirement: () => {
    const { before, after, details } = applied('dropRequirement', { requirements: [req('r1', 'CONFIRMED')] }, { actor: 'lin', requirementId: 'r1' });
    expect(after).toEqual({ ...before, requirements: [req('r1', 'DROPPED')] });
    expect(details).toEqual({ requirementId: 'r1', title: 'Requirement r1', reason: null });
  },
  signOffRequirements: () => {
    const signedOff = { communicationRounds: 8, requirements: [req('r1'), req('r2', 'DROPPED')] };
    const withDay = applied('signOffRequirements', signedOff, { actor: 'lin', note: 'all agreed' }, premium);
    expect(withDay.after).toEqual({ ...withDay.before, validationDayOpensAt: new Date(NOW + 14 * DAY).toISOString() });
    expect(withDay.details).toEqual({ note: 'all agreed', communicationRounds: 8, confirmedRequirements: 1 });

    const withoutDay = applied('signOffRequirements', signedOff, actor, standard);
    expect(withoutDay.after).toEqual({ ...withoutDay.before, validationDay: 'NOT_APPLICABLE' });
    expect(withoutDay.details).toEqual({ note: null, communicationRounds: 8, confirmedRequirements: 1 });
  },
  validationDayOpened: () => {
    const { before, after, details } = applied('validationDayOpened', { stage: 'DEVELOPMENT' }, undefined);
    expect(after).toEqual({ ...before, validationDay: 'OPEN' });
    expect(details).toBeNull();
  },
  completeValidationDay: () => {
    const results = [
      { requirementId: 'r1', result: 'MET' },
      { requirementId: 'r2', result: 'GAP', note: 'no search filters' },
    ];
    const { before, after, details } = applied('completeValidationDay', { stage: 'DEVELOPMENT', validationDay: 'OPEN', requirements: [req('r1'), req('r2')] }, { actor: 'lin', results });
    expect(after).toEqual({ ...before, validationDay: 'DONE', requirements: [req('r1', 'CONFIRMED', 'MET'), req('r2', 'CONFIRMED', 'GAP')] });
    expect(details).toEqual({
      results: [
        { requirementId: 'r1', result: 'MET', note: null },
        { requirementId: 'r2', result: 'GAP', note: 'no search filters' },
      ],
      gaps: 1,
    });
  },
  submitReviewRound: () => {
    const dev = { stage: 'DEVELOPMENT' as const, reviewRounds: 1, iterationRoundsUsed: 1, approvedReviewRounds: 0 };
    const changes = applied('submitReviewRound', dev, reviewRound('CHANGES_REQUESTED'));
    expect(changes.after).toEqual({ ...changes.before, reviewRounds: 2, iterationRoundsUsed: 2 });
    expect(changes.details).toEqual({ round: 2, kind: 'ON_SITE', outcome: 'CHANGES_REQUESTED', feedback: 'Header too large', clientAttendees: ['client PM'], closesGapIds: [] });

    const onSite = applied('submitReviewRound', dev, reviewRound('APPROVED', 'ON_SITE'), premium);
    expect(onSite.after).toEqual({ ...onSite.before, reviewRounds: 2, approvedReviewRounds: 1 });
    // PREMIUM counts on-site rounds only; STANDARD counts any approved round.
    const remote = applied('submitReviewRound', dev, reviewRound('APPROVED', 'REMOTE'), premium);
    expect(remote.after).toEqual({ ...remote.before, reviewRounds: 2 });
    const remoteStandard = applied('submitReviewRound', dev, reviewRound('APPROVED', 'REMOTE'), standard);
    expect(remoteStandard.after).toEqual({ ...remoteStandard.before, reviewRounds: 2, approvedReviewRounds: 1 });

    const closing = applied(
      'submitReviewRound',
      { ...dev, requirements: [req('r1', 'CONFIRMED', 'GAP'), req('r2', 'CONFIRMED', 'GAP')] },
      { ...reviewRound('APPROVED', 'PROTOTYPE'), closesGapIds: ['r2'] },
      standard,
    );
    expect(closing.after.requirements).toEqual([req('r1', 'CONFIRMED', 'GAP'), req('r2', 'CONFIRMED', 'MET')]);
    expect(closing.details).toMatchObject({ closesGapIds: ['r2'] });
  },
  startStressTest: () => {
    const fromInput = applied('startStressTest', { ...readyForStressTest, stressTest: 'FAILED', stressTestAttempts: 1 }, { actor: 'lin', stagingUrl: 'https://new.example.com' });
    expect(fromInput.after).toEqual({ ...fromInput.before, stagingUrl: 'https://new.example.com', stressTest: 'RUNNING', stressTestAttempts: 2 });
    expect(fromInput.details).toEqual({ attempt: 2, url: 'https://new.example.com', days: 7, thresholds: premium.stressTestThresholds });

    const fromState = applied('startStressTest', readyForStressTest, actor);
    expect(fromState.after).toEqual({ ...fromState.before, stressTest: 'RUNNING', stressTestAttempts: 1 });
    expect(fromState.details).toMatchObject({ attempt: 1, url: STAGING });
  },
  abortStressTest: () => {
    const { before, after, details } = applied('abortStressTest', { stage: 'STRESS_TEST', stressTest: 'RUNNING', stressTestAttempts: 2 }, actor);
    expect(after).toEqual({ ...before, stressTest: 'ABORTED' });
    expect(details).toEqual({ attempt: 2 });
  },
  stressTestPassed: () => {
    expect(passedOutcome.verdict.passed).toBe(true);
    const { before, after, details } = applied('stressTestPassed', { stage: 'STRESS_TEST', stressTest: 'RUNNING', iterationRoundsUsed: 1 }, passedOutcome);
    expect(after).toEqual({ ...before, stressTest: 'PASSED' });
    expect(details).toEqual(verdictDetails(passedOutcome));
  },
  stressTestFailed: () => {
    expect(failedOutcome.verdict.passed).toBe(false);
    const { before, after, details, summary } = applied('stressTestFailed', { stage: 'STRESS_TEST', stressTest: 'RUNNING', iterationRoundsUsed: 3 }, failedOutcome);
    // A failed stress test costs an iteration round, even past the cap.
    expect(after).toEqual({ ...before, stressTest: 'FAILED', iterationRoundsUsed: 4 });
    expect(details).toEqual(verdictDetails(failedOutcome));
    expect(summary).toBe(`Stress test 2 failed: ${failedOutcome.verdict.failures.join('; ')}`);
  },
  acceptDelivery: () => {
    const accepting = { stage: 'ACCEPTANCE' as const, stressTest: 'PASSED' as const, stagingUrl: STAGING };
    const defaulted = applied('acceptDelivery', accepting, { actor: 'lin', signedBy: 'Client CEO' });
    expect(defaulted.after).toEqual({ ...defaulted.before, liveUrl: STAGING, aftercareStartedAt: '2026-06-01T12:00:00.000Z', monitoring: 'RUNNING' });
    expect(defaulted.details).toEqual({ signedBy: 'Client CEO', note: null, liveUrl: STAGING });

    const live = applied('acceptDelivery', accepting, { actor: 'lin', signedBy: 'Client CEO', note: 'great', liveUrl: 'https://www.example.com' });
    expect(live.after.liveUrl).toBe('https://www.example.com');
    expect(live.details).toEqual({ signedBy: 'Client CEO', note: 'great', liveUrl: 'https://www.example.com' });
  },
  rejectDelivery: () => {
    const { before, after, details } = applied('rejectDelivery', { stage: 'ACCEPTANCE', stressTest: 'PASSED' }, { actor: 'lin', reasons: ['logo wrong'] });
    expect(after).toEqual({ ...before, stressTest: 'NOT_STARTED' });
    expect(details).toEqual({ reasons: ['logo wrong'] });
  },
  monitoringEnded: () => {
    const { before, after, details } = applied('monitoringEnded', { stage: 'AFTERCARE', monitoring: 'RUNNING' }, undefined, policyOf('CUSTOM'));
    expect(after).toEqual({ ...before, monitoring: 'ENDED' });
    expect(details).toEqual({ months: 12 });
  },
  serviceReviewOpened: () => {
    const { before, after, details } = applied('serviceReviewOpened', { stage: 'AFTERCARE' }, undefined);
    expect(after).toEqual({ ...before, serviceReview: 'OPEN' });
    // Opens 30 days into a 90-day window: 60 days left.
    expect(details).toEqual({ dueInDays: 60 });
  },
  serviceReviewReminder: () => {
    const { before, after, details } = applied('serviceReviewReminder', { stage: 'AFTERCARE', serviceReview: 'OPEN' }, undefined);
    expect(after).toEqual(before);
    expect(details).toEqual({ dueInDays: 7 });
  },
  serviceReviewOverdue: () => {
    const { before, after, details } = applied('serviceReviewOverdue', { stage: 'AFTERCARE', serviceReview: 'OPEN' }, undefined);
    expect(after).toEqual(before);
    expect(details).toBeNull();
  },
  submitServiceReview: () => {
    const { before, after, details } = applied('submitServiceReview', { stage: 'AFTERCARE', serviceReview: 'OPEN' }, { actor: 'lin', npsScore: 9 });
    expect(after).toEqual({ ...before, serviceReview: 'DONE', npsScore: 9 });
    expect(details).toEqual({ npsScore: 9, comment: null });
  },
  projectClosed: () => {
    const { before, after, details } = applied('projectClosed', { stage: 'AFTERCARE', monitoring: 'ENDED', serviceReview: 'DONE' }, undefined);
    expect(after).toEqual(before);
    expect(details).toBeNull();
  },
  requestChangeOrder: () => {
    const { before, after, details } = applied('requestChangeOrder', { stage: 'DEVELOPMENT' }, { actor: 'lin', changeOrderId: 'co1', kind: 'EXTRA_ITERATION', reason: ' more rounds ', amount: 800 });
    expect(after).toEqual({ ...before, changeOrders: [{ id: 'co1', kind: 'EXTRA_ITERATION', status: 'REQUESTED', reason: 'more rounds', amount: 800 }] });
    expect(details).toEqual({ changeOrderId: 'co1', kind: 'EXTRA_ITERATION', reason: 'more rounds', amount: 800, note: null });
  },
  approveChangeOrder: () => {
    const { before, after, details } = applied('approveChangeOrder', { changeOrders: [order('SCOPE', 'REQUESTED', 'co1')] }, { actor: 'lin', changeOrderId: 'co1', note: 'signed' });
    expect(after).toEqual({ ...before, changeOrders: [order('SCOPE', 'APPROVED', 'co1')] });
    expect(details).toEqual({ changeOrderId: 'co1', kind: 'SCOPE', reason: 'client asked', amount: 1200, note: 'signed' });
  },
  rejectChangeOrder: () => {
    const { before, after, details } = applied('rejectChangeOrder', { changeOrders: [order('EXTRA_RESEARCH', 'REQUESTED', 'co1')] }, { actor: 'lin', changeOrderId: 'co1' });
    expect(after).toEqual({ ...before, changeOrders: [order('EXTRA_RESEARCH', 'REJECTED', 'co1')] });
    expect(details).toEqual({ changeOrderId: 'co1', kind: 'EXTRA_RESEARCH', reason: 'client asked', amount: 1200, note: null });
  },
  recordCost: () => {
    const { before, after, details, summary } = applied('recordCost', { stage: 'AFTERCARE' }, { actor: 'lin', costId: '8d0f7a2e-5b1c-4c3e-9a57-2f0b6d1e4c11', phase: 'AFTER_SALES', amount: 1250.5, note: ' On-site fix ' });
    // Costs are not SOP state: the read model keeps them, from the event.
    expect(after).toEqual(before);
    expect(details).toEqual({ costId: '8d0f7a2e-5b1c-4c3e-9a57-2f0b6d1e4c11', phase: 'AFTER_SALES', amount: 1250.5, note: 'On-site fix' });
    expect(summary).toBe('Cost recorded (AFTER_SALES): 1250.50');
    expect(applied('recordCost', {}, { actor: 'lin', costId: '0b5d2c9e-7f41-4a0d-8e2b-6c3a1f9d8e72', phase: 'RESEARCH', amount: 0 }).details).toMatchObject({ note: null });
  },
  cancelProject: () => {
    const running = applied('cancelProject', { stage: 'STRESS_TEST', stressTest: 'RUNNING' }, { actor: 'lin', reason: 'client went bust' });
    expect(running.after).toEqual({ ...running.before, cancelReason: 'client went bust', stressTest: 'ABORTED' });
    expect(running.details).toEqual({ reason: 'client went bust' });
    const passed = applied('cancelProject', { stage: 'ACCEPTANCE', stressTest: 'PASSED' }, { actor: 'lin', reason: 'no budget' });
    expect(passed.after).toEqual({ ...passed.before, cancelReason: 'no budget' });
  },
};

describe('apply', () => {
  it.each(Object.keys(APPLY) as SopTransitionName[])('%s changes the state as documented and records its details', (name) => {
    APPLY[name]();
  });

  it('types each record by its timeline event', () => {
    expectTypeOf(SOP_TRANSITIONS.stressTestFailed.apply).returns.toEqualTypeOf<TransitionRecord<'STRESS_TEST_FAILED'>>();
    expectTypeOf(SOP_TRANSITIONS.acceptDelivery.apply).returns.toEqualTypeOf<TransitionRecord<'DELIVERY_ACCEPTED'>>();
    expectTypeOf(SOP_TRANSITIONS.signOffRequirements.apply).returns.toEqualTypeOf<TransitionRecord<'REQUIREMENTS_SIGNED_OFF'>>();
  });
});

describe('checkCommunicationRound', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const valid: CommunicationRound = {
    channel: 'WORKSHOP',
    summary: 'Sitemap review',
    attendees: ['client PM'],
    occurredAt: '2026-06-01T09:00:00Z',
    actor: 'lin',
  };

  it('accepts a complete round, including one a few minutes ahead (clock skew)', () => {
    expect(checkCommunicationRound(valid, now)).toBeNull();
    expect(checkCommunicationRound({ ...valid, occurredAt: '2026-06-01T12:03:00Z' }, now)).toBeNull();
  });

  it.each([
    [{ channel: 'FAX' }, 'CHANNEL'],
    [{ summary: '' }, 'SUMMARY'],
    [{ attendees: [''] }, 'ATTENDEES'],
    [{ occurredAt: 'not a date' }, 'OCCURRED_AT'],
    [{ occurredAt: '2026-06-02T12:00:00Z' }, 'OCCURRED_AT'],
    [{ actor: ' ' }, 'ACTOR'],
  ])('refuses %o (%s)', (patch, rule) => {
    expect(checkCommunicationRound({ ...valid, ...(patch as Partial<CommunicationRound>) }, now)).toMatchObject({
      code: 'INVALID_INPUT',
      rule,
    });
  });
});

describe('checkCostRecord', () => {
  const valid: CostRecord = { costId: '8d0f7a2e-5b1c-4c3e-9a57-2f0b6d1e4c11', phase: 'ITERATION', amount: 9_999_999_999.99, note: 'Extra sprint', actor: 'lin' };

  it('accepts a cost up to the column maximum, with or without a note', () => {
    expect(checkCostRecord(valid)).toBeNull();
    expect(checkCostRecord({ ...valid, note: undefined, amount: 0 })).toBeNull();
  });

  it.each([
    [{ costId: '' }, 'COST_ID'],
    [{ costId: 'a b' }, 'COST_ID'],
    [{ costId: 'c1' }, 'COST_ID'],
    [{ phase: 'MARKETING' }, 'PHASE'],
    [{ amount: -1 }, 'AMOUNT'],
    [{ amount: 1e12 }, 'AMOUNT'],
    [{ amount: 10.001 }, 'AMOUNT'],
    [{ amount: Number.NaN }, 'AMOUNT'],
    [{ amount: '100' }, 'AMOUNT'],
    [{ note: 'nul\u0000byte' }, 'NOTE'],
    [{ note: 'lone \ud800 surrogate' }, 'NOTE'],
    [{ note: 'x'.repeat(4001) }, 'NOTE'],
    [{ actor: '' }, 'ACTOR'],
  ])('refuses %j with rule %s', (patch, rule) => {
    expect(checkCostRecord({ ...valid, ...patch } as CostRecord)).toMatchObject({ code: 'INVALID_INPUT', rule });
  });
});
