import type { MikroORM } from '@mikro-orm/postgresql';
import type { SopEvent } from '../domain/sopEvent.js';
import { Project, StageEvent } from '../db/entities/index.js';

/**
 * Writes the workflow's events into the Postgres read model. Safe to run any number of
 * times and in any order: an event is inserted once per (project, seq), and the project
 * row only moves forward to a newer seq.
 */
export function createProjectionActivities(orm: MikroORM) {
  return {
    async recordSopEvent(event: SopEvent): Promise<void> {
      const em = orm.em.fork();
      await em.transactional(async (tx) => {
        await tx
          .createQueryBuilder(StageEvent)
          .insert({
            project: event.projectId,
            seq: event.seq,
            type: event.type,
            fromStage: event.fromStage,
            toStage: event.toStage,
            actor: event.actor,
            occurredAt: new Date(event.occurredAt),
            summary: event.summary,
            details: event.details,
          })
          .onConflict(['project', 'seq'])
          .ignore()
          .execute();
        await tx.nativeUpdate(
          Project,
          { id: event.projectId, projectedSeq: { $lt: event.seq } },
          {
            stage: event.state.stage,
            communicationRounds: event.state.communicationRounds,
            projectedSeq: event.seq,
            updatedAt: new Date(),
          },
        );
      });
    },
  };
}

export type ProjectionActivities = ReturnType<typeof createProjectionActivities>;
