import type { MiddlewareFn } from 'type-graphql';
import { findUnstorableText } from '../../shared/domain/storable.js';
import { DomainError } from '../domainError.js';

/**
 * Refuses any argument anywhere in a request that Postgres could not store (a NUL, an
 * unpaired surrogate, a string longer than any text column) with BAD_USER_INPUT naming
 * the field, before a resolver runs: one rule at the root instead of one per input.
 */
export const StorableArguments: MiddlewareFn = async ({ args }, next) => {
  if (Object.keys(args).length > 0) {
    const found = findUnstorableText(args, '');
    if (found) throw new DomainError('INVALID_INPUT', `${found.path} ${found.problem}.`, { field: found.path });
  }
  return next();
};
