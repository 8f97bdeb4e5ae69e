import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/platform/runtime/embeddedPostgres.js';
import { startTemporalDevServer } from '../../src/platform/runtime/temporalDevServer.js';
import { findFreePort } from './ports.js';
import { devServerCli } from './temporalBinaries.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    temporalAddress: string;
    temporalUiUrl: string;
  }
}

/**
 * One real Postgres and one real Temporal dev server for the whole integration run, on
 * free ports and in a scratch folder, so the tests pass beside a running `npm start`.
 * Each test file makes its own database and task queue on them.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sop-test-'));
  // Postgres runs as the unprivileged postgres user when we are root: it must reach the folder.
  await chmod(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    port: await findFreePort(),
    database: 'postgres',
  });
  const temporal = await startTemporalDevServer({
    port: await findFreePort(),
    uiPort: await findFreePort(),
    namespace: 'default',
    dbFile: path.join(dataDir, 'temporal.sqlite'),
    cliPath: devServerCli(),
  });
  project.provide('postgresUrl', postgres.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('temporalUiUrl', temporal.uiUrl);

  return async () => {
    await temporal.stop();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
