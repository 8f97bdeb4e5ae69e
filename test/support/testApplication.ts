import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { startApplication, type RunningApplication } from '../../src/platform/runtime/application.js';
import { bundleWorkflows } from './workflowBundle.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export interface TestApplication extends RunningApplication {
  databaseUrl: string;
  taskQueue: string;
  /** Sends one GraphQL operation over real HTTP, as a front-end would. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Runs SQL against the test database, to check the read model directly. */
  sql<R extends pg.QueryResultRow = Record<string, any>>(text: string, params?: unknown[]): Promise<R[]>;
}

/**
 * The real application — migrations, seed data, worker, API on a free port — on the
 * run's shared Postgres and Temporal dev server, with a database and a task queue of its
 * own so test files never see each other's data.
 */
export async function startTestApplication(options: { sopDayMs?: number } = {}): Promise<TestApplication> {
  const adminUrl = inject('postgresUrl');
  const database = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`);
  const taskQueue = `test-${randomUUID()}`;

  const app = await startApplication({
    databaseUrl,
    temporalAddress: inject('temporalAddress'),
    namespace: 'default',
    taskQueue,
    sopDayMs: options.sopDayMs,
    api: { host: '127.0.0.1', port: 0 },
    runWorker: true,
    migrate: true,
    workflowBundle: await bundleWorkflows(),
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

  return {
    ...app,
    databaseUrl,
    taskQueue,
    async gql(query, variables = {}, headers = {}) {
      const response = await fetch(app.api!.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async sql(text, params = []) {
      return (await pool.query(text, params)).rows;
    },
    async stop() {
      await pool.end();
      await app.stop();
    },
  };
}
