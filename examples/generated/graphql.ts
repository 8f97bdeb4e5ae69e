/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A proposed requirement. */
export type AddRequirementInput = {
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  /** Id of the project to act on; a LEAD may act only on the projects it leads. */
  projectId: string;
  /** What the client needs, in one line. */
  title: string;
};

/** A: strategic, dedicated CSM. B: standard process. C: self-service. */
export type ClientTier =
  /** Strategic client: custom service and a dedicated customer success manager (CSM). */
  | 'A'
  /** Standard client: the standard delivery process. */
  | 'B'
  /** Self-service client: self-service and smart matching, no dedicated contact. */
  | 'C';

/** How a communication round took place. */
export type CommunicationChannel =
  /** A phone call. */
  | 'CALL'
  /** A chat or instant-messaging conversation. */
  | 'CHAT'
  /** An exchange of emails. */
  | 'EMAIL'
  /** A meeting in person. */
  | 'MEETING'
  /** A video call. */
  | 'VIDEO'
  /** A workshop with the client's team. */
  | 'WORKSHOP';

/** Confirms a proposed requirement. */
export type ConfirmRequirementInput = {
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  /** Id of the project to act on; a LEAD may act only on the projects it leads. */
  projectId: string;
  /** Id of the requirement, as `Project.requirements` lists it. */
  requirementId: string;
};

/** The phase a cost is booked to. */
export type CostPhase =
  /** After-care and after-sales service; checked against the policy's after-sales guardrail (15 % as shipped). */
  | 'AFTER_SALES'
  /** Development iteration rounds; checked against the policy's iteration guardrail (20 % as shipped). */
  | 'ITERATION'
  /** Anything else; not checked against a guardrail. */
  | 'OTHER'
  /** Requirement research; checked against the policy's research guardrail (8 % of the contract value as shipped). */
  | 'RESEARCH';

/** A new client of the agency. */
export type CreateClientInput = {
  /** The client's contact address (at most 320 characters); null or left out: none. */
  contactEmail?: string | null | undefined;
  /** Username of the client's dedicated customer-success manager (a CSM); tier-A clients' tickets go to them. Null or left out: none. */
  dedicatedCsm?: string | null | undefined;
  /** Display name of the client, e.g. its company name (1-200 characters). */
  name: string;
  /** How much service the client gets: A strategic, B standard, C self-service. */
  tier: ClientTier;
};

/** A new project for a client on the latest version of a service package. With an idempotencyKey, sending it again creates nothing new and answers the same project. */
export type CreateProjectInput = {
  /** Codes of the add-on packs bought with the package. */
  addOnCodes?: Array<string>;
  /** The client the project is for. */
  clientId: string;
  /** Contract value, for cost shares per phase: 0 to 9999999999.99, at most two decimals. */
  contractValue?: number | null | undefined;
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  /** A name the client recognises. */
  name: string;
  /** Code of a service package, e.g. PREMIUM. */
  packageCode: string;
  /** When delivery (acceptance) is promised to the client; on-time delivery is judged against it. Not before 2000 nor after 2100. */
  plannedDeliveryAt?: string | null | undefined;
  /** Who leads the project. */
  projectLead: string;
  /** Where the stress test will probe the site (http or https, at most 2048 characters). */
  stagingUrl?: string | null | undefined;
};

/** A communication round with the client (requirements stage). */
export type LogCommunicationRoundInput = {
  /** Who took part, client side and agency side. */
  attendees: Array<string>;
  /** How the round took place. */
  channel: CommunicationChannel;
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  /** When the round took place; defaults to now. */
  occurredAt?: string | null | undefined;
  /** Id of the project to act on; a LEAD may act only on the projects it leads. */
  projectId: string;
  /** What was discussed and agreed. */
  summary: string;
};

/** A new after-sales ticket. */
export type OpenTicketInput = {
  /** How many users the problem affects (0 when unknown); an incident affecting 10 or more gets the 1-hour public response. */
  affectedUsers?: number;
  /** What it is about: decides the SLA targets with the severity. */
  category: TicketCategory;
  /** How it reached the agency; PORTAL by default. */
  channel?: TicketChannel;
  /** The problem in full (at most 4000 characters). */
  description?: string;
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  /** The project the ticket is about (a CLIENT: one of its own). */
  projectId: string;
  /** How urgent it is. */
  severity: TicketSeverity;
  /** What it is about, in a line (1-500 characters). */
  title: string;
  /** Open it already waiting for the client (its pausable clocks paused from the start). */
  waitingForClient?: boolean | null | undefined;
};

/** A cost booked to a phase of the project. */
export type RecordCostInput = {
  /** The amount spent: 0 to 9999999999.99, at most two decimals. */
  amount: number;
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  /** What it was for. */
  note?: string | null | undefined;
  /** The phase the cost is booked to. */
  phase: CostPhase;
  /** Id of the project to act on; a LEAD may act only on the projects it leads. */
  projectId: string;
};

/** Where a requirement stands. */
export type RequirementStatus =
  /** Agreed with the client: in scope, and checked on the validation day. */
  | 'CONFIRMED'
  /** Taken out of the scope. */
  | 'DROPPED'
  /** Added but not yet agreed: can still be confirmed or dropped. */
  | 'PROPOSED';

/** Signs off the requirements: the gate into development. */
export type SignOffRequirementsInput = {
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  /** A note for the timeline. */
  note?: string | null | undefined;
  /** Id of the project to act on; a LEAD may act only on the projects it leads. */
  projectId: string;
};

/** Which SLA promise a clock measures. */
export type SlaClockName =
  /** From the ticket's opening to the first public reply by an agent. */
  | 'FIRST_RESPONSE'
  /** From a client's message (after the first response) to the agent's next public reply; round 2, 3, ... */
  | 'NEXT_RESPONSE'
  /** From the opening to RESOLVED, paused while waiting for the client. */
  | 'RESOLUTION';

/** Lead actions of the SOP, each a mutation of the same name. */
export type SopAction =
  /** Abort the running stress test and go back to DEVELOPMENT. */
  | 'abortStressTest'
  /** Record the client's acceptance after a passed stress test and move to AFTERCARE. */
  | 'acceptDelivery'
  /** Propose a new requirement (REQUIREMENTS). */
  | 'addRequirement'
  /** Approve a requested change order, raising its cap by one (any open stage); offered while one is requested. */
  | 'approveChangeOrder'
  /** Cancel the project (any open stage), stopping its timers and probes. */
  | 'cancelProject'
  /** Record MET or GAP for each confirmed requirement (DEVELOPMENT); offered while the validation day is open. */
  | 'completeValidationDay'
  /** Confirm a proposed requirement (REQUIREMENTS); offered while one is proposed. */
  | 'confirmRequirement'
  /** Drop a requirement from the scope (REQUIREMENTS). */
  | 'dropRequirement'
  /** Log a communication round with the client (REQUIREMENTS). */
  | 'logCommunicationRound'
  /** Log a requirement research session (REQUIREMENTS); capped by the package plus approved EXTRA_RESEARCH change orders. */
  | 'logResearchSession'
  /** Book a cost to a phase of the project (any open stage). */
  | 'recordCost'
  /** Reject a requested change order (any open stage); offered while one is requested. */
  | 'rejectChangeOrder'
  /** Record the client's rejection of the delivery and go back to DEVELOPMENT. */
  | 'rejectDelivery'
  /** Request a change order for work past a cap or extra scope (any open stage). */
  | 'requestChangeOrder'
  /** Sign off the requirements and move to DEVELOPMENT; offered once the package's minimum communication rounds are logged and a requirement is confirmed. */
  | 'signOffRequirements'
  /** Start a stress test and move to STRESS_TEST; offered once enough review rounds are approved, the validation day is done and no gap is open. */
  | 'startStressTest'
  /** Record a review round with the client (DEVELOPMENT); CHANGES_REQUESTED uses an iteration round, capped by the package. */
  | 'submitReviewRound'
  /** Record the after-care service review and its NPS (AFTERCARE); offered while the review is open. */
  | 'submitServiceReview';

/** Stages of the delivery SOP. */
export type SopStage =
  /** The stress test passed: waiting for the client to accept the delivery (on to AFTERCARE) or reject it (back to DEVELOPMENT). */
  | 'ACCEPTANCE'
  /** Delivered: the live site is monitored daily for the package's months and the service review is collected; closes when both are done. */
  | 'AFTERCARE'
  /** Cancelled by a lead from an open stage, its timers and probes stopped; final, nothing can change the project any more. */
  | 'CANCELLED'
  /** Finished normally (monitoring ended, service review done); final, nothing can change the project any more. */
  | 'CLOSED'
  /** The site is built: review rounds with the client and, where the package has one, the requirement validation day; left by starting the stress test. */
  | 'DEVELOPMENT'
  /** First stage: communication rounds, research sessions and requirements with the client, until the requirements are signed off. */
  | 'REQUIREMENTS'
  /** The staging site is probed for the package's stress-test days; a pass moves on to ACCEPTANCE, a failure back to DEVELOPMENT. */
  | 'STRESS_TEST';

/** Where the latest stress test stands. */
export type StressTestStatus =
  /** The latest attempt was stopped by abortStressTest or by cancelling the project. */
  | 'ABORTED'
  /** The latest attempt missed a threshold; the project is back in development. */
  | 'FAILED'
  /** No attempt yet, or the client rejected the delivery after the last pass. */
  | 'NOT_STARTED'
  /** The latest attempt met every threshold. */
  | 'PASSED'
  /** An attempt is probing the staging site. */
  | 'RUNNING';

/** What an after-sales ticket is about; the SLA policy's rules may set targets per category. */
export type TicketCategory =
  /** A business question: a callback within 1 hour as shipped. */
  | 'BUSINESS'
  /** A single client's complaint: a first remedy plan within 2 hours as shipped. */
  | 'COMPLAINT'
  /** A problem affecting many users: a public response within 1 hour as shipped (10 or more affected users). */
  | 'INCIDENT'
  /** A strategic question: the client's CSM within 4 hours as shipped. */
  | 'STRATEGIC'
  /** A system question, offered self-service first as shipped. */
  | 'SYSTEM';

/** How a ticket reached the agency. */
export type TicketChannel =
  /** A chat conversation. */
  | 'CHAT'
  /** An email, entered by an agent. */
  | 'EMAIL'
  /** A phone call, entered by an agent. */
  | 'PHONE'
  /** The client portal (the agency's front-end). */
  | 'PORTAL';

/** How urgent an after-sales ticket is; each severity has its own default SLA targets ("48-24-12"). */
export type TicketSeverity =
  /** High urgency: first response within 12 hours as shipped. */
  | 'HIGH'
  /** Low urgency: first response within 48 hours as shipped. */
  | 'LOW'
  /** Medium urgency: first response within 24 hours as shipped. */
  | 'MEDIUM';

/** Where a ticket is in its life; the status decides which SLA clocks run. */
export type TicketStatus =
  /** Closed for good: nothing can change it. */
  | 'CLOSED'
  /** Being worked: every clock runs. */
  | 'OPEN'
  /** Resolved: every clock has stopped; reopening continues the resolution clock with the time it had used. */
  | 'RESOLVED'
  /** Waiting for the client: the next-response and resolution clocks are paused (the first response is not). */
  | 'WAITING_FOR_CLIENT';

/** What a timeline event records. */
export type TimelineEventType =
  /** A change order was approved and its cap raised (details: ChangeOrderEventDetails). */
  | 'CHANGE_ORDER_APPROVED'
  /** A change order was rejected (details: ChangeOrderEventDetails). */
  | 'CHANGE_ORDER_REJECTED'
  /** A change order was requested (details: ChangeOrderEventDetails). */
  | 'CHANGE_ORDER_REQUESTED'
  /** A communication round with the client was logged (details: CommunicationRoundDetails). */
  | 'COMMUNICATION_ROUND_LOGGED'
  /** A cost was booked to a phase (details: CostRecordedDetails); internal, so only ADMIN and LEAD see these events. */
  | 'COST_RECORDED'
  /** The client accepted the delivery and after-care started (details: DeliveryAcceptedDetails). */
  | 'DELIVERY_ACCEPTED'
  /** The client rejected the delivery and the project went back to DEVELOPMENT (details: DeliveryRejectedDetails). */
  | 'DELIVERY_REJECTED'
  /** System: after-care monitoring finished its last month (details: MonitoringEndedDetails). */
  | 'MONITORING_ENDED'
  /** A lead cancelled the project (details: ProjectCancelledDetails). */
  | 'PROJECT_CANCELLED'
  /** System: monitoring ended and the service review is done, so the project is CLOSED (no details). */
  | 'PROJECT_CLOSED'
  /** The project was created with its package and add-ons (details: ProjectCreatedDetails). */
  | 'PROJECT_CREATED'
  /** The requirements were signed off and the project moved to DEVELOPMENT (details: RequirementsSignOffDetails). */
  | 'REQUIREMENTS_SIGNED_OFF'
  /** A requirement was proposed (details: RequirementEventDetails). */
  | 'REQUIREMENT_ADDED'
  /** A proposed requirement was confirmed (details: RequirementEventDetails). */
  | 'REQUIREMENT_CONFIRMED'
  /** A requirement was dropped from the scope (details: RequirementEventDetails). */
  | 'REQUIREMENT_DROPPED'
  /** A research session was logged (details: ResearchSessionDetails). */
  | 'RESEARCH_SESSION_LOGGED'
  /** A review round with the client was recorded (details: ReviewRoundDetails). */
  | 'REVIEW_ROUND_SUBMITTED'
  /** System: the service review opened, waiting for submitServiceReview (details: ServiceReviewDueDetails). */
  | 'SERVICE_REVIEW_OPENED'
  /** System: the service review was not submitted by its due day (no details). */
  | 'SERVICE_REVIEW_OVERDUE'
  /** System: the service review is not done and is due within a week (details: ServiceReviewDueDetails). */
  | 'SERVICE_REVIEW_REMINDER'
  /** The service review and its NPS were recorded (details: ServiceReviewDetails). */
  | 'SERVICE_REVIEW_SUBMITTED'
  /** A lead aborted the running stress test and the project went back to DEVELOPMENT (details: StressTestAbortedDetails). */
  | 'STRESS_TEST_ABORTED'
  /** System: the stress test missed a threshold; the project went back to DEVELOPMENT and used an iteration round (details: StressTestVerdictDetails). */
  | 'STRESS_TEST_FAILED'
  /** System: the stress test met its thresholds and the project moved to ACCEPTANCE (details: StressTestVerdictDetails). */
  | 'STRESS_TEST_PASSED'
  /** A stress test attempt started and the project moved to STRESS_TEST (details: StressTestStartedDetails). */
  | 'STRESS_TEST_STARTED'
  /** The validation day's results were recorded (details: ValidationDayDetails). */
  | 'VALIDATION_DAY_COMPLETED'
  /** System: the validation day's timer fired and the day is open for results (no details). */
  | 'VALIDATION_DAY_OPENED';

/** Where the requirement validation day stands. */
export type ValidationDayStatus =
  /** The results are recorded. */
  | 'DONE'
  /** The project's package has no validation day. */
  | 'NOT_APPLICABLE'
  /** Open: waiting for completeValidationDay; the stress test cannot start meanwhile. */
  | 'OPEN'
  /** Not open yet: the requirements are not signed off, or its timer has not fired (see `validationDayOpensAt`). */
  | 'PENDING';

export type AddRequirementMutationVariables = Exact<{
  input: AddRequirementInput;
}>;


export type AddRequirementMutation = { addRequirement: { id: string, requirements: Array<{ id: string, title: string, status: RequirementStatus }> } };

export type CatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogQuery = { servicePackages: Array<{ code: string, name: string, description: string, policy: { minCommunicationRounds: number, includedResearchSessions: number, minReviewRounds: number, stressTestDays: number, hostingMonths: number, serviceReviewWithinDays: number } }>, addOnPacks: Array<{ code: string, name: string, description: string }> };

export type ConfirmRequirementMutationVariables = Exact<{
  input: ConfirmRequirementInput;
}>;


export type ConfirmRequirementMutation = { confirmRequirement: { id: string, requirements: Array<{ id: string, title: string, status: RequirementStatus }> } };

export type CreateClientMutationVariables = Exact<{
  input: CreateClientInput;
}>;


export type CreateClientMutation = { createClient: { id: string, name: string, tier: ClientTier, contactEmail: string | null } };

export type CreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectMutation = { createProject: { id: string, name: string, stage: SopStage, projectLead: string, availableActions: Array<SopAction>, servicePackage: { code: string } } };

export type LogCommunicationRoundMutationVariables = Exact<{
  input: LogCommunicationRoundInput;
}>;


export type LogCommunicationRoundMutation = { logCommunicationRound: { id: string, stage: SopStage, availableActions: Array<SopAction>, progress: { communicationRounds: number } } };

export type OpenTicketMutationVariables = Exact<{
  input: OpenTicketInput;
}>;


export type OpenTicketMutation = { openTicket: { id: string, title: string, severity: TicketSeverity, category: TicketCategory, status: TicketStatus, assignee: string | null, policyVersion: number, slaExplanation: string, nextDueAt: string | null, clocks: Array<{ clock: SlaClockName, dueAt: string | null, remainingMillis: number }> } };

export type ProjectQueryVariables = Exact<{
  id: string;
}>;


export type ProjectQuery = { project: { id: string, name: string, stage: SopStage, projectLead: string, stagingUrl: string | null, availableActions: Array<SopAction>, client: { id: string, name: string, tier: ClientTier }, servicePackage: { code: string, name: string }, progress: { communicationRounds: number, researchSessions: number, reviewRounds: number, validationDay: ValidationDayStatus, stressTest: StressTestStatus, caps: { researchSessions: number, iterationRounds: number } }, requirements: Array<{ id: string, title: string, status: RequirementStatus }>, timeline: Array<{ seq: number, type: TimelineEventType, actor: string, occurredAt: string, summary: string }> } | null };

export type RecordCostMutationVariables = Exact<{
  input: RecordCostInput;
}>;


export type RecordCostMutation = { recordCost: { id: string, costEntries: Array<{ id: string, phase: CostPhase, amount: number, note: string | null }> | null, costShares: Array<{ phase: CostPhase, spent: number, share: number | null, guardrailMax: number, overGuardrail: boolean }> | null } };

export type SignOffRequirementsMutationVariables = Exact<{
  input: SignOffRequirementsInput;
}>;


export type SignOffRequirementsMutation = { signOffRequirements: { id: string, stage: SopStage, availableActions: Array<SopAction>, progress: { communicationRounds: number, validationDay: ValidationDayStatus, validationDayOpensAt: string | null } } };

export type TicketQueueQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TicketQueueQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, severity: TicketSeverity, category: TicketCategory, status: TicketStatus, assignee: string | null, slaBreached: boolean, nextDueAt: string | null, timeLeftMillis: number | null, client: { name: string, tier: ClientTier }, clocks: Array<{ clock: SlaClockName, round: number, dueAt: string | null, remainingMillis: number, paused: boolean, breached: boolean, running: boolean }> } }> } };


export const AddRequirementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddRequirement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddRequirementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addRequirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AddRequirementMutation, AddRequirementMutationVariables>;
export const CatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"servicePackages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCommunicationRounds"}},{"kind":"Field","name":{"kind":"Name","value":"includedResearchSessions"}},{"kind":"Field","name":{"kind":"Name","value":"minReviewRounds"}},{"kind":"Field","name":{"kind":"Name","value":"stressTestDays"}},{"kind":"Field","name":{"kind":"Name","value":"hostingMonths"}},{"kind":"Field","name":{"kind":"Name","value":"serviceReviewWithinDays"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"addOnPacks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>;
export const ConfirmRequirementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmRequirement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmRequirementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmRequirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmRequirementMutation, ConfirmRequirementMutationVariables>;
export const CreateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}}]}}]}}]} as unknown as DocumentNode<CreateClientMutation, CreateClientMutationVariables>;
export const CreateProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"projectLead"}},{"kind":"Field","name":{"kind":"Name","value":"servicePackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<CreateProjectMutation, CreateProjectMutationVariables>;
export const LogCommunicationRoundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogCommunicationRound"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogCommunicationRoundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logCommunicationRound"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communicationRounds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<LogCommunicationRoundMutation, LogCommunicationRoundMutationVariables>;
export const OpenTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"slaExplanation"}},{"kind":"Field","name":{"kind":"Name","value":"nextDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clock"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"remainingMillis"}}]}}]}}]}}]} as unknown as DocumentNode<OpenTicketMutation, OpenTicketMutationVariables>;
export const ProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Project"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"projectLead"}},{"kind":"Field","name":{"kind":"Name","value":"stagingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"servicePackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communicationRounds"}},{"kind":"Field","name":{"kind":"Name","value":"researchSessions"}},{"kind":"Field","name":{"kind":"Name","value":"reviewRounds"}},{"kind":"Field","name":{"kind":"Name","value":"caps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"researchSessions"}},{"kind":"Field","name":{"kind":"Name","value":"iterationRounds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validationDay"}},{"kind":"Field","name":{"kind":"Name","value":"stressTest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]} as unknown as DocumentNode<ProjectQuery, ProjectQueryVariables>;
export const RecordCostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"costEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costShares"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"guardrailMax"}},{"kind":"Field","name":{"kind":"Name","value":"overGuardrail"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCostMutation, RecordCostMutationVariables>;
export const SignOffRequirementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOffRequirements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignOffRequirementsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOffRequirements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communicationRounds"}},{"kind":"Field","name":{"kind":"Name","value":"validationDay"}},{"kind":"Field","name":{"kind":"Name","value":"validationDayOpensAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<SignOffRequirementsMutation, SignOffRequirementsMutationVariables>;
export const TicketQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"open"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}},{"kind":"Field","name":{"kind":"Name","value":"nextDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeLeftMillis"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clock"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"remainingMillis"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"running"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TicketQueueQuery, TicketQueueQueryVariables>;