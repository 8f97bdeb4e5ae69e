/** Applies pending migrations and loads missing seed data, then exits (a one-shot job in production). */
import { migrateAndSeed, openDatabase } from '../platform/orm/database.js';
import { loadConfig } from '../platform/runtime/config.js';
import { provideDatabase } from '../platform/runtime/infrastructure.js';
import { exitOnStartupError } from '../platform/runtime/shutdown.js';

const log = (line: string) => console.log(`[migrate] ${line.trimEnd()}`);

try {
  const config = loadConfig();
  const database = await provideDatabase(config, log);
  try {
    const orm = await openDatabase(database.url);
    try {
      const { applied } = await migrateAndSeed(orm);
      log(applied.length > 0 ? `applied ${applied.join(', ')}` : 'schema is up to date');
      log('seed data present');
    } finally {
      await orm.close();
    }
  } finally {
    await database.stop();
  }
} catch (error) {
  exitOnStartupError(error);
}
