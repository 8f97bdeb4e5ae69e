import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './ormConfig.js';
import { DatabaseSeeder } from './seeders/DatabaseSeeder.js';

/** Opens the ORM on `clientUrl`. */
export async function openDatabase(clientUrl: string): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl));
}

/** Applies pending migrations (never schema sync) and loads the seed data that is missing. */
export async function migrateAndSeed(orm: MikroORM): Promise<{ applied: string[] }> {
  const applied = await orm.migrator.up();
  await orm.seeder.seed(DatabaseSeeder);
  return { applied: applied.map((migration) => migration.name) };
}
