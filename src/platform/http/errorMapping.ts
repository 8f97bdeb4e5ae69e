import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, type DomainErrorCode } from '../domainError.js';
import { isDatabaseUnavailable } from '../orm/sqlState.js';

/**
 * The one table from domain error codes to what API clients see. It is a Record over
 * every code, so adding a code without mapping it fails the type-check.
 */
export const ERROR_CODE_MAPPING: Record<DomainErrorCode, { code: string }> = {
  SOP_RULE_VIOLATION: { code: 'SOP_RULE_VIOLATION' },
  STAGE_CONFLICT: { code: 'STAGE_CONFLICT' },
  NOT_FOUND: { code: 'NOT_FOUND' },
  INVALID_INPUT: { code: 'BAD_USER_INPUT' },
  WORKFLOW_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE' },
  PROJECTION_REJECTED: { code: 'PROJECTION_REJECTED' },
  IDEMPOTENCY_KEY_REUSED: { code: 'IDEMPOTENCY_KEY_REUSED' },
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED' },
  FORBIDDEN: { code: 'FORBIDDEN' },
  STATUS_CONFLICT: { code: 'STATUS_CONFLICT' },
  TICKET_CLOSED: { code: 'TICKET_CLOSED' },
};

export function domainErrorToGraphQL(error: DomainError): GraphQLError {
  const mapping = ERROR_CODE_MAPPING[error.code];
  return new GraphQLError(error.message, {
    extensions: { code: mapping.code, ...error.details },
  });
}

/** Finds an error of `type` in the chain GraphQL wraps around what a resolver threw. */
function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let current = error; current instanceof Error; ) {
    if (current instanceof type) return current;
    current = current instanceof GraphQLError && current.originalError ? current.originalError : current.cause;
  }
  return undefined;
}

function isUncodedRequestRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions.code !== undefined) return false;
  const http = error.extensions.http as { status?: number } | undefined;
  return http?.status === 400;
}

/**
 * Apollo's `formatError`: domain errors become coded errors, argument validation lists
 * each field's problems, and anything unexpected is logged and masked.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const domain = findCause(error, DomainError);
  if (domain) {
    const mapped = domainErrorToGraphQL(domain);
    return { ...formatted, message: mapped.message, extensions: mapped.extensions };
  }
  const validation = findCause(error, ArgumentValidationError);
  // A validator that throws (a bug, not bad input) arrives with no list: masked below.
  if (validation && Array.isArray(validation.extensions.validationErrors)) {
    const problems = validation.extensions.validationErrors.flatMap(function flatten(e): { field: string; constraints: string[] }[] {
      const own = e.constraints ? [{ field: e.property, constraints: Object.values(e.constraints) }] : [];
      return [...own, ...(e.children ?? []).flatMap(flatten)];
    });
    return {
      ...formatted,
      message: `Invalid input: ${problems.map((p) => p.constraints.join(', ')).join('; ')}`,
      extensions: { code: 'BAD_USER_INPUT', validationErrors: problems },
    };
  }
  const code = formatted.extensions?.code;
  if (isDatabaseUnavailable(error)) {
    // Postgres restarting or away: a coded, retryable answer; a retry with the same idempotency key never acts twice.
    return { message: 'The database is unavailable; try again shortly.', locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  if (isUncodedRequestRefusal(error)) {
    // Apollo's own refusals of a malformed request (e.g. a persisted query whose hash does
    // not match) carry status 400 and no code: the client's mistake, said in Apollo's words.
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    // Logged once, with a correlation id, by the correlateUnexpectedErrors plugin.
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  // No stack trace or file path ever leaves the server.
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
