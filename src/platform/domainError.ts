/**
 * Every way the application refuses a request, as a closed set of codes. The API maps
 * each code to a GraphQL error in one exhaustive table (src/api/errorMapping.ts).
 */
export const DOMAIN_ERROR_CODES = [
  'SOP_RULE_VIOLATION',
  'STAGE_CONFLICT',
  'NOT_FOUND',
  'INVALID_INPUT',
  'WORKFLOW_UNAVAILABLE',
  'PROJECTION_REJECTED',
  'IDEMPOTENCY_KEY_REUSED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  /** A ticket update that its status does not allow now (e.g. reopening a ticket that is not resolved). */
  'STATUS_CONFLICT',
  /** An update of a closed ticket. */
  'TICKET_CLOSED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
