import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { POOL_ACQUIRE_TIMEOUT_MS } from '../../src/platform/orm/connectionPool.js';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The API and the worker with one Postgres connection between them (DATABASE_POOL_SIZE=1).
 * No code path may hold a connection while it waits for a second: under load, ten such
 * waits at once took every connection of the pool and stopped the worker for good (the
 * ticket projection did it, found by the fault drill). With one connection, any such path
 * cannot finish at all: each way an action or a ticket step writes the read model is driven here.
 */
let app: TestApplication;

beforeAll(async () => {
  app = await startTestApplication({ databasePoolSize: 1 });
});

afterAll(async () => {
  await app?.stop();
});

const mutate = async (name: string, input: Record<string, unknown>, fields = 'id', as = 'lin.pm') =>
  ok(await app.gql(`mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`, { input }, { as }))[name];

describe('one database connection for the whole process', () => {
  it('is enough for each way an action or a ticket step writes the read model', async () => {
    const { id: projectId } = await mutate('createProject', { clientId: SEED_CLIENTS[0]!.id, name: 'One-connection shop', packageCode: 'STANDARD', projectLead: 'lin.pm', idempotencyKey: 'pool-create' });
    await mutate('logCommunicationRound', { projectId, channel: 'VIDEO', summary: 'Kick-off', attendees: ['client'], idempotencyKey: 'pool-round' });
    const { requirements } = await mutate('addRequirement', { projectId, title: 'Checkout in 3 steps' }, 'requirements { id }');
    await mutate('confirmRequirement', { projectId, requirementId: requirements[0].id });
    // A cost and a change order are written in a transaction with the event.
    await mutate('recordCost', { projectId, phase: 'RESEARCH', amount: 250, idempotencyKey: 'pool-cost' });
    await mutate('requestChangeOrder', { projectId, kind: 'SCOPE', reason: 'A blog', amount: 900 });

    // The ticket's projection looks up its assignee's team inside its transaction.
    const ticket = await mutate('openTicket', { projectId, title: 'Checkout is down', severity: 'HIGH', category: 'INCIDENT', idempotencyKey: 'pool-ticket' }, 'id assignee', 'mia.csm');
    expect(ticket.assignee).not.toBeNull();
    await mutate('respondToTicket', { ticketId: ticket.id, body: 'On it.' }, 'id', 'mia.csm');
    await mutate('setTicketStatus', { ticketId: ticket.id, status: 'RESOLVED' }, 'id', 'mia.csm');

    const [row] = await app.sql<{ costs: number; orders: number; events: number; status: string; team: string | null; assignee_team: string | null }>(
      `select (select count(*)::int from cost_entry where project_id = $1) as costs,
              (select count(*)::int from change_order where project_id = $1) as orders,
              (select count(*)::int from timeline_event where project_id = $1) as events,
              t.status, t.team, (select team from app_user where username = t.assignee) as assignee_team
       from ticket t where t.id = $2`,
      [projectId, ticket.id],
    );
    expect(row!.team).not.toBeNull();
    expect(row).toEqual({ costs: 1, orders: 1, events: 6, status: 'RESOLVED', team: row!.assignee_team, assignee_team: row!.assignee_team });
  });

  it(`answers SERVICE_UNAVAILABLE, not never, while no connection comes free (${POOL_ACQUIRE_TIMEOUT_MS / 1000} s)`, async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const taken = new Promise<void>((resolve) => (holding = resolve));
    // Another part of the process holds the only connection in a transaction.
    const holder = app.orm.em.fork().transactional(async (tx) => {
      await tx.execute('select 1');
      holding();
      await held;
    });
    // If the worker has the connection, the holder waits its turn (or fails after 10 s and says so).
    await Promise.race([taken, holder]);
    try {
      const answer = await app.gql('{ projects(first: 1) { totalCount } }');
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(JSON.stringify(answer)).not.toMatch(/timeout exceeded|pg-pool|node_modules/);
    } finally {
      release();
      await holder;
    }
    expect(ok(await app.gql('{ projects(first: 1) { totalCount } }')).projects.totalCount).toBeGreaterThan(0);
  });
});
