/**
 * Volume by SQL: copies of rows the application wrote through its API, so the reads and
 * reports run over realistic rows without starting a workflow for each. Copies have no
 * workflow (their `workflow_id` says `bench-copy-…`); reads do not need one. Columns are
 * read from the catalog, so a copy keeps every column the checkout's schema has.
 */
import type pg from 'pg';

const COPY_PREFIX = 'bench-copy-';

async function columnsOf(db: pg.Client, table: string): Promise<string[]> {
  const result = await db.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return result.rows.map((row) => row.column_name);
}

/** `insert into table select …` from `source` (aliased `src`), with `overrides` (column → SQL expression) replacing columns. */
async function copyRows(db: pg.Client, table: string, source: string, overrides: Record<string, string>, values: unknown[] = []): Promise<number> {
  const columns = await columnsOf(db, table);
  const select = columns.map((column) => overrides[column] ?? `src."${column}"`);
  const result = await db.query(`insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) select ${select.join(', ')} from ${source}`, values);
  return result.rowCount ?? 0;
}

/** Tables that hang off a project and that reads of the board and of a project join: its timeline and its add-ons. */
async function projectChildTables(db: pg.Client): Promise<string[]> {
  const result = await db.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'project_id' and (table_name = 'timeline_event' or table_name like 'project\\_%')`,
  );
  return result.rows.map((row) => row.table_name);
}

/** Copies the API's projects (with timelines and add-ons) until there are `total` projects. */
export async function replicateProjects(db: pg.Client, total: number): Promise<number> {
  const current = Number((await db.query<{ n: string }>('select count(*) as n from project')).rows[0]!.n);
  const needed = total - current;
  if (needed <= 0) return 0;
  await db.query('drop table if exists bench_copy_map');
  await db.query(
    `create unlogged table bench_copy_map as
       with sources as (select id, row_number() over (order by id) - 1 as i, count(*) over () as total from project where workflow_id not like '${COPY_PREFIX}%')
       select s.id as source_id, gen_random_uuid() as copy_id, g as n from generate_series(1, $1::int) g join sources s on s.i = g % s.total`,
    [needed],
  );
  const source = 'project src join bench_copy_map m on m.source_id = src.id';
  await copyRows(db, 'project', source, {
    id: 'm.copy_id',
    workflow_id: `'${COPY_PREFIX}' || m.copy_id`,
    name: `src.name || ' (copy ' || m.n || ')'`,
    // Distinct creation times, so pages have one order in every reader.
    created_at: `src.created_at - m.n * interval '1 second'`,
    updated_at: `src.updated_at - m.n * interval '1 second'`,
  });
  for (const table of await projectChildTables(db)) {
    const columns = await columnsOf(db, table);
    await copyRows(db, table, `"${table}" src join bench_copy_map m on m.source_id = src.project_id`, {
      project_id: 'm.copy_id',
      ...(columns.includes('id') ? { id: 'gen_random_uuid()' } : {}),
    });
  }
  return needed;
}

/**
 * Adds timeline events (copies of a communication-round event) spread over copied
 * projects and the last 90 days, until there are `total`.
 */
export async function replicateTimelineEvents(db: pg.Client, total: number): Promise<number> {
  const current = Number((await db.query<{ n: string }>('select count(*) as n from timeline_event')).rows[0]!.n);
  const needed = total - current;
  if (needed <= 0) return 0;
  return copyRows(
    db,
    'timeline_event',
    `(select * from timeline_event where type = 'COMMUNICATION_ROUND_LOGGED' limit 1) src
       cross join generate_series(1, $1::int) g
       join (select copy_id, row_number() over (order by copy_id) - 1 as i, count(*) over () as total from bench_copy_map) c on c.i = g % c.total`,
    { project_id: 'c.copy_id', seq: '100000 + g / c.total', occurred_at: `now() - (g % 129600) * interval '1 minute'` },
    [needed],
  );
}

/** Copies the API's tickets (opened minutes apart over the last 30 days, most of them overdue) until there are `total`. */
export async function replicateTickets(db: pg.Client, total: number): Promise<number> {
  const current = Number((await db.query<{ n: string }>('select count(*) as n from ticket')).rows[0]!.n);
  const needed = total - current;
  if (needed <= 0) return 0;
  const columns = await columnsOf(db, 'ticket');
  const shift = `(g % 43200) * interval '1 minute'`;
  const shifted = Object.fromEntries(
    ['opened_at', 'next_due_at', 'updated_at', 'closed_at'].filter((column) => columns.includes(column)).map((column) => [column, `src.${column} - ${shift}`]),
  );
  return copyRows(
    db,
    'ticket',
    `(select *, row_number() over (order by id) - 1 as i, count(*) over () as total from ticket where workflow_id not like '${COPY_PREFIX}%') src
       join generate_series(1, $1::int) g on src.i = g % src.total`,
    { id: 'gen_random_uuid()', workflow_id: `'${COPY_PREFIX}' || gen_random_uuid()`, ...shifted },
    [needed],
  );
}
