/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddRequirement($input: AddRequirementInput!) {\n  addRequirement(input: $input) {\n    id\n    requirements {\n      id\n      title\n      status\n    }\n  }\n}": typeof types.AddRequirementDocument,
    "query Catalog {\n  servicePackages {\n    code\n    name\n    description\n    policy {\n      minCommunicationRounds\n      includedResearchSessions\n      minReviewRounds\n      stressTestDays\n      hostingMonths\n      serviceReviewWithinDays\n    }\n  }\n  addOnPacks {\n    code\n    name\n    description\n  }\n}": typeof types.CatalogDocument,
    "mutation ConfirmRequirement($input: ConfirmRequirementInput!) {\n  confirmRequirement(input: $input) {\n    id\n    requirements {\n      id\n      title\n      status\n    }\n  }\n}": typeof types.ConfirmRequirementDocument,
    "mutation CreateClient($input: CreateClientInput!) {\n  createClient(input: $input) {\n    id\n    name\n    tier\n    contactEmail\n  }\n}": typeof types.CreateClientDocument,
    "mutation CreateProject($input: CreateProjectInput!) {\n  createProject(input: $input) {\n    id\n    name\n    stage\n    projectLead\n    servicePackage {\n      code\n    }\n    availableActions\n  }\n}": typeof types.CreateProjectDocument,
    "mutation LogCommunicationRound($input: LogCommunicationRoundInput!) {\n  logCommunicationRound(input: $input) {\n    id\n    stage\n    progress {\n      communicationRounds\n    }\n    availableActions\n  }\n}": typeof types.LogCommunicationRoundDocument,
    "mutation OpenTicket($input: OpenTicketInput!) {\n  openTicket(input: $input) {\n    id\n    title\n    severity\n    category\n    status\n    assignee\n    policyVersion\n    slaExplanation\n    nextDueAt\n    clocks {\n      clock\n      dueAt\n      remainingMillis\n    }\n  }\n}": typeof types.OpenTicketDocument,
    "query Project($id: UUID!) {\n  project(id: $id) {\n    id\n    name\n    stage\n    projectLead\n    stagingUrl\n    client {\n      id\n      name\n      tier\n    }\n    servicePackage {\n      code\n      name\n    }\n    progress {\n      communicationRounds\n      researchSessions\n      reviewRounds\n      caps {\n        researchSessions\n        iterationRounds\n      }\n      validationDay\n      stressTest\n    }\n    requirements {\n      id\n      title\n      status\n    }\n    availableActions\n    timeline {\n      seq\n      type\n      actor\n      occurredAt\n      summary\n    }\n  }\n}": typeof types.ProjectDocument,
    "mutation RecordCost($input: RecordCostInput!) {\n  recordCost(input: $input) {\n    id\n    costEntries {\n      id\n      phase\n      amount\n      note\n    }\n    costShares {\n      phase\n      spent\n      share\n      guardrailMax\n      overGuardrail\n    }\n  }\n}": typeof types.RecordCostDocument,
    "mutation SignOffRequirements($input: SignOffRequirementsInput!) {\n  signOffRequirements(input: $input) {\n    id\n    stage\n    progress {\n      communicationRounds\n      validationDay\n      validationDayOpensAt\n    }\n    availableActions\n  }\n}": typeof types.SignOffRequirementsDocument,
    "query TicketQueue($after: String) {\n  tickets(filter: {open: true}, first: 20, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        severity\n        category\n        status\n        assignee\n        slaBreached\n        nextDueAt\n        timeLeftMillis\n        client {\n          name\n          tier\n        }\n        clocks {\n          clock\n          round\n          dueAt\n          remainingMillis\n          paused\n          breached\n          running\n        }\n      }\n    }\n  }\n}": typeof types.TicketQueueDocument,
};
const documents: Documents = {
    "mutation AddRequirement($input: AddRequirementInput!) {\n  addRequirement(input: $input) {\n    id\n    requirements {\n      id\n      title\n      status\n    }\n  }\n}": types.AddRequirementDocument,
    "query Catalog {\n  servicePackages {\n    code\n    name\n    description\n    policy {\n      minCommunicationRounds\n      includedResearchSessions\n      minReviewRounds\n      stressTestDays\n      hostingMonths\n      serviceReviewWithinDays\n    }\n  }\n  addOnPacks {\n    code\n    name\n    description\n  }\n}": types.CatalogDocument,
    "mutation ConfirmRequirement($input: ConfirmRequirementInput!) {\n  confirmRequirement(input: $input) {\n    id\n    requirements {\n      id\n      title\n      status\n    }\n  }\n}": types.ConfirmRequirementDocument,
    "mutation CreateClient($input: CreateClientInput!) {\n  createClient(input: $input) {\n    id\n    name\n    tier\n    contactEmail\n  }\n}": types.CreateClientDocument,
    "mutation CreateProject($input: CreateProjectInput!) {\n  createProject(input: $input) {\n    id\n    name\n    stage\n    projectLead\n    servicePackage {\n      code\n    }\n    availableActions\n  }\n}": types.CreateProjectDocument,
    "mutation LogCommunicationRound($input: LogCommunicationRoundInput!) {\n  logCommunicationRound(input: $input) {\n    id\n    stage\n    progress {\n      communicationRounds\n    }\n    availableActions\n  }\n}": types.LogCommunicationRoundDocument,
    "mutation OpenTicket($input: OpenTicketInput!) {\n  openTicket(input: $input) {\n    id\n    title\n    severity\n    category\n    status\n    assignee\n    policyVersion\n    slaExplanation\n    nextDueAt\n    clocks {\n      clock\n      dueAt\n      remainingMillis\n    }\n  }\n}": types.OpenTicketDocument,
    "query Project($id: UUID!) {\n  project(id: $id) {\n    id\n    name\n    stage\n    projectLead\n    stagingUrl\n    client {\n      id\n      name\n      tier\n    }\n    servicePackage {\n      code\n      name\n    }\n    progress {\n      communicationRounds\n      researchSessions\n      reviewRounds\n      caps {\n        researchSessions\n        iterationRounds\n      }\n      validationDay\n      stressTest\n    }\n    requirements {\n      id\n      title\n      status\n    }\n    availableActions\n    timeline {\n      seq\n      type\n      actor\n      occurredAt\n      summary\n    }\n  }\n}": types.ProjectDocument,
    "mutation RecordCost($input: RecordCostInput!) {\n  recordCost(input: $input) {\n    id\n    costEntries {\n      id\n      phase\n      amount\n      note\n    }\n    costShares {\n      phase\n      spent\n      share\n      guardrailMax\n      overGuardrail\n    }\n  }\n}": types.RecordCostDocument,
    "mutation SignOffRequirements($input: SignOffRequirementsInput!) {\n  signOffRequirements(input: $input) {\n    id\n    stage\n    progress {\n      communicationRounds\n      validationDay\n      validationDayOpensAt\n    }\n    availableActions\n  }\n}": types.SignOffRequirementsDocument,
    "query TicketQueue($after: String) {\n  tickets(filter: {open: true}, first: 20, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        severity\n        category\n        status\n        assignee\n        slaBreached\n        nextDueAt\n        timeLeftMillis\n        client {\n          name\n          tier\n        }\n        clocks {\n          clock\n          round\n          dueAt\n          remainingMillis\n          paused\n          breached\n          running\n        }\n      }\n    }\n  }\n}": types.TicketQueueDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddRequirement($input: AddRequirementInput!) {\n  addRequirement(input: $input) {\n    id\n    requirements {\n      id\n      title\n      status\n    }\n  }\n}"): (typeof documents)["mutation AddRequirement($input: AddRequirementInput!) {\n  addRequirement(input: $input) {\n    id\n    requirements {\n      id\n      title\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Catalog {\n  servicePackages {\n    code\n    name\n    description\n    policy {\n      minCommunicationRounds\n      includedResearchSessions\n      minReviewRounds\n      stressTestDays\n      hostingMonths\n      serviceReviewWithinDays\n    }\n  }\n  addOnPacks {\n    code\n    name\n    description\n  }\n}"): (typeof documents)["query Catalog {\n  servicePackages {\n    code\n    name\n    description\n    policy {\n      minCommunicationRounds\n      includedResearchSessions\n      minReviewRounds\n      stressTestDays\n      hostingMonths\n      serviceReviewWithinDays\n    }\n  }\n  addOnPacks {\n    code\n    name\n    description\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmRequirement($input: ConfirmRequirementInput!) {\n  confirmRequirement(input: $input) {\n    id\n    requirements {\n      id\n      title\n      status\n    }\n  }\n}"): (typeof documents)["mutation ConfirmRequirement($input: ConfirmRequirementInput!) {\n  confirmRequirement(input: $input) {\n    id\n    requirements {\n      id\n      title\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateClient($input: CreateClientInput!) {\n  createClient(input: $input) {\n    id\n    name\n    tier\n    contactEmail\n  }\n}"): (typeof documents)["mutation CreateClient($input: CreateClientInput!) {\n  createClient(input: $input) {\n    id\n    name\n    tier\n    contactEmail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateProject($input: CreateProjectInput!) {\n  createProject(input: $input) {\n    id\n    name\n    stage\n    projectLead\n    servicePackage {\n      code\n    }\n    availableActions\n  }\n}"): (typeof documents)["mutation CreateProject($input: CreateProjectInput!) {\n  createProject(input: $input) {\n    id\n    name\n    stage\n    projectLead\n    servicePackage {\n      code\n    }\n    availableActions\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogCommunicationRound($input: LogCommunicationRoundInput!) {\n  logCommunicationRound(input: $input) {\n    id\n    stage\n    progress {\n      communicationRounds\n    }\n    availableActions\n  }\n}"): (typeof documents)["mutation LogCommunicationRound($input: LogCommunicationRoundInput!) {\n  logCommunicationRound(input: $input) {\n    id\n    stage\n    progress {\n      communicationRounds\n    }\n    availableActions\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OpenTicket($input: OpenTicketInput!) {\n  openTicket(input: $input) {\n    id\n    title\n    severity\n    category\n    status\n    assignee\n    policyVersion\n    slaExplanation\n    nextDueAt\n    clocks {\n      clock\n      dueAt\n      remainingMillis\n    }\n  }\n}"): (typeof documents)["mutation OpenTicket($input: OpenTicketInput!) {\n  openTicket(input: $input) {\n    id\n    title\n    severity\n    category\n    status\n    assignee\n    policyVersion\n    slaExplanation\n    nextDueAt\n    clocks {\n      clock\n      dueAt\n      remainingMillis\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Project($id: UUID!) {\n  project(id: $id) {\n    id\n    name\n    stage\n    projectLead\n    stagingUrl\n    client {\n      id\n      name\n      tier\n    }\n    servicePackage {\n      code\n      name\n    }\n    progress {\n      communicationRounds\n      researchSessions\n      reviewRounds\n      caps {\n        researchSessions\n        iterationRounds\n      }\n      validationDay\n      stressTest\n    }\n    requirements {\n      id\n      title\n      status\n    }\n    availableActions\n    timeline {\n      seq\n      type\n      actor\n      occurredAt\n      summary\n    }\n  }\n}"): (typeof documents)["query Project($id: UUID!) {\n  project(id: $id) {\n    id\n    name\n    stage\n    projectLead\n    stagingUrl\n    client {\n      id\n      name\n      tier\n    }\n    servicePackage {\n      code\n      name\n    }\n    progress {\n      communicationRounds\n      researchSessions\n      reviewRounds\n      caps {\n        researchSessions\n        iterationRounds\n      }\n      validationDay\n      stressTest\n    }\n    requirements {\n      id\n      title\n      status\n    }\n    availableActions\n    timeline {\n      seq\n      type\n      actor\n      occurredAt\n      summary\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordCost($input: RecordCostInput!) {\n  recordCost(input: $input) {\n    id\n    costEntries {\n      id\n      phase\n      amount\n      note\n    }\n    costShares {\n      phase\n      spent\n      share\n      guardrailMax\n      overGuardrail\n    }\n  }\n}"): (typeof documents)["mutation RecordCost($input: RecordCostInput!) {\n  recordCost(input: $input) {\n    id\n    costEntries {\n      id\n      phase\n      amount\n      note\n    }\n    costShares {\n      phase\n      spent\n      share\n      guardrailMax\n      overGuardrail\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOffRequirements($input: SignOffRequirementsInput!) {\n  signOffRequirements(input: $input) {\n    id\n    stage\n    progress {\n      communicationRounds\n      validationDay\n      validationDayOpensAt\n    }\n    availableActions\n  }\n}"): (typeof documents)["mutation SignOffRequirements($input: SignOffRequirementsInput!) {\n  signOffRequirements(input: $input) {\n    id\n    stage\n    progress {\n      communicationRounds\n      validationDay\n      validationDayOpensAt\n    }\n    availableActions\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TicketQueue($after: String) {\n  tickets(filter: {open: true}, first: 20, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        severity\n        category\n        status\n        assignee\n        slaBreached\n        nextDueAt\n        timeLeftMillis\n        client {\n          name\n          tier\n        }\n        clocks {\n          clock\n          round\n          dueAt\n          remainingMillis\n          paused\n          breached\n          running\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query TicketQueue($after: String) {\n  tickets(filter: {open: true}, first: 20, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        severity\n        category\n        status\n        assignee\n        slaBreached\n        nextDueAt\n        timeLeftMillis\n        client {\n          name\n          tier\n        }\n        clocks {\n          clock\n          round\n          dueAt\n          remainingMillis\n          paused\n          breached\n          running\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;