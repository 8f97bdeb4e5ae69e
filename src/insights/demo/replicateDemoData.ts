import type { QueryResult } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_WORKFLOW_PREFIX } from './demoDataSet.js';
import { DEMO_TABLES, type DemoTable } from './writeDemoData.js';

/**
 * Scale fixtures for the benchmark (issue 11, scenario 5): copies of the demo data set
 * (written first by `writeDemoData`) made by SQL inside Postgres, so ten thousand projects
 * and hundreds of thousands of timeline events take seconds instead of a generator run
 * each. A copy keeps every instant, amount and JSON document of its original and gets
 * ids of its own (`md5(original id ':' copy)`), so the proportions of the demo year (events
 * per project, breaches per ticket, the designed relations) stay as they are and only the
 * sample sizes grow. Copies are history like the demo rows: no workflows behind them.
 *
 * Tickets can be copied more often than projects (`ticketCopies`): ticket copy `k` belongs
 * to project copy `k mod copies`, so a fixture can reach many tickets without multiplying
 * the timeline too.
 */

export interface DemoReplication {
  /** Copies of the whole data set there should be, the original included (1: nothing added). */
  copies: number;
  /** Copies of the tickets (with their messages and breaches), the original included; `copies` when absent. */
  ticketCopies?: number;
  /** Where progress lines go; silent when absent. */
  log?: (line: string) => void;
}

/** Demo rows per table (default seed, one year): what `copiesFor` divides by. */
const DEMO_ROWS_PER_COPY = { projects: 320, timelineEvents: 12_767, tickets: 592 } as const;

/**
 * The replication that reaches at least `target` rows of each kind: the issue's scale
 * scenario asks for 10,000 projects, 100,000 timeline events and 10,000 tickets. Counts
 * per copy are the default demo year's (a different seed or `until` changes them a little).
 */
export function copiesFor(target: { projects?: number; timelineEvents?: number; tickets?: number }): Pick<DemoReplication, 'copies' | 'ticketCopies'> {
  const times = (wanted: number | undefined, perCopy: number) => Math.max(1, Math.ceil((wanted ?? 0) / perCopy));
  const copies = Math.max(times(target.projects, DEMO_ROWS_PER_COPY.projects), times(target.timelineEvents, DEMO_ROWS_PER_COPY.timelineEvents));
  return { copies, ticketCopies: Math.max(copies, times(target.tickets, DEMO_ROWS_PER_COPY.tickets)) };
}

/** SQL for the id of copy `copy` (a column or expression) of the uuid `id`: copy 0 is the original. */
const copyOf = (id: string, copy: string) => `(case when ${copy} = 0 then ${id} else md5(${id}::text || ':' || ${copy})::uuid end)`;

/**
 * How each table's rows are copied: which rows (`from` and `where`, aliased `r`, with the
 * copy number `k`), and the columns that change. Every other column is copied by name, so
 * columns added later come along without a change here (generated ones Postgres computes).
 */
interface TablePlan {
  /** The original rows, aliased `r`. */
  from: string;
  where?: string;
  /** The copies of each row: `k` from 1 to this minus one. */
  copies: 'projects' | 'tickets';
  changed: Record<string, string>;
}

/** Copies keep their original's workflow id with `~<copy>` appended: only originals are copied. */
const COPY_MARK = '~';
const original = (alias: string, prefix: string) => `${alias}.workflow_id like '${prefix}%' and ${alias}.workflow_id not like '%${COPY_MARK}%'`;
/** The project copy a ticket copy belongs to. */
const ticketProjectCopy = (projectCopies: number) => `(k % ${projectCopies})`;

function plans(projectCopies: number): Record<DemoTable, TablePlan> {
  const projectChild = (table: string): TablePlan => ({
    from: `${table} r join project p on p.id = r.project_id and ${original('p', DEMO_WORKFLOW_PREFIX.project)}`,
    copies: 'projects',
    changed: { project_id: copyOf('r.project_id', 'k') },
  });
  const ticketChild = (table: string, extra: Record<string, string> = {}): TablePlan => ({
    from: `${table} r join ticket t on t.id = r.ticket_id and ${original('t', DEMO_WORKFLOW_PREFIX.ticket)}`,
    copies: 'tickets',
    changed: { ticket_id: copyOf('r.ticket_id', 'k'), ...extra },
  });
  const ticketCopyOfProject = ticketProjectCopy(projectCopies);
  return {
    client: {
      from: 'client r',
      where: `r.id in (select q.client_id from project q where ${original('q', DEMO_WORKFLOW_PREFIX.project)})`,
      copies: 'projects',
      changed: { id: copyOf('r.id', 'k'), name: `left(r.name, 190) || ' #' || k` },
    },
    project: {
      from: 'project r',
      where: original('r', DEMO_WORKFLOW_PREFIX.project),
      copies: 'projects',
      changed: { id: copyOf('r.id', 'k'), client_id: copyOf('r.client_id', 'k'), workflow_id: `r.workflow_id || '${COPY_MARK}' || k`, name: `left(r.name, 190) || ' #' || k` },
    },
    requirement: projectChild('requirement'),
    change_order: projectChild('change_order'),
    timeline_event: projectChild('timeline_event'),
    cost_entry: { ...projectChild('cost_entry'), changed: { id: copyOf('r.id', 'k'), project_id: copyOf('r.project_id', 'k') } },
    monitoring_report: projectChild('monitoring_report'),
    ticket: {
      from: 'ticket r',
      where: original('r', DEMO_WORKFLOW_PREFIX.ticket),
      copies: 'tickets',
      changed: {
        id: copyOf('r.id', 'k'),
        project_id: copyOf('r.project_id', ticketCopyOfProject),
        client_id: copyOf('r.client_id', ticketCopyOfProject),
        workflow_id: `r.workflow_id || '${COPY_MARK}' || k`,
      },
    },
    ticket_message: ticketChild('ticket_message', { id: copyOf('r.id', 'k') }),
    sla_breach: ticketChild('sla_breach'),
  };
}

/**
 * Adds copies of the demo rows already in the database until there are `copies` of the
 * data set (and `ticketCopies` of its tickets), in one transaction, then VACUUM ANALYZEs
 * the tables so the planner sees the new sizes. Safe to run again with the same numbers: every
 * insert is `on conflict do nothing`. Returns the rows inserted per table.
 */
export async function replicateDemoData(orm: MikroORM, replication: DemoReplication): Promise<Record<DemoTable, number>> {
  const { copies, ticketCopies = replication.copies, log = () => {} } = replication;
  if (!Number.isInteger(copies) || copies < 1 || !Number.isInteger(ticketCopies) || ticketCopies < copies) {
    throw new RangeError(`replicateDemoData needs whole copies ≥ 1 and ticketCopies ≥ copies (copies ${copies}, ticketCopies ${ticketCopies}).`);
  }
  const tablePlans = plans(copies);
  const inserted = Object.fromEntries(DEMO_TABLES.map((table) => [table, 0])) as Record<DemoTable, number>;
  await orm.em.fork().transactional(async (tx) => {
    const [demo] = await tx.execute<{ projects: number }[]>(`select count(*)::int as projects from project where workflow_id like ?`, [`${DEMO_WORKFLOW_PREFIX.project}%`]);
    if (demo!.projects === 0) throw new Error('replicateDemoData copies the demo data set: write it first (writeDemoData).');
    for (const table of DEMO_TABLES) {
      const plan = tablePlans[table];
      const columns = (
        await tx.execute<{ column_name: string }[]>(
          `select column_name from information_schema.columns
           where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER' order by ordinal_position`,
          [table],
        )
      ).map((c) => c.column_name);
      const values = columns.map((column) => plan.changed[column] ?? `r."${column}"`);
      const times = plan.copies === 'projects' ? copies : ticketCopies;
      if (times < 2) continue;
      const { affectedRows } = await tx.execute<QueryResult>(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
         select ${values.join(', ')} from ${plan.from} cross join generate_series(1, ${times - 1}) as k${plan.where ? ` where ${plan.where}` : ''}
         on conflict do nothing`,
        [],
        'run',
      );
      inserted[table] = affectedRows;
      log(`${table}: ${affectedRows} rows copied`);
    }
  });
  // As autovacuum would leave insert-only tables: statistics, and the visibility map that index-only scans need.
  await orm.em.fork().execute(`vacuum (analyze) ${DEMO_TABLES.map((t) => `"${t}"`).join(', ')}`);
  return inserted;
}
