import { startApplication } from './application.js';
import { loadConfig, notificationSettingsOf, slaAlertingOf, outboundPolicyOf } from './config.js';
import { requireTokenSettings } from './authSettings.js';
import { apiOptionsOf } from './apiSettings.js';
import { requireExternalServices } from './requireServices.js';
import { exitOnStartupError, stopOnSignals } from './shutdown.js';
import { installTemporalRuntime, workerMetricsAddress } from './worker.js';

/**
 * One production process: the GraphQL API or a Temporal worker, against the external
 * Postgres and Temporal that DATABASE_URL and TEMPORAL_ADDRESS name. Scale either out
 * by running more of it.
 */
export async function runServiceProcess(role: 'api' | 'worker'): Promise<void> {
  const log = (line: string) => console.log(`[${role}] ${line}`);
  try {
    const config = loadConfig();
    // Only the worker process serves the worker's metrics (WORKER_METRICS_PORT).
    installTemporalRuntime(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, role === 'worker' ? workerMetricsAddress(config) : undefined);
    const application = await startApplication({
      ...requireExternalServices(config),
      databasePoolSize: config.DATABASE_POOL_SIZE,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      sopDayMs: config.SOP_DAY_MS,
      slaAlerting: slaAlertingOf(config),
      outbound: outboundPolicyOf(config),
      notifications: notificationSettingsOf(config),
      // Production: introspection and field suggestions stay off unless GRAPHQL_INTROSPECTION=true.
      api: role === 'api' ? { host: config.API_HOST, port: config.API_PORT, auth: requireTokenSettings(config), options: apiOptionsOf(config, { introspection: false }) } : undefined,
      runWorker: role === 'worker',
      migrate: false,
    });
    stopOnSignals(application.stop, log);
    log(application.api ? `running at ${application.api.graphqlUrl}` : `running on task queue ${config.TEMPORAL_TASK_QUEUE}`);
  } catch (error) {
    exitOnStartupError(error);
  }
}
