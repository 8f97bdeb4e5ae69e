// @temporalio/common is the pure package the workflow SDK itself is built on; it is bundled with workflows.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes that let ops filter projects in the Temporal UI
 * (e.g. `SopStage = "STRESS_TEST" AND ClientTier = "A"`). The dev server registers them
 * at start (src/runtime/temporalDevServer.ts) and docker compose at start-up.
 */
export const SopStageKey = defineSearchAttributeKey('SopStage', SearchAttributeType.KEYWORD);
export const PackageCodeKey = defineSearchAttributeKey('PackageCode', SearchAttributeType.KEYWORD);
export const ClientTierKey = defineSearchAttributeKey('ClientTier', SearchAttributeType.KEYWORD);
export const ProjectLeadKey = defineSearchAttributeKey('ProjectLead', SearchAttributeType.KEYWORD);
export const SlaBreachedKey = defineSearchAttributeKey('SlaBreached', SearchAttributeType.BOOL);
/** Set by the ticket SLA workflow (workflows/aftersales/ticketSla.ts), e.g. `ClientId = "c1" AND SlaBreached = true`. */
export const ProjectIdKey = defineSearchAttributeKey('ProjectId', SearchAttributeType.KEYWORD);
export const ClientIdKey = defineSearchAttributeKey('ClientId', SearchAttributeType.KEYWORD);
export const TicketSeverityKey = defineSearchAttributeKey('TicketSeverity', SearchAttributeType.KEYWORD);
export const TicketCategoryKey = defineSearchAttributeKey('TicketCategory', SearchAttributeType.KEYWORD);

/** Name → type of every custom search attribute, for registering them with a server. */
export const CUSTOM_SEARCH_ATTRIBUTES = [
  SopStageKey,
  PackageCodeKey,
  ClientTierKey,
  ProjectLeadKey,
  SlaBreachedKey,
  ProjectIdKey,
  ClientIdKey,
  TicketSeverityKey,
  TicketCategoryKey,
];
