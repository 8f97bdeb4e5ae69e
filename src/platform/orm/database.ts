import { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_POOL_SIZE } from './connectionPool.js';
import { ormConfig } from './ormConfig.js';
import { DatabaseSeeder } from './seeders/DatabaseSeeder.js';

/**
 * Opens the ORM on `clientUrl` and connects now: MikroORM 7 connects lazily, on the
 * first query, and until then its connection check (the API's /readyz) says not ready.
 */
export async function openDatabase(clientUrl: string, poolSize = DEFAULT_POOL_SIZE): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(clientUrl, { pool: { min: 0, max: poolSize } }));
  await orm.connect();
  return orm;
}

/** Applies pending migrations (never schema sync) and loads the seed data that is missing. */
export async function migrateAndSeed(orm: MikroORM): Promise<{ applied: string[] }> {
  const applied = await orm.migrator.up();
  await orm.seeder.seed(DatabaseSeeder);
  return { applied: applied.map((migration) => migration.name) };
}
