/** The GraphQL API alone (production: scale it out behind a load balancer). */
import { startApplication } from '../platform/runtime/application.js';
import { loadConfig } from '../platform/runtime/config.js';
import { requireExternalServices } from '../platform/runtime/requireServices.js';
import { exitOnStartupError, stopOnSignals } from '../platform/runtime/shutdown.js';

const log = (line: string) => console.log(`[api] ${line}`);

try {
  const config = loadConfig();
  const services = requireExternalServices(config);
  const application = await startApplication({
    ...services,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    sopDayMs: config.SOP_DAY_MS,
    api: { host: config.API_HOST, port: config.API_PORT },
    runWorker: false,
    migrate: false,
  });
  stopOnSignals(application.stop, log);
  log(`running${application.api ? ` at ${application.api.graphqlUrl}` : ` on task queue ${config.TEMPORAL_TASK_QUEUE}`}`);
} catch (error) {
  exitOnStartupError(error);
}
