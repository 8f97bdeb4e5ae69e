/** The Temporal worker alone (production: run as many as the load needs). */
import { startApplication } from '../platform/runtime/application.js';
import { loadConfig } from '../platform/runtime/config.js';
import { requireExternalServices } from '../platform/runtime/requireServices.js';
import { exitOnStartupError, stopOnSignals } from '../platform/runtime/shutdown.js';
import { installTemporalRuntime } from '../platform/runtime/worker.js';

const log = (line: string) => console.log(`[worker] ${line}`);

try {
  const config = loadConfig();
  installTemporalRuntime(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const services = requireExternalServices(config);
  const application = await startApplication({
    ...services,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    runWorker: true,
    migrate: false,
  });
  stopOnSignals(application.stop, log);
  log(`running${application.api ? ` at ${application.api.graphqlUrl}` : ` on task queue ${config.TEMPORAL_TASK_QUEUE}`}`);
} catch (error) {
  exitOnStartupError(error);
}
