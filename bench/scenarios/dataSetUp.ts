/**
 * The data every scenario starts from: projects, actions and tickets made through the
 * application's API (so their rows are what it writes), then copied by SQL up to the
 * board's size (bench/replication.ts).
 */
import { bearer, sendAll, type BenchContext } from '../benchContext.js';
import { createProjectRequest, logRoundRequest, openTicketRequest } from '../operations.js';
import { replicateProjects } from '../replication.js';

export const SOURCE_PROJECTS = 64;
const ROUNDS_PER_SOURCE_PROJECT = 3;
const SOURCE_TICKETS = 32;

export async function setUpData(context: BenchContext): Promise<{ apiProjects: number; apiActions: number; apiTickets: number; copiedProjects: number }> {
  const { tokens } = context.systemUnderTest.ready;
  const created = await sendAll(context, context.appOrigin, bearer(tokens.lead), Array.from({ length: SOURCE_PROJECTS }, (_, index) => createProjectRequest(index)), 16);
  context.log(`created ${SOURCE_PROJECTS} projects through the API (${created.requestsPerSecond.toFixed(1)}/s)`);
  const ids = (await context.db.query<{ id: string }>('select id from project order by created_at')).rows.map((row) => row.id);
  const rounds = ids.flatMap((id) => Array.from({ length: ROUNDS_PER_SOURCE_PROJECT }, (_, round) => logRoundRequest(id, `Round ${round + 1}`)));
  // Neighbouring requests go to different projects: concurrent updates to one workflow would only queue.
  const interleaved = rounds.map((_, index) => rounds[(index % ids.length) * ROUNDS_PER_SOURCE_PROJECT + Math.floor(index / ids.length)]!);
  await sendAll(context, context.appOrigin, bearer(tokens.lead), interleaved, 16);
  const tickets = Array.from({ length: SOURCE_TICKETS }, (_, index) => openTicketRequest(ids[index % ids.length]!, index));
  await sendAll(context, context.appOrigin, bearer(tokens.admin), tickets, 4);
  context.log(`logged ${rounds.length} communication rounds and opened ${tickets.length} tickets through the API`);
  const copiedProjects = await replicateProjects(context.db, context.options.boardProjects);
  context.log(`copied projects by SQL up to ${context.options.boardProjects}`);
  await context.db.query('analyze');
  return { apiProjects: SOURCE_PROJECTS, apiActions: rounds.length, apiTickets: tickets.length, copiedProjects };
}
