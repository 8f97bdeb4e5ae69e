/**
 * Floors of the stage action and of project creation: a bare `node:http` server and a
 * Temporal worker in one process — as the application runs its API and worker — over
 * the same Temporal dev server and database, on a task queue of its own.
 *
 *   POST /act/<workflowId>?activity=1   executeUpdate `recordWithInsert` (one activity, one INSERT)
 *   POST /act/<workflowId>              executeUpdate `recordBare` (no activity)
 *   POST /create                        one INSERT, then workflow.start of `floorProject`
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { quietTemporalRuntime } from '../quietTemporalRuntime.js';
import { serveParent } from '../childProcess.js';
import { floorActivities } from './floorActivities.js';
import { floorProject, recordBare, recordWithInsert } from './floorWorkflows.js';

quietTemporalRuntime();

const taskQueue = `bench-floor-${randomUUID()}`;
const address = process.env.BENCH_TEMPORAL_ADDRESS!;
// The application's pool size (src/platform/orm/ormConfig.ts).
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL!, max: 10 });
await pool.query('create table if not exists bench_floor_project (id uuid primary key, name text not null, created_at timestamptz not null)');
await pool.query('create table if not exists bench_floor_event (workflow_id text not null, seq int not null, summary text not null, occurred_at timestamptz not null, primary key (workflow_id, seq))');

const workerConnection = await NativeConnection.connect({ address });
// Worker options as the application's (src/platform/runtime/worker.ts): SDK defaults for caches and slots.
const worker = await Worker.create({
  connection: workerConnection,
  namespace: 'default',
  taskQueue,
  workflowsPath: new URL('./floorWorkflows.ts', import.meta.url).pathname,
  activities: floorActivities(pool),
});
const running = worker.run();
const connection = await Connection.connect({ address });
const client = new Client({ connection, namespace: 'default' });

async function handle(method: string, url: URL): Promise<unknown> {
  if (method === 'POST' && url.pathname === '/create') {
    const id = randomUUID();
    await pool.query({ name: 'floor-create', text: 'insert into bench_floor_project (id, name, created_at) values ($1, $2, now())', values: [id, `Floor ${id}`] });
    await client.workflow.start(floorProject, { taskQueue, workflowId: `floor-${id}` });
    return { id };
  }
  if (method === 'POST' && url.pathname.startsWith('/act/')) {
    const handle = client.workflow.getHandle(url.pathname.slice('/act/'.length));
    const update = url.searchParams.get('activity') === '1' ? recordWithInsert : recordBare;
    return { actions: await handle.executeUpdate(update, { args: ['Communication round logged'] }) };
  }
  return null;
}

const server = createServer((request, response) => {
  request.resume();
  handle(request.method ?? 'GET', new URL(request.url ?? '/', 'http://floor')).then(
    (result) => {
      const json = JSON.stringify(result);
      response.writeHead(result === null ? 404 : 200, { 'content-type': 'application/json' }).end(json);
    },
    (error: unknown) => response.writeHead(500).end(String(error)),
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

/** Starts `count` floor projects for the stage action to act on; returns their workflow ids. */
async function startProjects({ count }: { count: number }): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `floor-${randomUUID()}`);
  await Promise.all(ids.map((workflowId) => client.workflow.start(floorProject, { taskQueue, workflowId })));
  return ids;
}

serveParent({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }, { startProjects }, async () => {
  server.closeAllConnections();
  server.close();
  worker.shutdown();
  await running;
  await connection.close();
  await workerConnection.close();
  await pool.end();
});
