import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { SEED_USERS } from '../../../src/identity/domain/seedUsers.js';
import { mintToken } from '../../../src/identity/services/tokens.js';
import { migrateAndSeed, openDatabase } from '../../../src/platform/orm/database.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../../src/platform/runtime/embeddedPostgres.js';
import { findFreePort } from '../../../src/platform/runtime/freePort.js';
import { devServerCli } from '../../../src/platform/runtime/temporalBinaries.js';
import { startTemporalDevServer, type RunningTemporal } from '../../../src/platform/runtime/temporalDevServer.js';
import { startAppProcess, type AppProcess } from './appProcess.js';

const DATABASE = 'fault_drill';
const TASK_QUEUE = 'fault-drill';

/**
 * The whole platform as production runs it — Postgres, the Temporal dev server, and the
 * API and the worker as separate OS processes — with the handles a fault drill needs:
 * kill and restart the worker, restart Temporal on the same SQLite file and port, stop
 * Postgres and start it again on the same data folder and port.
 */
export interface FaultStack {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  graphqlUrl: string;
  temporal: Client;
  tokenFor(username: string): Promise<string>;
  /** SIGKILLs the worker (a crash: no shutdown, no drain) and starts a new one. */
  killAndRestartWorker(): Promise<void>;
  /** SIGTERM to the dev server, then the same command on the same SQLite file and port. */
  restartTemporal(): Promise<void>;
  /** Stops Postgres (fast shutdown: open connections are cut), waits, starts it again. */
  stopPostgresFor(ms: number): Promise<void>;
  /** API or worker exits nobody asked for (each was restarted so the drill could go on). */
  unexpectedExits: string[];
  /** Lines the app processes wrote last, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** `logDir` receives each process's output (api.log, worker.log) and the drill's own notes. */
export async function startFaultStack(extraEnv: Record<string, string>, logDir: string): Promise<FaultStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sop-faults-'));
  await chmod(dataDir, 0o755); // Postgres runs as the postgres user when we are root.
  const pgOptions = { dataDir: path.join(dataDir, 'postgres'), port: await findFreePort(), database: DATABASE };
  let postgres: RunningPostgres | null = await startEmbeddedPostgres(pgOptions);
  const temporalOptions = { port: await findFreePort(), uiPort: await findFreePort(), namespace: 'default', dbFile: path.join(dataDir, 'temporal.sqlite'), cliPath: devServerCli() };
  let temporalServer: RunningTemporal | null = await startTemporalDevServer(temporalOptions);

  const orm = await openDatabase(postgres.url);
  try {
    await migrateAndSeed(orm);
  } finally {
    await orm.close();
  }

  const auth = { secret: randomBytes(32).toString('base64url'), issuer: 'delivery-sop', audience: 'delivery-sop-api' };
  const apiPort = await findFreePort();
  const env = {
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporalServer.address,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    AUTH_JWT_SECRET: auth.secret,
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const unexpectedExits: string[] = [];
  let worker: AppProcess | null = null;
  let api: AppProcess | null = null;
  /** Starts a process and restarts it should it exit while it is still wanted. */
  let stopping = false;
  const supervise = async (role: 'api' | 'worker'): Promise<AppProcess> => {
    const started = await startAppProcess(role, env, path.join(logDir, `${role}.log`));
    void started.exited.then(async (how) => {
      if (stopping || (role === 'worker' ? worker : api) !== started) return; // stopped on purpose
      unexpectedExits.push(`${role} exited by itself (${how}):\n${started.output()}`);
      // Started again until it runs (it cannot while Postgres is away), as an orchestrator would.
      for (;;) {
        try {
          const replacement = await supervise(role);
          if (role === 'worker') worker = replacement;
          else api = replacement;
          return;
        } catch (error) {
          unexpectedExits.push(`${role} did not start again: ${String(error).slice(0, 500)}`);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    });
    return started;
  };
  worker = await supervise('worker');
  api = await supervise('api');
  const connection = await Connection.connect({ address: temporalServer.address });
  const temporal = new Client({ connection, namespace: 'default' });

  return {
    databaseUrl: postgres.url,
    temporalAddress: temporalServer.address,
    taskQueue: TASK_QUEUE,
    graphqlUrl: `http://127.0.0.1:${apiPort}/graphql`,
    temporal,
    async tokenFor(username) {
      return mintToken(auth, SEED_USERS.find((user) => user.username === username)!);
    },
    async killAndRestartWorker() {
      const victim = worker!;
      worker = null;
      await victim.kill('SIGKILL');
      worker = await supervise('worker');
    },
    async restartTemporal() {
      await temporalServer!.stop();
      temporalServer = null;
      temporalServer = await startTemporalDevServer(temporalOptions);
    },
    async stopPostgresFor(ms) {
      await postgres!.stop();
      postgres = null;
      await new Promise((resolve) => setTimeout(resolve, ms));
      postgres = await startEmbeddedPostgres(pgOptions);
    },
    unexpectedExits,
    output: () => `--- worker ---\n${worker?.output() ?? '(not running)'}\n--- api ---\n${api?.output() ?? '(not running)'}`,
    async stop() {
      stopping = true;
      await connection.close();
      const [stoppingApi, stoppingWorker] = [api, worker];
      api = null;
      worker = null;
      await stoppingApi?.kill('SIGTERM');
      await stoppingWorker?.kill('SIGTERM');
      await temporalServer?.stop();
      await postgres?.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
