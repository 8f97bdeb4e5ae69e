/**
 * Loads the demo data set (issue 10: a year of projects and tickets, generated
 * deterministically) into the database, then exits: `npm run seed:demo [-- --seed N --until YYYY-MM-DD]`.
 * Applies pending migrations and the seed data first, like `npm run migrate`; running it
 * again writes nothing. See src/insights/demo/demoDataSet.ts for what it generates.
 */
import { DEMO_DEFAULT_SEED, startOfUtcDay } from '../insights/demo/demoDataSet.js';
import { DEMO_TABLES, writeDemoData } from '../insights/demo/writeDemoData.js';
import { runDatabaseJob } from '../platform/runtime/databaseJob.js';

const log = (line: string) => console.log(`[seed:demo] ${line.trimEnd()}`);

const USAGE = 'usage: npm run seed:demo [-- --seed <0..4294967295>] [--until <YYYY-MM-DD>]';

/** `--seed N` and `--until YYYY-MM-DD` (also as `--seed=N`); exits with status 2 and the usage on anything else. */
function parseArguments(args: readonly string[]): { seed: number; until: Date } {
  const options = { seed: DEMO_DEFAULT_SEED, until: startOfUtcDay() };
  const fail = (problem: string): never => {
    console.error(`[seed:demo] ${problem}\n${USAGE}`);
    process.exit(2);
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (flag === '--seed') {
      const seed = Number(value);
      if (!/^\d+$/.test(value ?? '') || seed > 0xffffffff) fail(`--seed must be a whole number from 0 to 4294967295, not ${value}`);
      options.seed = seed;
    } else if (flag === '--until') {
      const until = /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') ? new Date(`${value}T00:00:00Z`) : new Date(NaN);
      if (Number.isNaN(until.getTime())) fail(`--until must be a date (YYYY-MM-DD), not ${value}`);
      options.until = until;
    } else {
      fail(`unknown argument ${args[i]}`);
    }
  }
  return options;
}

const options = parseArguments(process.argv.slice(2));
const started = performance.now();
await runDatabaseJob(log, async (orm) => {
  log(`generating seed ${options.seed}, ${options.until.toISOString().slice(0, 10)} back 365 days`);
  const writing = performance.now();
  const result = await writeDemoData(orm, { ...options, log });
  if (result.written) {
    const total = DEMO_TABLES.reduce((sum, table) => sum + result.inserted[table], 0);
    log(`wrote ${total} rows in ${((performance.now() - writing) / 1000).toFixed(1)} s: ${DEMO_TABLES.map((t) => `${t} ${result.inserted[t]}`).join(', ')}`);
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
