import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkerOptions } from '@temporalio/worker';
import type { OutboundPolicy } from '../outbound/outboundPolicy.js';
import type { NotificationSettings } from '../notifications/notificationSinks.js';
import type { Config } from './config.js';
import { createActivities } from './activities.js';

/** Entry module of the workflow bundle. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../../../workflows/index.ts', import.meta.url));

/**
 * The bundler must resolve `./x.js` imports to `./x.ts` sources, as tsc and tsx do; this
 * hook teaches webpack the same mapping.
 */
export function resolveTsExtensions(config: Parameters<NonNullable<WorkerOptions['bundlerOptions']>['webpackConfigHook'] & {}>[0]) {
  config.resolve = {
    ...config.resolve,
    extensionAlias: { '.js': ['.ts', '.js'] },
  };
  return config;
}

export interface WorkerSettings {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  orm: MikroORM;
  /** Where activities may send requests (site probes). */
  outbound: OutboundPolicy;
  /** Where notifications go besides the log (the webhook); the log only when absent. */
  notifications?: NotificationSettings;
  /** A prebuilt bundle (tests build one per file); otherwise the worker bundles `workflows/`. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createWorker(settings: WorkerSettings): Promise<Worker> {
  return Worker.create({
    connection: settings.connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    activities: createActivities(settings.orm, settings.outbound, settings.notifications),
    // Cancellation reaches an activity only with a heartbeat's answer: heartbeats must
    // not be held back long, so a cancelled probe run stops within a couple of seconds.
    maxHeartbeatThrottleInterval: '1 second',
    // On shutdown, give running activities this long to finish before they are cancelled.
    shutdownGraceTime: '10 seconds',
    // Task slots, cache and sticky queue stay at the SDK's defaults, on purpose (issue 11):
    // 40 workflow tasks, 100 activities and 100 local activities at once, a sticky-queue
    // timeout of 10 s, and a workflow cache sized from the heap (about 600 per GiB). The read
    // model writes run as local activities (projectSop.ts), so an action holds a workflow
    // slot, a local-activity slot and one of the ORM pool's connections for a few ms; at
    // c=16 the bench is bound by the Temporal server and the API's CPU, not by these
    // slots, and a workflow evicted from the cache replays a history that continue-as-new
    // keeps short. Raise `maxCachedWorkflows` only where memory allows it.
    ...(settings.workflowBundle
      ? { workflowBundle: settings.workflowBundle }
      : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { webpackConfigHook: resolveTsExtensions } }),
  });
}

/**
 * Sets up the SDK runtime once per process, before connecting: its logs at `level`, and
 * no signal handlers of its own, as the entries stop the parts in order themselves.
 * With `metricsAddress` (`host:port`), the SDK serves the worker's Prometheus metrics
 * there at `/metrics` (task slots, poll and schedule-to-start latencies, sticky cache...).
 */
export function installTemporalRuntime(level: Config['LOG_LEVEL'], metricsAddress?: string): void {
  Runtime.install({
    logger: new DefaultLogger(level.toUpperCase() as LogLevel),
    shutdownSignals: [],
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
  });
}

/** Where the worker's metrics are served: WORKER_METRICS_PORT on API_HOST's interface; undefined (off) when unset. */
export function workerMetricsAddress(config: Pick<Config, 'API_HOST' | 'WORKER_METRICS_PORT'>): string | undefined {
  if (config.WORKER_METRICS_PORT === undefined) return undefined;
  const host = config.API_HOST.includes(':') ? `[${config.API_HOST}]` : config.API_HOST;
  return `${host}:${config.WORKER_METRICS_PORT}`;
}
