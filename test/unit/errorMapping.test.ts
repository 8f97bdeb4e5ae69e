import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { domainErrorToGraphQL, ERROR_CODE_MAPPING, formatGraphQLError } from '../../src/platform/http/errorMapping.js';
import { DOMAIN_ERROR_CODES, DomainError } from '../../src/platform/domainError.js';

describe('domain error → GraphQL error mapping', () => {
  it('maps every domain code', () => {
    expect(Object.keys(ERROR_CODE_MAPPING).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });

  it.each([
    ['SOP_RULE_VIOLATION', 'SOP_RULE_VIOLATION'],
    ['STAGE_CONFLICT', 'STAGE_CONFLICT'],
    ['NOT_FOUND', 'NOT_FOUND'],
    ['INVALID_INPUT', 'BAD_USER_INPUT'],
    ['WORKFLOW_UNAVAILABLE', 'SERVICE_UNAVAILABLE'],
  ] as const)('%s becomes extensions.code %s with its details', (code, graphqlCode) => {
    const error = domainErrorToGraphQL(new DomainError(code, 'what went wrong', { rule: 'R', required: 2 }));
    expect(error.message).toBe('what went wrong');
    expect(error.extensions).toEqual({ code: graphqlCode, rule: 'R', required: 2 });
  });

  it('unwraps a domain error that GraphQL wrapped around a resolver failure', () => {
    const wrapped = new GraphQLError('ignored', { originalError: new DomainError('NOT_FOUND', 'Project x does not exist.') });
    expect(formatGraphQLError({ message: 'ignored' }, wrapped)).toMatchObject({
      message: 'Project x does not exist.',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('masks unexpected errors', () => {
    const original = new GraphQLError('boom', { originalError: new Error('password=hunter2 in connection string') });
    const formatted = formatGraphQLError({ message: 'password=hunter2', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original);
    expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
