import { graphqlEnum } from '../../platform/http/graphqlEnum.js';
import { MONITORING_STATUSES, SERVICE_REVIEW_STATUSES } from '../domain/aftercare.js';
import { CHANGE_ORDER_KINDS, CHANGE_ORDER_STATUSES } from '../domain/changeOrder.js';
import { COMMUNICATION_CHANNELS } from '../domain/communicationRound.js';
import { COST_PHASES } from '../domain/costShare.js';
import { REQUIREMENT_STATUSES, VALIDATION_RESULTS } from '../domain/requirement.js';
import { REVIEW_KINDS, REVIEW_OUTCOMES } from '../domain/reviewRound.js';
import { SITE_CHECK_KINDS } from '../domain/siteCheck.js';
import { SOP_ACTIONS } from '../domain/sopMachine.js';
import { SOP_STAGES } from '../domain/sopStage.js';
import { STRESS_TEST_STATUSES, VALIDATION_DAY_STATUSES } from '../domain/sopState.js';
import { TIMELINE_EVENT_TYPES } from '../domain/timelineEvent.js';

export const SopStageEnum = graphqlEnum(SOP_STAGES, 'SopStage', 'Stages of the delivery SOP.', {
  REQUIREMENTS: 'First stage: communication rounds, research sessions and requirements with the client, until the requirements are signed off.',
  DEVELOPMENT:
    'The site is built: review rounds with the client and, where the package has one, the requirement validation day; left by starting the stress test.',
  STRESS_TEST: "The staging site is probed for the package's stress-test days; a pass moves on to ACCEPTANCE, a failure back to DEVELOPMENT.",
  ACCEPTANCE: 'The stress test passed: waiting for the client to accept the delivery (on to AFTERCARE) or reject it (back to DEVELOPMENT).',
  AFTERCARE: "Delivered: the live site is monitored daily for the package's months and the service review is collected; closes when both are done.",
  CLOSED: 'Finished normally (monitoring ended, service review done); final, nothing can change the project any more.',
  CANCELLED: 'Cancelled by a lead from an open stage, its timers and probes stopped; final, nothing can change the project any more.',
});

export const SopActionEnum = graphqlEnum(SOP_ACTIONS, 'SopAction', 'Lead actions of the SOP, each a mutation of the same name.', {
  logCommunicationRound: 'Log a communication round with the client (REQUIREMENTS).',
  logResearchSession: 'Log a requirement research session (REQUIREMENTS); capped by the package plus approved EXTRA_RESEARCH change orders.',
  addRequirement: 'Propose a new requirement (REQUIREMENTS).',
  confirmRequirement: 'Confirm a proposed requirement (REQUIREMENTS); offered while one is proposed.',
  dropRequirement: 'Drop a requirement from the scope (REQUIREMENTS).',
  signOffRequirements:
    "Sign off the requirements and move to DEVELOPMENT; offered once the package's minimum communication rounds are logged and a requirement is confirmed.",
  completeValidationDay: 'Record MET or GAP for each confirmed requirement (DEVELOPMENT); offered while the validation day is open.',
  submitReviewRound: 'Record a review round with the client (DEVELOPMENT); CHANGES_REQUESTED uses an iteration round, capped by the package.',
  startStressTest:
    'Start a stress test and move to STRESS_TEST; offered once enough review rounds are approved, the validation day is done and no gap is open.',
  abortStressTest: 'Abort the running stress test and go back to DEVELOPMENT.',
  acceptDelivery: "Record the client's acceptance after a passed stress test and move to AFTERCARE.",
  rejectDelivery: "Record the client's rejection of the delivery and go back to DEVELOPMENT.",
  submitServiceReview: 'Record the after-care service review and its NPS (AFTERCARE); offered while the review is open.',
  requestChangeOrder: 'Request a change order for work past a cap or extra scope (any open stage).',
  approveChangeOrder: 'Approve a requested change order, raising its cap by one (any open stage); offered while one is requested.',
  rejectChangeOrder: 'Reject a requested change order (any open stage); offered while one is requested.',
  recordCost: 'Book a cost to a phase of the project (any open stage).',
  cancelProject: 'Cancel the project (any open stage), stopping its timers and probes.',
});

export const TimelineEventTypeEnum = graphqlEnum(TIMELINE_EVENT_TYPES, 'TimelineEventType', 'What a timeline event records.', {
  PROJECT_CREATED: 'The project was created with its package and add-ons (details: ProjectCreatedDetails).',
  COMMUNICATION_ROUND_LOGGED: 'A communication round with the client was logged (details: CommunicationRoundDetails).',
  RESEARCH_SESSION_LOGGED: 'A research session was logged (details: ResearchSessionDetails).',
  REQUIREMENT_ADDED: 'A requirement was proposed (details: RequirementEventDetails).',
  REQUIREMENT_CONFIRMED: 'A proposed requirement was confirmed (details: RequirementEventDetails).',
  REQUIREMENT_DROPPED: 'A requirement was dropped from the scope (details: RequirementEventDetails).',
  REQUIREMENTS_SIGNED_OFF: 'The requirements were signed off and the project moved to DEVELOPMENT (details: RequirementsSignOffDetails).',
  VALIDATION_DAY_OPENED: "System: the validation day's timer fired and the day is open for results (no details).",
  VALIDATION_DAY_COMPLETED: "The validation day's results were recorded (details: ValidationDayDetails).",
  REVIEW_ROUND_SUBMITTED: 'A review round with the client was recorded (details: ReviewRoundDetails).',
  CHANGE_ORDER_REQUESTED: 'A change order was requested (details: ChangeOrderEventDetails).',
  CHANGE_ORDER_APPROVED: 'A change order was approved and its cap raised (details: ChangeOrderEventDetails).',
  CHANGE_ORDER_REJECTED: 'A change order was rejected (details: ChangeOrderEventDetails).',
  STRESS_TEST_STARTED: 'A stress test attempt started and the project moved to STRESS_TEST (details: StressTestStartedDetails).',
  STRESS_TEST_PASSED: 'System: the stress test met its thresholds and the project moved to ACCEPTANCE (details: StressTestVerdictDetails).',
  STRESS_TEST_FAILED:
    'System: the stress test missed a threshold; the project went back to DEVELOPMENT and used an iteration round (details: StressTestVerdictDetails).',
  STRESS_TEST_ABORTED: 'A lead aborted the running stress test and the project went back to DEVELOPMENT (details: StressTestAbortedDetails).',
  DELIVERY_ACCEPTED: 'The client accepted the delivery and after-care started (details: DeliveryAcceptedDetails).',
  DELIVERY_REJECTED: 'The client rejected the delivery and the project went back to DEVELOPMENT (details: DeliveryRejectedDetails).',
  MONITORING_ENDED: "System: after-care monitoring finished its last month (details: MonitoringEndedDetails).",
  SERVICE_REVIEW_OPENED: 'System: the service review opened, waiting for submitServiceReview (details: ServiceReviewDueDetails).',
  SERVICE_REVIEW_REMINDER: 'System: the service review is not done and is due within a week (details: ServiceReviewDueDetails).',
  SERVICE_REVIEW_OVERDUE: 'System: the service review was not submitted by its due day (no details).',
  SERVICE_REVIEW_SUBMITTED: 'The service review and its NPS were recorded (details: ServiceReviewDetails).',
  PROJECT_CLOSED: 'System: monitoring ended and the service review is done, so the project is CLOSED (no details).',
  PROJECT_CANCELLED: 'A lead cancelled the project (details: ProjectCancelledDetails).',
  COST_RECORDED: 'A cost was booked to a phase (details: CostRecordedDetails); internal, so only ADMIN and LEAD see these events.',
});

export const CommunicationChannelEnum = graphqlEnum(COMMUNICATION_CHANNELS, 'CommunicationChannel', 'How a communication round took place.', {
  MEETING: 'A meeting in person.',
  CALL: 'A phone call.',
  VIDEO: 'A video call.',
  EMAIL: 'An exchange of emails.',
  CHAT: 'A chat or instant-messaging conversation.',
  WORKSHOP: "A workshop with the client's team.",
});

export const ReviewKindEnum = graphqlEnum(REVIEW_KINDS, 'ReviewKind', 'How a review round was held.', {
  PROTOTYPE: 'The client reviewed a prototype of the site.',
  ON_SITE:
    "Held in person at the client's; where the package requires on-site reviews (Premium, Custom), only these count towards the minimum approved rounds.",
  REMOTE: 'Held remotely, e.g. over a video call.',
});

export const ReviewOutcomeEnum = graphqlEnum(REVIEW_OUTCOMES, 'ReviewOutcome', 'What the client decided in a review round.', {
  APPROVED: 'The client approved the work; counts towards the minimum approved review rounds the stress test needs.',
  CHANGES_REQUESTED: 'The client asked for changes; uses one iteration round, capped by the package plus approved EXTRA_ITERATION change orders.',
});

export const ChangeOrderKindEnum = graphqlEnum(CHANGE_ORDER_KINDS, 'ChangeOrderKind', 'Which cap an approved order raises (SCOPE raises none).', {
  EXTRA_RESEARCH: 'Another research session: once approved, the research-session cap goes up by one.',
  EXTRA_ITERATION: 'Another iteration round: once approved, the iteration-round cap goes up by one.',
  SCOPE: 'Work beyond the agreed scope; raises no cap.',
});

export const ChangeOrderStatusEnum = graphqlEnum(CHANGE_ORDER_STATUSES, 'ChangeOrderStatus', 'Where a change order stands.', {
  REQUESTED: 'Waiting for a lead to approve or reject it.',
  APPROVED: 'Approved: its cap, if its kind has one, is one higher.',
  REJECTED: 'Rejected: nothing changes.',
});

export const CostPhaseEnum = graphqlEnum(COST_PHASES, 'CostPhase', 'The phase a cost is booked to.', {
  RESEARCH: "Requirement research; checked against the policy's research guardrail (8 % of the contract value as shipped).",
  ITERATION: "Development iteration rounds; checked against the policy's iteration guardrail (20 % as shipped).",
  AFTER_SALES: "After-care and after-sales service; checked against the policy's after-sales guardrail (15 % as shipped).",
  OTHER: 'Anything else; not checked against a guardrail.',
});

export const RequirementStatusEnum = graphqlEnum(REQUIREMENT_STATUSES, 'RequirementStatus', 'Where a requirement stands.', {
  PROPOSED: 'Added but not yet agreed: can still be confirmed or dropped.',
  CONFIRMED: 'Agreed with the client: in scope, and checked on the validation day.',
  DROPPED: 'Taken out of the scope.',
});

export const ValidationResultEnum = graphqlEnum(VALIDATION_RESULTS, 'ValidationResult', 'What the validation day found for a requirement.', {
  UNCHECKED: 'Not checked: the validation day has not been completed, or the requirement was not confirmed.',
  MET: 'Met on the validation day, or a gap that a review round has since closed.',
  GAP: 'Found unmet on the validation day: blocks the stress test until a review round closes it.',
});

export const ValidationOutcomeEnum = graphqlEnum(['MET', 'GAP'] as const, 'ValidationOutcome', 'A result recorded on the validation day.', {
  MET: 'The requirement is met.',
  GAP: 'The requirement is not met: a gap that blocks the stress test until a review round closes it.',
});

export const ValidationDayStatusEnum = graphqlEnum(VALIDATION_DAY_STATUSES, 'ValidationDayStatus', 'Where the requirement validation day stands.', {
  NOT_APPLICABLE: "The project's package has no validation day.",
  PENDING: 'Not open yet: the requirements are not signed off, or its timer has not fired (see `validationDayOpensAt`).',
  OPEN: 'Open: waiting for completeValidationDay; the stress test cannot start meanwhile.',
  DONE: 'The results are recorded.',
});

export const StressTestStatusEnum = graphqlEnum(STRESS_TEST_STATUSES, 'StressTestStatus', 'Where the latest stress test stands.', {
  NOT_STARTED: 'No attempt yet, or the client rejected the delivery after the last pass.',
  RUNNING: 'An attempt is probing the staging site.',
  PASSED: 'The latest attempt met every threshold.',
  FAILED: 'The latest attempt missed a threshold; the project is back in development.',
  ABORTED: 'The latest attempt was stopped by abortStressTest or by cancelling the project.',
});

export const MonitoringStatusEnum = graphqlEnum(MONITORING_STATUSES, 'MonitoringStatus', 'Where after-care monitoring stands.', {
  NOT_STARTED: 'After-care has not started: the delivery is not accepted yet.',
  RUNNING: 'The live site is probed daily and a report written each month.',
  ENDED: "Every monitoring month of the package is done.",
});

export const ServiceReviewStatusEnum = graphqlEnum(SERVICE_REVIEW_STATUSES, 'ServiceReviewStatus', 'Where the after-care service review stands.', {
  NOT_DUE: 'Not open yet: after-care has not started, or is in its first weeks.',
  OPEN: 'Open: waiting for submitServiceReview; a reminder and, past its due day, an overdue notice go to the timeline.',
  DONE: 'Submitted, with its NPS.',
});

export const SiteCheckKindEnum = graphqlEnum(
  SITE_CHECK_KINDS,
  'SiteCheckKind',
  'PROBE: an hourly stress-test probe; BURST: a concurrent request; MONITOR: a daily after-care probe.',
  {
    PROBE: 'One of the 24 single requests spread over each stress-test day (hourly).',
    BURST: 'One of the 10 concurrent requests sent at the start of each stress-test day.',
    MONITOR: 'The daily single request to the live site during after-care monitoring.',
  },
);
