/**
 * Postgres SQLSTATE classes the read model cares about. Class 22 (data exception: bad
 * text, numeric overflow) and 23 (integrity constraint violation) mean the value itself
 * is refused: retrying cannot help. Everything else (connection loss, serialization
 * failure, deadlock, shutdown) may pass on a retry.
 */
export function isRefusedData(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/**
 * Connection exceptions (08), shutdowns and "cannot connect now" (57P01–57P03), too many
 * connections (53300), a session ended for idling in a transaction (25P03).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300|25P03)$/;
/** What the driver's socket reports when the server is not there. */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What `pg`'s pool throws when no connection came free in time; it has no code either. */
const POOL_ACQUIRE_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/**
 * Whether `error` (or anything it wraps) says the database cannot be reached right now, as
 * opposed to refusing the statement: the caller should retry later. `pg` reports a socket
 * closed under it, and its pool an acquire that timed out, with no code at all, only
 * fixed messages.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
    if (current.message.startsWith('Connection terminated')) return true;
    // The pool had no connection free within POOL_ACQUIRE_TIMEOUT_MS (src/platform/orm/connectionPool.ts).
    if (current.message === POOL_ACQUIRE_TIMEOUT_MESSAGE) return true;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return false;
}
