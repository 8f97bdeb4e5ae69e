import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkerOptions } from '@temporalio/worker';
import { startApi, type RunningApi } from '../http/apiServer.js';
import type { ApiOptions } from '../http/apiFeatures.js';
import { migrateAndSeed, openDatabase } from '../orm/database.js';
import { DAY_MS } from '../../delivery/domain/sopClock.js';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from '../outbound/outboundPolicy.js';
import type { SlaAlerting } from '../../aftersales/domain/slaAlerting.js';
import type { NotificationSettings } from '../notifications/notificationSinks.js';
import { createTokenVerifier, type TokenSettings } from '../../identity/services/tokens.js';
import { ensureRiskSignalSchedule } from '../../insights/services/riskSignalSchedule.js';
import { createWorker } from './worker.js';

export interface ApplicationSettings {
  databaseUrl: string;
  /** Postgres connections this process may hold (DATABASE_POOL_SIZE); 10 when absent. */
  databasePoolSize?: number;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  /** Length of an SOP day for new projects; a real day in production. */
  sopDayMs?: number;
  /** Where the server may send requests of its own; public addresses only by default. */
  outbound?: OutboundPolicy;
  /** When SLA warnings go out for new tickets (SLA_*); the defaults when absent. */
  slaAlerting?: SlaAlerting;
  /** Where the worker's notifications go besides the log (NOTIFY_WEBHOOK_*). */
  notifications?: NotificationSettings;
  /** Where the API listens, how it checks bearer tokens, and its protections and request log. */
  api?: { host: string; port: number; auth: TokenSettings; options?: ApiOptions };
  runWorker: boolean;
  migrate: boolean;
  workflowBundle?: WorkerOptions['workflowBundle'];
  log?: (line: string) => void;
}

export interface RunningApplication {
  orm: MikroORM;
  temporal: Client;
  api: RunningApi | null;
  worker: Worker | null;
  stop(): Promise<void>;
}

/**
 * Opens the database (migrating and seeding it when asked), then runs the worker and
 * the API as configured. `stop` takes them down in the reverse order: no new requests,
 * then the worker drains its tasks, then connections close.
 */
export async function startApplication(settings: ApplicationSettings): Promise<RunningApplication> {
  const orm = await openDatabase(settings.databaseUrl, settings.databasePoolSize);
  const closers: { name: string; close: () => Promise<void> }[] = [{ name: 'database', close: () => orm.close() }];
  const stop = async () => {
    for (const { name, close } of closers.reverse()) {
      settings.log?.(`stopping ${name}`);
      await close();
    }
  };
  try {
    if (settings.migrate) await migrateAndSeed(orm);

    let worker: Worker | null = null;
    if (settings.runWorker) {
      const workerConnection = await NativeConnection.connect({ address: settings.temporalAddress });
      closers.push({ name: 'worker connection', close: () => workerConnection.close() });
      worker = await createWorker({
        connection: workerConnection,
        namespace: settings.namespace,
        taskQueue: settings.taskQueue,
        orm,
        outbound: settings.outbound ?? DEFAULT_OUTBOUND_POLICY,
        notifications: settings.notifications,
        workflowBundle: settings.workflowBundle,
      });
      const running = worker.run();
      const runningWorker = worker;
      closers.push({
        name: 'worker',
        close: async () => {
          if (runningWorker.getState() === 'RUNNING') runningWorker.shutdown();
          await running;
        },
      });
    }

    const connection = await Connection.connect({ address: settings.temporalAddress });
    closers.push({ name: 'client connection', close: () => connection.close() });
    const temporal = new Client({ connection, namespace: settings.namespace });
    // The worker side owns the weekly risk signal's schedule: `npm start` and every `worker` process make sure it exists.
    if (settings.runWorker) await ensureRiskSignalSchedule(temporal, settings.taskQueue);

    let api: RunningApi | null = null;
    if (settings.api) {
      api = await startApi(
        {
          orm,
          temporal,
          taskQueue: settings.taskQueue,
          sopDayMs: settings.sopDayMs ?? DAY_MS,
          slaAlerting: settings.slaAlerting,
          outbound: settings.outbound ?? DEFAULT_OUTBOUND_POLICY,
          verifyToken: createTokenVerifier(settings.api.auth, settings.outbound ?? DEFAULT_OUTBOUND_POLICY),
          databaseUrl: settings.databaseUrl,
        },
        settings.api.host,
        settings.api.port,
        settings.api.options,
      );
      closers.push({ name: 'api', close: () => api!.stop() });
    }
    return { orm, temporal, api, worker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
