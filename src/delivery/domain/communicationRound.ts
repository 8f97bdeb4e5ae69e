import { isStorableText, TEXT_LIMITS } from '../../shared/domain/storable.js';
import type { RuleViolation } from './ruleViolation.js';

export const COMMUNICATION_CHANNELS = ['MEETING', 'CALL', 'VIDEO', 'EMAIL', 'CHAT', 'WORKSHOP'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

/** A communication round with the client during requirements, as a lead logs it. */
export interface CommunicationRound {
  channel: CommunicationChannel;
  summary: string;
  attendees: string[];
  occurredAt: string;
  actor: string;
}

/** Clocks of the API host and the Temporal server may differ a little. */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

function invalid(rule: string, message: string): RuleViolation {
  return { code: 'INVALID_INPUT', rule, message };
}

/**
 * Checks a round that reached the workflow from any client, not only from our API: the
 * workflow is a boundary of its own, so it does not trust its callers' validation.
 */
export function checkCommunicationRound(round: CommunicationRound, now: Date): RuleViolation | null {
  if (!COMMUNICATION_CHANNELS.includes(round?.channel)) {
    return invalid('CHANNEL', `channel must be one of ${COMMUNICATION_CHANNELS.join(', ')}.`);
  }
  if (!isStorableText(round.summary, TEXT_LIMITS.text)) {
    return invalid('SUMMARY', `summary must be 1-${TEXT_LIMITS.text} characters.`);
  }
  if (!Array.isArray(round.attendees) || round.attendees.length === 0 || round.attendees.some((a) => !isStorableText(a, TEXT_LIMITS.name))) {
    return invalid('ATTENDEES', 'attendees must name at least one person.');
  }
  const occurredAt = Date.parse(round.occurredAt);
  if (Number.isNaN(occurredAt)) {
    return invalid('OCCURRED_AT', 'occurredAt must be an ISO-8601 date-time.');
  }
  if (occurredAt > now.getTime() + ALLOWED_CLOCK_SKEW_MS) {
    return invalid('OCCURRED_AT', 'occurredAt must not be in the future.');
  }
  if (!isStorableText(round.actor, TEXT_LIMITS.name)) {
    return invalid('ACTOR', 'actor must name who logs the round.');
  }
  return null;
}
