import { getMetadataStorage, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { findUnstorableText } from '../../shared/domain/storable.js';
import { DomainError } from '../domainError.js';

/**
 * Refuses any argument anywhere in a request that Postgres could not store (a NUL, an
 * unpaired surrogate, a string longer than any text column) with BAD_USER_INPUT naming
 * the field, before a resolver runs: one rule for every input instead of one per input.
 */
export const StorableArguments: MiddlewareFn = async ({ args }, next) => {
  if (Object.keys(args).length > 0) {
    const found = findUnstorableText(args, '');
    if (found) throw new DomainError('INVALID_INPUT', `${found.path} ${found.problem}.`, { field: found.path });
  }
  return next();
};

/** The resolver methods already given the middleware: the metadata is global and the schema may be built more than once. */
const guarded = new WeakMap<object, Set<string>>();

/**
 * Puts `StorableArguments` on every operation and field that declares arguments, after its
 * `@Authorized` check as a global middleware was. Not as a global middleware: type-graphql
 * then wraps every field of every object in an async middleware chain, which made each
 * scalar of a response a few promises (the board read spent more on that than on its SQL).
 * Call before `buildSchema`.
 */
export function guardArgumentsOfResolvers(): void {
  for (const { kind, target, methodName } of getMetadataStorage().params) {
    if (kind !== 'arg' && kind !== 'args') continue;
    const methods = guarded.get(target) ?? new Set<string>();
    if (methods.has(methodName)) continue;
    guarded.set(target, methods.add(methodName));
    UseMiddleware(StorableArguments)(target.prototype as object, methodName, {});
  }
}
