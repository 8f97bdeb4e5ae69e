import type { MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { isRefusedData } from '../../platform/orm/sqlState.js';
import { clockRuns, slaClockOf } from '../domain/ticket.js';
import type { TicketProjectionActivities, TicketSnapshot } from '../domain/ticketSnapshot.js';
import { SlaBreachRecord, Ticket, TicketMessage } from '../entities/index.js';

/** The failure type of a snapshot Postgres refuses (the boundaries should have stopped it). */
export const TICKET_PROJECTION_REJECTED = 'TICKET_PROJECTION_REJECTED';

/** The earliest deadline of a clock that still runs, at `now`; null when none runs or all are paused. */
function nextDueAt(snapshot: TicketSnapshot, now: number): Date | null {
  let earliest: number | null = null;
  for (const run of clockRuns(snapshot.state)) {
    if (run.stoppedAt !== null) continue;
    const { dueAt } = slaClockOf(snapshot.state, run, snapshot.calendar, now);
    if (dueAt !== null && (earliest === null || dueAt < earliest)) earliest = dueAt;
  }
  return earliest === null ? null : new Date(earliest);
}

/** Business time from the opening to the first agent reply, on the ticket's calendar; null until it came. */
function firstResponseBusinessMillis(snapshot: TicketSnapshot): number | null {
  const run = snapshot.state.firstResponse;
  if (run.stoppedBy !== 'RESPONSE' || run.stoppedAt === null) return null;
  return slaClockOf(snapshot.state, run, snapshot.calendar, run.stoppedAt).usedMillis;
}

/**
 * Writes the ticket workflow's snapshots into the read model. Safe to run any number of
 * times and in any order: the ticket row only moves forward to a newer `seq`, a message is
 * stored once by its id, and breach records follow the newest snapshot.
 */
export function createTicketProjectionActivities(orm: MikroORM): TicketProjectionActivities {
  async function write(snapshot: TicketSnapshot): Promise<void> {
    const { state, record, seq } = snapshot;
    const em = orm.em.fork();
    await em.transactional(async (tx) => {
      // On the transaction's own connection: a second one from the pool, taken while this one
      // is held, deadlocked the worker once ten tickets were written at once (issue 11's drill).
      const assignee = state.assignee ? await tx.execute<{ team: string | null }[]>('select team from app_user where username = ?', [state.assignee]) : [];
      const row = {
        id: state.ticketId,
        project: state.projectId,
        client: state.clientId,
        title: record.title,
        description: record.description,
        channel: record.channel,
        severity: state.severity,
        category: state.category,
        status: state.status,
        affectedUsers: state.affectedUsers,
        assignee: state.assignee,
        team: assignee[0]?.team ?? null,
        openedBy: record.openedBy,
        openedAt: new Date(state.openedAt),
        closedAt: state.closedAt === null ? null : new Date(state.closedAt),
        policyVersion: state.policyVersion,
        calendar: snapshot.calendar,
        slaState: state,
        slaBreached: state.slaBreached,
        nextDueAt: nextDueAt(snapshot, Date.now()),
        firstResponseBusinessMillis: firstResponseBusinessMillis(snapshot),
        workflowId: `ticket-${state.ticketId}`,
        projectedSeq: seq,
        updatedAt: new Date(),
      };
      const moved = await tx
        .createQueryBuilder(Ticket)
        .insert(row)
        .onConflict(['id'])
        .merge(['severity', 'status', 'assignee', 'team', 'closedAt', 'policyVersion', 'slaState', 'slaBreached', 'nextDueAt', 'firstResponseBusinessMillis', 'projectedSeq', 'updatedAt'])
        .where({ projectedSeq: { $lt: seq } })
        .execute('run');
      if (snapshot.message) {
        const { id, kind, authorRole, author, body, at } = snapshot.message;
        await tx.createQueryBuilder(TicketMessage).insert({ id, ticket: state.ticketId, kind, authorRole, author, body, createdAt: new Date(at) }).onConflict(['ticket', 'id']).ignore().execute('run');
      }
      if (moved.affectedRows === 0) return; // a newer snapshot got here first
      for (const breach of state.breaches) {
        await tx
          .createQueryBuilder(SlaBreachRecord)
          .insert({
            ticket: state.ticketId,
            clock: breach.clock,
            round: breach.round,
            dueAt: new Date(breach.dueAt),
            recordedAt: new Date(breach.recordedAt),
            lateByMillis: breach.lateByMillis,
            metAt: breach.metAt === null ? null : new Date(breach.metAt),
          })
          .onConflict(['ticket', 'clock', 'round'])
          .merge(['metAt'])
          .execute('run');
      }
    });
  }

  return {
    async recordTicket(snapshot) {
      try {
        await write(snapshot);
      } catch (error) {
        // A value Postgres refuses is refused on every retry: fail for good, loudly.
        if (isRefusedData(error)) {
          const sqlState = (error as { code: string }).code;
          throw ApplicationFailure.nonRetryable(`The read model refused ticket snapshot ${snapshot.seq} (SQLSTATE ${sqlState}).`, TICKET_PROJECTION_REJECTED, { sqlState });
        }
        throw error;
      }
    },
  };
}
