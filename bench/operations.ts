/** The GraphQL operations the bench sends to the application, and the floors' equivalents. */
import type { BenchRequest } from './loadGenerator.js';

export const SEED_CLIENT_IDS = ['00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000c002'];
export const LEAD = 'lin.pm';

export function graphql(query: string, variables: Record<string, unknown> = {}): BenchRequest {
  return { method: 'POST', path: '/graphql', body: JSON.stringify({ query, variables }) };
}

/** The board: a page of projects with client, package, lead, progress and the last timeline event. */
export const BOARD_QUERY = `query Board($first: Int!) {
  projects(first: $first) {
    edges { node {
      id name stage createdAt
      client { id name }
      servicePackage { code name }
      lead { username displayName }
      progress { communicationRounds researchSessions reviewRounds openGaps }
      timelineItems(last: 1) { edges { node { seq type summary occurredAt } } }
    } }
  }
}`;

/** One project with client, package and timeline. */
export const PROJECT_QUERY = `query Project($id: UUID!) {
  project(id: $id) {
    id name stage projectLead createdAt
    client { id name tier }
    servicePackage { code name }
    timeline { seq type fromStage toStage actor occurredAt summary }
  }
}`;

/** PostGraphile's spelling of the same two reads (amber preset: a table's `id` column is `rowId`, `id` being the Relay node id). */
export const POSTGRAPHILE_BOARD_QUERY = `query Board($first: Int!) {
  allProjects(first: $first, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
    nodes {
      rowId name stage createdAt sopState
      clientByClientId { rowId name }
      servicePackageByServicePackageCode { code name }
      lead { username displayName }
      timelineEventsByProjectId(first: 1, orderBy: [SEQ_DESC]) { nodes { seq type summary occurredAt } }
    }
  }
}`;

export const POSTGRAPHILE_PROJECT_QUERY = `query Project($id: UUID!) {
  projectByRowId(rowId: $id) {
    rowId name stage projectLead createdAt
    clientByClientId { rowId name tier }
    servicePackageByServicePackageCode { code name }
    timelineEventsByProjectId(orderBy: [SEQ_ASC]) { nodes { seq type fromStage toStage actor occurredAt summary } }
  }
}`;

export function createProjectRequest(index: number): BenchRequest {
  return graphql(
    `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    { input: { clientId: SEED_CLIENT_IDS[index % 2], name: `Bench project ${index}`, packageCode: 'STANDARD', projectLead: LEAD } },
  );
}

export const LOG_ROUND_MUTATION = `mutation ($input: LogCommunicationRoundInput!) {
  logCommunicationRound(input: $input) { id progress { communicationRounds } timelineItems(last: 1) { edges { node { seq summary } } } }
}`;

export function logRoundRequest(projectId: string, summary = 'Weekly sync on the sitemap'): BenchRequest {
  return graphql(LOG_ROUND_MUTATION, { input: { projectId, channel: 'CALL', summary, attendees: ['client', LEAD] } });
}

export function openTicketRequest(projectId: string, index: number): BenchRequest {
  return graphql(`mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
    input: { projectId, title: `Bench ticket ${index}`, severity: 'MEDIUM', category: 'SYSTEM' },
  });
}

export const DASHBOARD_QUERY = `query Dashboard($from: DateTimeISO!, $to: DateTimeISO!) {
  serviceDashboard(from: $from, to: $to) {
    requirementCycleDays { value sampleSize }
    communicationRounds { value sampleSize }
    reviewRoundsPerProject { value sampleSize }
    clientAttendanceRate { value sampleSize }
    validationGapRate { value sampleSize }
  }
}`;

export const BREACH_REPORT_QUERY = `query Breaches { slaBreachReport(groupBy: AGENT) { asOf rows { key label breaches } } }`;
