/** The limits of each process's Postgres connection pool (src/platform/orm/ormConfig.ts applies them). */

/** Connections per process (DATABASE_POOL_SIZE): the API's requests and the worker's activities share them. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * How long a query waits for a free connection (or a new one to open) before it fails
 * with an error the API answers as SERVICE_UNAVAILABLE and an activity retries. Unbounded,
 * a pool that ran dry (a code path holding one connection while it waits for a second)
 * stopped the whole worker for good instead of failing a few tasks.
 */
export const POOL_ACQUIRE_TIMEOUT_MS = 10_000;

/** Postgres ends a session left idle inside a transaction this long, releasing its locks. */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
