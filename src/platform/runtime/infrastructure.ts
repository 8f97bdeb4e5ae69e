import path from 'node:path';
import type { Config } from './config.js';

export interface Infrastructure {
  databaseUrl: string;
  /** Where the database comes from, for the start-up banner. */
  databaseSource: 'embedded' | 'DATABASE_URL';
  temporalAddress: string;
  temporalUiUrl: string | null;
  temporalSource: string;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'delivery_sop';

/** Postgres at DATABASE_URL, or an embedded server under DATA_DIR/postgres. */
export async function provideDatabase(config: Config, log: (line: string) => void) {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, source: 'DATABASE_URL' as const, stop: async () => {} };
  // Loaded only when used: production images install no embedded Postgres.
  const { startEmbeddedPostgres } = await import('./embeddedPostgres.js');
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    database: EMBEDDED_DATABASE,
    log: config.LOG_LEVEL === 'debug' ? log : undefined,
  });
  return { url: postgres.url, source: 'embedded' as const, stop: postgres.stop };
}

/** Temporal at TEMPORAL_ADDRESS, or a dev server with its SQLite file under DATA_DIR. */
export async function provideTemporal(config: Config, log: (line: string) => void) {
  if (config.TEMPORAL_ADDRESS) {
    return { address: config.TEMPORAL_ADDRESS, uiUrl: null, source: 'TEMPORAL_ADDRESS', stop: async () => {} };
  }
  const { startTemporalDevServer } = await import('./temporalDevServer.js');
  const server = await startTemporalDevServer({
    port: config.TEMPORAL_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    namespace: config.TEMPORAL_NAMESPACE,
    dbFile: path.join(config.DATA_DIR, 'temporal.sqlite'),
    cliPath: config.TEMPORAL_CLI_PATH,
    log: config.LOG_LEVEL === 'debug' ? log : undefined,
  });
  return { address: server.address, uiUrl: server.uiUrl, source: `dev server (${server.cli})`, stop: server.stop };
}

/** Both backing services; either is embedded unless its env var points elsewhere. */
export async function startInfrastructure(config: Config, log: (line: string) => void): Promise<Infrastructure> {
  const database = await provideDatabase(config, log);
  try {
    const temporal = await provideTemporal(config, log);
    return {
      databaseUrl: database.url,
      databaseSource: database.source,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      temporalSource: temporal.source,
      stop: async () => {
        await temporal.stop();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
