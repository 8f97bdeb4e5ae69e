import type { MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { isRefusedData } from '../../platform/orm/sqlState.js';
import type { ProjectRow } from '../domain/projectRecord.js';
import { PROJECTION_REJECTED } from '../domain/timelineEvent.js';
import { Project, TimelineEvent } from '../entities/index.js';
import { announceTimelineEvent } from './announceTimelineEvent.js';

/**
 * Where a test plays a crash: `afterCommit` runs once the row is committed and before the
 * activity reports success, so making it throw is a worker dying at the worst moment.
 * Empty outside tests.
 */
export const projectRecordFaults: { afterCommit?: (projectId: string) => void } = {};

/**
 * Writes a new project's row, its add-ons and its PROJECT_CREATED timeline entry, in one
 * transaction, as the first step of the project's workflow. Safe to run any number of
 * times, also concurrently: `on conflict do nothing` on the project's id, and a second
 * run finds the row there and writes nothing.
 */
export function createProjectRecordActivities(orm: MikroORM) {
  async function recordProjectCreated(row: ProjectRow): Promise<void> {
    try {
      await write(row);
    } catch (error) {
      // A row Postgres refuses (a client that is gone, a value out of range) is refused on every retry.
      if (isRefusedData(error)) {
        const sqlState = (error as { code: string }).code;
        throw ApplicationFailure.nonRetryable(`The read model refused project ${row.projectId} (SQLSTATE ${sqlState}).`, PROJECTION_REJECTED, { sqlState });
      }
      throw error;
    }
    projectRecordFaults.afterCommit?.(row.projectId);
  }

  async function write(row: ProjectRow): Promise<void> {
    const createdAt = new Date(row.createdAt);
    await orm.em.fork().transactional(async (tx) => {
      const inserted = await tx
        .createQueryBuilder(Project)
        .insert({
          id: row.projectId,
          name: row.name,
          client: row.clientId,
          servicePackage: row.packageCode,
          projectLead: row.projectLead,
          stagingUrl: row.state.stagingUrl,
          workflowId: row.workflowId,
          policy: row.policy,
          policyVersion: row.policyVersion,
          addOnVersions: row.addOnVersions,
          contractValue: row.contractValue,
          plannedDeliveryAt: row.plannedDeliveryAt ? new Date(row.plannedDeliveryAt) : null,
          stage: row.state.stage,
          sopState: row.state,
          projectedSeq: row.state.lastEventSeq,
          createdAt,
          updatedAt: createdAt,
        })
        .onConflict(['id'])
        .ignore()
        .execute('run');
      // Already written, by an earlier attempt that committed all of it.
      if (inserted.affectedRows === 0) return;
      for (const code of row.addOnCodes) {
        await tx.execute('insert into "project_add_ons" ("project_id", "add_on_pack_code") values (?, ?)', [row.projectId, code], 'run');
      }
      await tx
        .createQueryBuilder(TimelineEvent)
        .insert({
          project: row.projectId,
          seq: 0,
          type: 'PROJECT_CREATED',
          fromStage: row.state.stage,
          toStage: row.state.stage,
          actor: row.actor,
          occurredAt: createdAt,
          summary: `Project created on the ${row.packageName} package`,
          details: { packageCode: row.packageCode, addOnCodes: row.addOnCodes },
        })
        .onConflict(['project', 'seq'])
        .ignore()
        .execute();
      await announceTimelineEvent(tx, row.projectId, 0, 'PROJECT_CREATED');
    });
  }

  return { recordProjectCreated };
}

export type ProjectRecordActivities = ReturnType<typeof createProjectRecordActivities>;
