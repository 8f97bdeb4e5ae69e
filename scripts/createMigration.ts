/**
 * `npm run migration:create [name]`: diffs the entities against a scratch database that
 * has every existing migration applied, and writes the difference as a new migration
 * under src/platform/orm/migrations/. Add the new class to src/platform/orm/migrations/index.ts afterwards.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../src/platform/orm/ormConfig.js';
import { startEmbeddedPostgres } from '../src/platform/runtime/embeddedPostgres.js';
import { findFreePort } from '../src/platform/runtime/freePort.js';

const dataDir = await mkdtemp(path.join(tmpdir(), 'sop-migration-'));
await chmod(dataDir, 0o755); // reachable by the postgres user when run as root
const postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: 'scratch' });
try {
  const orm = await MikroORM.init(ormConfig(postgres.url));
  await orm.migrator.up();
  const result = await orm.migrator.create(undefined, false, false, process.argv[2]);
  console.log(result.fileName ? `wrote src/platform/orm/migrations/${result.fileName}` : 'no schema changes');
  await orm.close();
} finally {
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
