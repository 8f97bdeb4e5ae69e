/**
 * Floor (a) of the board read: what one hand-written SQL statement per request, behind
 * bare `node:http`, serves from the same tables. Each read is one named prepared
 * statement that builds the whole JSON answer in Postgres (`json_agg`), so the process
 * only passes text through: the least work that still reads the same rows.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { serveParent } from '../childProcess.js';

/** The board: a page of projects, newest first (ties by id, as the API), each with client, package, lead, progress and its last timeline event. */
const BOARD_SQL = `
select coalesce(json_agg(page order by page."createdAt" desc, page.id desc), '[]')::text as json from (
  select p.id, p.name, p.stage, p.created_at as "createdAt", p.sop_state as progress,
         json_build_object('id', c.id, 'name', c.name) as client,
         json_build_object('code', sp.code, 'name', sp.name) as "servicePackage",
         (select json_build_object('username', u.username, 'displayName', u.display_name) from app_user u where u.username = p.project_lead) as lead,
         (select json_build_object('seq', e.seq, 'type', e.type, 'summary', e.summary, 'occurredAt', e.occurred_at)
            from timeline_event e where e.project_id = p.id order by e.seq desc limit 1) as "lastEvent"
    from project p
    join client c on c.id = p.client_id
    join service_package sp on sp.code = p.service_package_code
   order by p.created_at desc, p.id desc
   limit $1) page`;

/** One project with client, package and its whole timeline. */
const PROJECT_SQL = `
select json_build_object(
         'id', p.id, 'name', p.name, 'stage', p.stage, 'projectLead', p.project_lead, 'createdAt', p.created_at,
         'client', json_build_object('id', c.id, 'name', c.name, 'tier', c.tier),
         'servicePackage', json_build_object('code', sp.code, 'name', sp.name),
         'timeline', coalesce((select json_agg(json_build_object('seq', e.seq, 'type', e.type, 'fromStage', e.from_stage, 'toStage', e.to_stage,
                                                                 'actor', e.actor, 'occurredAt', e.occurred_at, 'summary', e.summary) order by e.seq)
                                 from timeline_event e where e.project_id = p.id), '[]'))::text as json
  from project p
  join client c on c.id = p.client_id
  join service_package sp on sp.code = p.service_package_code
 where p.id = $1`;

// The application's pool size (src/platform/orm/ormConfig.ts), so both may hold as many connections.
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL!, max: 10 });

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  const query =
    url.pathname === '/board'
      ? { name: 'board', text: BOARD_SQL, values: [Number(url.searchParams.get('first') ?? 50)] }
      : url.pathname.startsWith('/project/')
        ? { name: 'project', text: PROJECT_SQL, values: [url.pathname.slice('/project/'.length)] }
        : null;
  if (!query) {
    response.writeHead(404).end();
    return;
  }
  pool.query<{ json: string }>(query).then(
    (result) => {
      const json = result.rows[0]?.json ?? 'null';
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
    },
    (error: unknown) => response.writeHead(500).end(String(error)),
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

serveParent({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }, {}, async () => {
  server.closeAllConnections();
  server.close();
  await pool.end();
});
