/**
 * Postgres and the Temporal dev server for one bench run, each its own process, started
 * with the checkout's own harness (src/platform/runtime) so their settings are the ones
 * under test. Postgres is restarted once with `pg_stat_statements` preloaded: the
 * extension is how the bench counts SQL statements per request (bench/README.md).
 */
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadEmbeddedPostgres, loadFreePort, loadTemporalBinaries, loadTemporalDevServer } from './appModules.js';
import { findPidByCommandLine } from './processStats.js';

export interface BenchServices {
  postgresUrl: string;
  temporalAddress: string;
  postgresPid: number;
  temporalPid: number;
  stop(): Promise<void>;
}

export async function startBenchServices(root: string, log: (line: string) => void): Promise<BenchServices> {
  const { startEmbeddedPostgres } = await loadEmbeddedPostgres(root);
  const { startTemporalDevServer } = await loadTemporalDevServer(root);
  const { devServerCli } = await loadTemporalBinaries(root);
  const { findFreePort } = await loadFreePort(root);

  const dataDir = await mkdtemp(path.join(tmpdir(), 'sop-bench-'));
  await chmod(dataDir, 0o755); // Postgres runs as the unprivileged postgres user when we are root.
  const postgresDir = path.join(dataDir, 'postgres');
  const postgresPort = await findFreePort();
  const postgresOptions = { dataDir: postgresDir, port: postgresPort, database: 'postgres' };

  const first = await startEmbeddedPostgres(postgresOptions);
  const admin = new pg.Client({ connectionString: first.url });
  await admin.connect();
  await admin.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
  // Room for every distinct statement of a run, so none is evicted and uncounted.
  await admin.query(`alter system set pg_stat_statements.max = 20000`);
  await admin.end();
  await first.stop();
  const postgres = await startEmbeddedPostgres(postgresOptions);
  const postgresPid = Number((await readFile(path.join(postgresDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  log(`postgres ${postgres.url} (pid ${postgresPid}), pg_stat_statements preloaded`);

  const dbFile = path.join(dataDir, 'temporal.sqlite');
  const temporal = await startTemporalDevServer({
    port: await findFreePort(),
    uiPort: await findFreePort(),
    namespace: 'default',
    dbFile,
    cliPath: devServerCli(),
  });
  const temporalPid = findPidByCommandLine(dbFile);
  if (temporalPid === null) throw new Error('Temporal dev server process not found');
  log(`temporal ${temporal.address} (pid ${temporalPid})`);

  return {
    postgresUrl: postgres.url,
    temporalAddress: temporal.address,
    postgresPid,
    temporalPid,
    async stop() {
      await temporal.stop();
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
