import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../domainError.js';
import { IdempotencyKey } from './IdempotencyKey.js';

/** One use of an idempotency key: what it acts on, how, and with what input. */
export interface IdempotentRequest {
  key: string;
  scope: string;
  operation: string;
  /** The caller's input (without the key): two uses match only if it is the same. */
  input: unknown;
}

/** JSON with object keys sorted, so the same input always hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    // Dates and URLs arrive here already as strings (toJSON runs before the replacer).
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

const hashOf = (request: IdempotentRequest) => createHash('sha256').update(canonicalJson(request.input)).digest('hex');

/**
 * Records the key's first use, or checks a later one against it. Returns whether the
 * first request already succeeded (the caller then answers without acting again); a
 * key first used for another operation, scope or input is refused with IDEMPOTENCY_KEY_REUSED.
 */
export async function claimIdempotencyKey(em: EntityManager, request: IdempotentRequest): Promise<{ completed: boolean }> {
  const requestHash = hashOf(request);
  // One round trip: the new row, or the one already there. The second select is for a
  // first use that committed while this statement waited on it (its snapshot predates it).
  const stored =
    ((await em.execute<KeyUse>(CLAIM, [request.key, request.scope, request.operation, requestHash, new Date(), request.key], 'get')) as KeyUse | undefined) ??
    (await em.execute<KeyUse>('select scope, operation, request_hash, completed_at from idempotency_key where key = ?', [request.key], 'get'));
  if (stored.scope !== request.scope || stored.operation !== request.operation || stored.request_hash !== requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', `Idempotency key ${request.key} was already used for a different request; use a new key for a new request.`, {
      field: 'idempotencyKey',
      firstUsedFor: stored.operation,
    });
  }
  return { completed: stored.completed_at !== null };
}

/** What a claim compares a key's use with. */
interface KeyUse {
  scope: string;
  operation: string;
  request_hash: string;
  completed_at: Date | null;
}

const CLAIM = `
  with inserted as (
    insert into idempotency_key (key, scope, operation, request_hash, created_at, completed_at)
    values (?, ?, ?, ?, ?, null)
    on conflict (key) do nothing
    returning scope, operation, request_hash, completed_at
  )
  select * from inserted
  union all
  select scope, operation, request_hash, completed_at from idempotency_key where key = ? and not exists (select 1 from inserted)`;

/** Marks the key's request as done, so later retries are answered without acting again. */
export async function completeIdempotencyKey(em: EntityManager, key: string): Promise<void> {
  await em.nativeUpdate(IdempotencyKey, { key, completedAt: null }, { completedAt: new Date() });
}

/**
 * Frees a key whose request was refused before it acted (nothing exists under it), so the
 * caller may send the corrected request with the same key. A completed key is kept.
 */
export async function releaseIdempotencyKey(em: EntityManager, key: string): Promise<void> {
  await em.nativeDelete(IdempotencyKey, { key, completedAt: null });
}

/**
 * The id of what a key's first request creates (a project, a ticket), minting it now if
 * none was yet: stored with the key once, whoever gets there first, so every retry names
 * the same thing and hence the same workflow. Claim the key first.
 */
export async function resultIdOfKey(em: EntityManager, key: string): Promise<string> {
  await em.nativeUpdate(IdempotencyKey, { key, resultId: null }, { resultId: randomUUID() });
  const { resultId } = await em.fork().findOneOrFail(IdempotencyKey, { key });
  return resultId!;
}
