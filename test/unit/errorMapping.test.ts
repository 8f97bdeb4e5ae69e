import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { formatGraphQLError } from '../../src/platform/http/errorMapping.js';
import { DOMAIN_ERROR_CODES, DomainError } from '../../src/platform/domainError.js';

/**
 * What API clients see for each domain code. Written out here on purpose: this is the
 * public contract, so it must not be derived from the mapping it checks.
 */
const CLIENT_CODES: Record<string, string> = {
  SOP_RULE_VIOLATION: 'SOP_RULE_VIOLATION',
  STAGE_CONFLICT: 'STAGE_CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_INPUT: 'BAD_USER_INPUT',
  WORKFLOW_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  PROJECTION_REJECTED: 'PROJECTION_REJECTED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  STATUS_CONFLICT: 'STATUS_CONFLICT',
  TICKET_CLOSED: 'TICKET_CLOSED',
};

/** What graphql-js makes of an error a resolver throws, and what Apollo formats from it. */
function asResolverFailure(error: Error): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const wrapped = new GraphQLError(error.message, { originalError: error, path: ['project', 'advance'] });
  return { formatted: { ...wrapped.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error: wrapped };
}

describe('formatGraphQLError for domain errors', () => {
  it('has a client code for exactly the domain codes', () => {
    expect(Object.keys(CLIENT_CODES).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });

  it.each(DOMAIN_ERROR_CODES)('%s reaches the client with its code, message and details', (code) => {
    const { formatted, error } = asResolverFailure(new DomainError(code, `what went wrong (${code})`, { rule: 'R', required: 2, actual: 1 }));
    expect(formatGraphQLError(formatted, error)).toEqual({
      message: `what went wrong (${code})`,
      path: ['project', 'advance'],
      extensions: { code: CLIENT_CODES[code], rule: 'R', required: 2, actual: 1 },
    });
  });

  it('finds a domain error wrapped as the cause of another error', () => {
    const cause = new DomainError('NOT_FOUND', 'Project x does not exist.');
    const { formatted, error } = asResolverFailure(new Error('loader failed', { cause }));
    expect(formatGraphQLError(formatted, error)).toMatchObject({ message: 'Project x does not exist.', extensions: { code: 'NOT_FOUND' } });
  });
});

describe('formatGraphQLError for everything else', () => {
  it('masks unexpected errors (the correlateUnexpectedErrors plugin logs them, once)', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { formatted, error } = asResolverFailure(new Error('password=hunter2 in connection string'));
      const masked = formatGraphQLError(formatted, error);
      expect(masked).toEqual({ message: 'Internal server error', path: ['project', 'advance'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(masked)).not.toContain('hunter2');
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('masks an error without a code too', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(formatGraphQLError({ message: 'secret' }, new Error('secret'))).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    } finally {
      log.mockRestore();
    }
  });

  it('passes GraphQL’s own coded errors through', () => {
    const formatted = { message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatGraphQLError(formatted, new GraphQLError(formatted.message))).toEqual(formatted);
  });

  it('never lets a stack trace or exception through, whatever the code', () => {
    const formatted = { message: 'Variable "$id" got invalid value', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['GraphQLError: x', '    at /work/main/node_modules/graphql/x.js:1:1'] } };
    const out = formatGraphQLError(formatted, new GraphQLError(formatted.message));
    expect(out).toEqual({ message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('formatGraphQLError for refusals without a code', () => {
  it("gives Apollo's own uncoded 400 refusals (a persisted query's wrong hash) the code BAD_REQUEST, keeping Apollo's message", () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(formatGraphQLError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('masks a resolver failure that happens to carry status 400 but wraps an unexpected error', () => {
    const { formatted, error } = asResolverFailure(new TypeError('boom at /work/src/x.ts:1'));
    (error.extensions as Record<string, unknown>).http = { status: 400 };
    expect(formatGraphQLError(formatted, error).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(formatGraphQLError(formatted, error).message).toBe('Internal server error');
  });
});

describe('formatGraphQLError when the database is away', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['an administrator shutdown (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a socket closed under the driver', new Error('Connection terminated unexpectedly')],
    ['a pool with no connection free in time', new Error('timeout exceeded when trying to connect')],
    ['a session ended for idling in a transaction (25P03)', Object.assign(new Error('terminating connection due to idle-in-transaction timeout'), { code: '25P03' })],
  ])('answers %s with SERVICE_UNAVAILABLE, saying nothing of the driver', (_what, cause) => {
    const { formatted, error } = asResolverFailure(new Error('DriverException', { cause }));
    expect(formatGraphQLError(formatted, error)).toEqual({ message: 'The database is unavailable; try again shortly.', path: ['project', 'advance'], extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('keeps refused data (class 23) an internal error, not a retryable one', () => {
    const { formatted, error } = asResolverFailure(Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(formatGraphQLError(formatted, error).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
