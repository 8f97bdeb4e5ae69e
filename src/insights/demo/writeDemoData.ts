import type { EntityKey, EntityName, RequiredEntityData } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { SlaBreachRecord, Ticket, TicketMessage } from '../../aftersales/entities/index.js';
import { Client } from '../../catalog/entities/index.js';
import { ChangeOrder, CostEntry, MonitoringReport, Project, Requirement, TimelineEvent } from '../../delivery/entities/index.js';
import { DEMO_WORKFLOW_PREFIX, generateDemoDataSet, type DemoOptions } from './demoDataSet.js';

/** The tables the demo data set fills, in the order they are written (references first). */
export const DEMO_TABLES = [
  'client',
  'project',
  'requirement',
  'change_order',
  'timeline_event',
  'cost_entry',
  'monitoring_report',
  'ticket',
  'ticket_message',
  'sla_breach',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

export interface DemoWriteOptions extends DemoOptions {
  /** Where progress lines go; silent when absent. */
  log?: (line: string) => void;
  /** Rows per insert statement. */
  chunkSize?: number;
}

export interface DemoWriteResult {
  /** False when demo data was already there: nothing was written. */
  written: boolean;
  seed: number;
  from: Date;
  until: Date;
  /** Rows inserted per table (0 for every table when nothing was written). */
  inserted: Record<DemoTable, number>;
  /** Rows the data set holds per table. */
  generated: Record<DemoTable, number>;
  /** Demo projects found before writing (more than 0: the run wrote nothing). */
  existingProjects: number;
}

/** Serialises concurrent runs: the second waits, then finds the first one's rows. */
const LOCK_KEY = 'delivery-sop:seed-demo';

const zeroCounts = (): Record<DemoTable, number> => Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;

/**
 * Writes the demo data set (demoDataSet.ts) in one transaction, in chunked multi-row inserts.
 * Safe to run again: the rows have fixed ids, a run that finds demo projects or clients
 * already there writes nothing (a different seed or `until` would otherwise mix two data
 * sets), and every insert is `on conflict do nothing` besides. Demo rows get no workflows and
 * no live-update notices: they are history.
 */
export async function writeDemoData(orm: MikroORM, options: DemoWriteOptions = {}): Promise<DemoWriteResult> {
  const log = options.log ?? (() => {});
  const chunkSize = options.chunkSize ?? 500;
  const data = generateDemoDataSet(options);
  const generated: Record<DemoTable, number> = {
    client: data.clients.length,
    project: data.projects.length,
    requirement: data.requirements.length,
    change_order: data.changeOrders.length,
    timeline_event: data.timelineEvents.length,
    cost_entry: data.costEntries.length,
    monitoring_report: data.monitoringReports.length,
    ticket: data.tickets.length,
    ticket_message: data.ticketMessages.length,
    sla_breach: data.slaBreaches.length,
  };
  const result = { seed: data.seed, from: data.from, until: data.until, generated };

  return orm.em.fork().transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [LOCK_KEY]);
    const [found] = await tx.execute<{ projects: number; clients: number; tickets: number }[]>(
      `select (select count(*) from project where workflow_id like ?)::int as projects,
              (select count(*) from client where id in (${data.clients.map(() => '?').join(', ')}))::int as clients,
              (select count(*) from ticket where workflow_id like ?)::int as tickets`,
      [`${DEMO_WORKFLOW_PREFIX.project}%`, ...data.clients.map((c) => c.id), `${DEMO_WORKFLOW_PREFIX.ticket}%`],
    );
    if (found!.projects > 0 || found!.clients > 0 || found!.tickets > 0) {
      log(`demo data already present (${found!.clients} demo clients, ${found!.projects} demo projects, ${found!.tickets} demo tickets): nothing written`);
      return { ...result, written: false, inserted: zeroCounts(), existingProjects: found!.projects };
    }
    const inserted = zeroCounts();
    /** Inserts `rows` (named as the entity's properties) in chunks, skipping any already there. */
    const insertAll = async <E extends object>(table: DemoTable, entity: EntityName<E>, conflict: EntityKey<E>[], rows: readonly RequiredEntityData<E>[]) => {
      for (let start = 0; start < rows.length; start += chunkSize) {
        const { affectedRows } = await tx
          .createQueryBuilder(entity)
          .insert(rows.slice(start, start + chunkSize))
          .onConflict(conflict)
          .ignore()
          .execute('run');
        inserted[table] += affectedRows;
      }
      log(`${table}: ${inserted[table]} of ${rows.length} rows inserted`);
    };
    await insertAll('client', Client, ['id'], data.clients);
    await insertAll('project', Project, ['id'], data.projects);
    await insertAll('requirement', Requirement, ['project', 'id'], data.requirements);
    await insertAll('change_order', ChangeOrder, ['project', 'id'], data.changeOrders);
    await insertAll('timeline_event', TimelineEvent, ['project', 'seq'], data.timelineEvents);
    await insertAll('cost_entry', CostEntry, ['id'], data.costEntries);
    await insertAll('monitoring_report', MonitoringReport, ['project', 'month'], data.monitoringReports);
    await insertAll('ticket', Ticket, ['id'], data.tickets);
    await insertAll('ticket_message', TicketMessage, ['ticket', 'id'], data.ticketMessages);
    await insertAll('sla_breach', SlaBreachRecord, ['ticket', 'clock', 'round'], data.slaBreaches);
    return { ...result, written: true, inserted, existingProjects: 0 };
  });
}
