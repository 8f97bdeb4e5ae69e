import type { MikroORM } from '@mikro-orm/postgresql';
import { migrateAndSeed, openDatabase } from '../orm/database.js';
import { loadConfig, type Config } from './config.js';
import { provideDatabase } from './infrastructure.js';
import { exitOnStartupError } from './shutdown.js';

/**
 * A one-shot job on the database (`npm run migrate`, `npm run seed:demo`): the configured
 * database (DATABASE_URL, or the embedded one under DATA_DIR), migrated and seeded, handed
 * to `job`, then closed; a failure exits as a start-up error does (a coded line, status 1).
 */
export async function runDatabaseJob(log: (line: string) => void, job: (orm: MikroORM, config: Config) => Promise<void>): Promise<void> {
  try {
    const config = loadConfig();
    const database = await provideDatabase(config, log);
    try {
      const orm = await openDatabase(database.url);
      try {
        const { applied } = await migrateAndSeed(orm);
        log(applied.length > 0 ? `applied ${applied.join(', ')}` : 'schema is up to date');
        await job(orm, config);
      } finally {
        await orm.close();
      }
    } finally {
      await database.stop();
    }
  } catch (error) {
    exitOnStartupError(error);
  }
}
