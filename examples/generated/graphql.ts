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
  projectId: string;
  /** What the client needs, in one line. */
  title: string;
};

/** A: strategic, dedicated CSM. B: standard process. C: self-service. */
export type ClientTier =
  | 'A'
  | 'B'
  | 'C';

/** How a communication round took place. */
export type CommunicationChannel =
  | 'CALL'
  | 'CHAT'
  | 'EMAIL'
  | 'MEETING'
  | 'VIDEO'
  | 'WORKSHOP';

/** Confirms a proposed requirement. */
export type ConfirmRequirementInput = {
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  projectId: string;
  /** Id of the requirement, as `Project.requirements` lists it. */
  requirementId: string;
};

/** The phase a cost is booked to. */
export type CostPhase =
  | 'AFTER_SALES'
  | 'ITERATION'
  | 'OTHER'
  | 'RESEARCH';

export type CreateClientInput = {
  contactEmail?: string | null | undefined;
  name: string;
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
  projectId: string;
  /** What was discussed and agreed. */
  summary: string;
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
  projectId: string;
};

/** Where a requirement stands. */
export type RequirementStatus =
  | 'CONFIRMED'
  | 'DROPPED'
  | 'PROPOSED';

/** Signs off the requirements: the gate into development. */
export type SignOffRequirementsInput = {
  /** Send the same key again to retry this action without applying it twice. */
  idempotencyKey?: string | null | undefined;
  /** A note for the timeline. */
  note?: string | null | undefined;
  projectId: string;
};

/** Lead actions of the SOP, each a mutation of the same name. */
export type SopAction =
  | 'abortStressTest'
  | 'acceptDelivery'
  | 'addRequirement'
  | 'approveChangeOrder'
  | 'cancelProject'
  | 'completeValidationDay'
  | 'confirmRequirement'
  | 'dropRequirement'
  | 'logCommunicationRound'
  | 'logResearchSession'
  | 'recordCost'
  | 'rejectChangeOrder'
  | 'rejectDelivery'
  | 'requestChangeOrder'
  | 'signOffRequirements'
  | 'startStressTest'
  | 'submitReviewRound'
  | 'submitServiceReview';

/** Stages of the delivery SOP. */
export type SopStage =
  | 'ACCEPTANCE'
  | 'AFTERCARE'
  | 'CANCELLED'
  | 'CLOSED'
  | 'DEVELOPMENT'
  | 'REQUIREMENTS'
  | 'STRESS_TEST';

/** Where the latest stress test stands. */
export type StressTestStatus =
  | 'ABORTED'
  | 'FAILED'
  | 'NOT_STARTED'
  | 'PASSED'
  | 'RUNNING';

/** What a timeline event records. */
export type TimelineEventType =
  | 'CHANGE_ORDER_APPROVED'
  | 'CHANGE_ORDER_REJECTED'
  | 'CHANGE_ORDER_REQUESTED'
  | 'COMMUNICATION_ROUND_LOGGED'
  | 'COST_RECORDED'
  | 'DELIVERY_ACCEPTED'
  | 'DELIVERY_REJECTED'
  | 'MONITORING_ENDED'
  | 'PROJECT_CANCELLED'
  | 'PROJECT_CLOSED'
  | 'PROJECT_CREATED'
  | 'REQUIREMENTS_SIGNED_OFF'
  | 'REQUIREMENT_ADDED'
  | 'REQUIREMENT_CONFIRMED'
  | 'REQUIREMENT_DROPPED'
  | 'RESEARCH_SESSION_LOGGED'
  | 'REVIEW_ROUND_SUBMITTED'
  | 'SERVICE_REVIEW_OPENED'
  | 'SERVICE_REVIEW_OVERDUE'
  | 'SERVICE_REVIEW_REMINDER'
  | 'SERVICE_REVIEW_SUBMITTED'
  | 'STRESS_TEST_ABORTED'
  | 'STRESS_TEST_FAILED'
  | 'STRESS_TEST_PASSED'
  | 'STRESS_TEST_STARTED'
  | 'VALIDATION_DAY_COMPLETED'
  | 'VALIDATION_DAY_OPENED';

/** Where the requirement validation day stands. */
export type ValidationDayStatus =
  | 'DONE'
  | 'NOT_APPLICABLE'
  | 'OPEN'
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


export const AddRequirementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddRequirement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddRequirementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addRequirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AddRequirementMutation, AddRequirementMutationVariables>;
export const CatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"servicePackages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCommunicationRounds"}},{"kind":"Field","name":{"kind":"Name","value":"includedResearchSessions"}},{"kind":"Field","name":{"kind":"Name","value":"minReviewRounds"}},{"kind":"Field","name":{"kind":"Name","value":"stressTestDays"}},{"kind":"Field","name":{"kind":"Name","value":"hostingMonths"}},{"kind":"Field","name":{"kind":"Name","value":"serviceReviewWithinDays"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"addOnPacks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>;
export const ConfirmRequirementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmRequirement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmRequirementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmRequirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmRequirementMutation, ConfirmRequirementMutationVariables>;
export const CreateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}}]}}]}}]} as unknown as DocumentNode<CreateClientMutation, CreateClientMutationVariables>;
export const CreateProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"projectLead"}},{"kind":"Field","name":{"kind":"Name","value":"servicePackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<CreateProjectMutation, CreateProjectMutationVariables>;
export const LogCommunicationRoundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogCommunicationRound"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogCommunicationRoundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logCommunicationRound"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communicationRounds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<LogCommunicationRoundMutation, LogCommunicationRoundMutationVariables>;
export const ProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Project"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"projectLead"}},{"kind":"Field","name":{"kind":"Name","value":"stagingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"servicePackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communicationRounds"}},{"kind":"Field","name":{"kind":"Name","value":"researchSessions"}},{"kind":"Field","name":{"kind":"Name","value":"reviewRounds"}},{"kind":"Field","name":{"kind":"Name","value":"caps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"researchSessions"}},{"kind":"Field","name":{"kind":"Name","value":"iterationRounds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validationDay"}},{"kind":"Field","name":{"kind":"Name","value":"stressTest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]} as unknown as DocumentNode<ProjectQuery, ProjectQueryVariables>;
export const RecordCostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"costEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costShares"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"guardrailMax"}},{"kind":"Field","name":{"kind":"Name","value":"overGuardrail"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCostMutation, RecordCostMutationVariables>;
export const SignOffRequirementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOffRequirements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignOffRequirementsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOffRequirements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communicationRounds"}},{"kind":"Field","name":{"kind":"Name","value":"validationDay"}},{"kind":"Field","name":{"kind":"Name","value":"validationDayOpensAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}}]}}]}}]} as unknown as DocumentNode<SignOffRequirementsMutation, SignOffRequirementsMutationVariables>;