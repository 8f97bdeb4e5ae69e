/**
 * `npm start`: the whole stack on one machine. Embedded Postgres and a Temporal dev
 * server unless DATABASE_URL / TEMPORAL_ADDRESS point elsewhere, then migrations, seed
 * data, the worker and the API.
 */
import { startApplication } from '../platform/runtime/application.js';
import { loadConfig, notificationSettingsOf, slaAlertingOf, outboundPolicyOf } from '../platform/runtime/config.js';
import { devTokenSettings } from '../platform/runtime/authSettings.js';
import { apiOptionsOf } from '../platform/runtime/apiSettings.js';
import { startInfrastructure } from '../platform/runtime/infrastructure.js';
import { exitOnStartupError, stopOnSignals } from '../platform/runtime/shutdown.js';
import { installTemporalRuntime, workerMetricsAddress } from '../platform/runtime/worker.js';
import { SEED_USERS } from '../identity/domain/seedUsers.js';

const log = (line: string) => console.log(`[start] ${line.trimEnd()}`);

try {
  const config = loadConfig();
  installTemporalRuntime(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, workerMetricsAddress(config));
  log('Starting Postgres and Temporal...');
  const infrastructure = await startInfrastructure(config, log);
  const auth = await devTokenSettings(config);
  let application;
  try {
    log('Applying migrations and seed data, starting the worker and the API...');
    application = await startApplication({
      databaseUrl: infrastructure.databaseUrl,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      temporalAddress: infrastructure.temporalAddress,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      sopDayMs: config.SOP_DAY_MS,
      slaAlerting: slaAlertingOf(config),
      outbound: outboundPolicyOf(config),
      notifications: notificationSettingsOf(config),
      // Development: introspection and field suggestions on unless GRAPHQL_INTROSPECTION=false.
      api: { host: config.API_HOST, port: config.API_PORT, auth, options: apiOptionsOf(config, { introspection: true }) },
      runWorker: true,
      migrate: true,
      log,
    });
  } catch (error) {
    await infrastructure.stop();
    throw error;
  }
  const running = application;
  stopOnSignals(async () => {
    await running.stop();
    await infrastructure.stop();
  }, log);

  const database = infrastructure.databaseUrl.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
  console.log(
    [
      '',
      'Delivery SOP platform is up:',
      `  GraphQL API   ${running.api?.graphqlUrl}`,
      `  GraphQL IDE   ${running.api?.url}/graphiql   (metrics: ${running.api?.url}/metrics)`,
      `  Health        ${running.api?.url}/healthz   ${running.api?.url}/readyz`,
      `  Temporal      ${infrastructure.temporalAddress}  (namespace ${config.TEMPORAL_NAMESPACE}, task queue ${config.TEMPORAL_TASK_QUEUE}; ${infrastructure.temporalSource})`,
      `  Temporal UI   ${infrastructure.temporalUiUrl ?? '(external server: see its own UI)'}`,
      `  PostgreSQL    ${database}  (${infrastructure.databaseSource})`,
      `  Data folder   ${config.DATA_DIR}`,
      `  Sign in       npm run token -- lin.pm   (a bearer token; users: ${SEED_USERS.map((user) => user.username).join(', ')})`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
} catch (error) {
  exitOnStartupError(error);
}
