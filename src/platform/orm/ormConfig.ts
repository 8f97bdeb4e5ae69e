import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { SeedManager } from '@mikro-orm/seeder';
import { ALL_ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { DEFAULT_POOL_SIZE, IDLE_IN_TRANSACTION_TIMEOUT_MS, POOL_ACQUIRE_TIMEOUT_MS } from './connectionPool.js';

/** The ORM configuration for a Postgres at `clientUrl`; the one place it is written. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ALL_ENTITIES,
    extensions: [Migrator, SeedManager],
    migrations: {
      migrationsList: MIGRATIONS,
      // Where `npm run migration:create` writes a new migration (then list it in migrations/index.ts).
      path: 'src/platform/orm/migrations',
      pathTs: 'src/platform/orm/migrations',
      emit: 'ts',
      snapshot: false,
      allOrNothing: true,
      silent: true,
    },
    // Request handlers and activities must fork the EntityManager; the global one is a bug.
    allowGlobalContext: false,
    pool: { min: 0, max: DEFAULT_POOL_SIZE },
    // Passed to pg's Pool and to each of its connections.
    driverOptions: { connectionTimeoutMillis: POOL_ACQUIRE_TIMEOUT_MS, idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS },
    ...overrides,
  });
}
