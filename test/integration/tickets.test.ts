import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/platform/notifications/webhookSignature.js';
import { DEFAULT_OUTBOUND_POLICY } from '../../src/platform/outbound/outboundPolicy.js';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';
import { putPolicyInForce, uniformPolicy } from '../support/slaPolicies.js';

/**
 * Tickets over GraphQL as their users work them, against the real stack (Postgres,
 * Temporal dev server, worker, API over HTTP and websockets): a client opens, a CSM sees
 * the queue with due times and time left, replies, pauses, changes severity; a breach is
 * recorded by the workflow, announced to `slaAlerts` and posted to a webhook whose
 * signature a local receiver verifies; the Temporal visibility store filters it by
 * `SlaBreached = true`, as the Temporal UI does.
 */

const SECRET = 'whsec-tickets-0123456789abcdef0123456789';
const [ACME, GLOBEX] = SEED_CLIENTS;
const H = 3_600_000;

let app: TestApplication;
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    response.writeHead(204).end();
  });
});
const clients: Client[] = [];

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a ticket shows its client; agency staff also see `team` and `slaExplanation` (STAFF_FIELDS). */
const TICKET_FIELDS = `id title status severity category assignee openedBy openedAt policyVersion slaBreached nextDueAt timeLeftMillis selfServiceFirst
  project { id } client { id }
  clocks { clock round targetMillis dueAt usedMillis remainingMillis breached lateByMillis paused running stoppedBy }
  breaches { clock round dueAt lateByMillis metAt }
  messages { kind authorRole author body }`;

async function createProject(clientId: string, name: string): Promise<string> {
  const input = { clientId, name, packageCode: 'STANDARD', projectLead: 'lin.pm' };
  return ok(await app.gql<{ createProject: { id: string } }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input })).createProject.id;
}

function openTicket(input: Record<string, unknown>, as: string) {
  return app.gql<{ openTicket: any }>(`mutation ($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET_FIELDS} } }`, { input }, { as });
}

function mutate(name: string, inputType: string, input: Record<string, unknown>, as: string) {
  return app.gql<Record<string, any>>(`mutation ($input: ${inputType}!) { ${name}(input: $input) { ${TICKET_FIELDS} } }`, { input }, { as });
}

const STAFF_FIELDS = 'team slaExplanation';
const readTicket = async (id: string, as = 'mia.csm') =>
  ok(await app.gql<{ ticket: any }>(`query ($id: UUID!) { ticket(id: $id) { ${TICKET_FIELDS} ${as.endsWith('.client') ? '' : STAFF_FIELDS} } }`, { id }, { as })).ticket;

let acmeProject: string;
let globexProject: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  app = await startTestApplication({
    outbound: { ...DEFAULT_OUTBOUND_POLICY, allowedNetworks: ['127.0.0.0/8'] },
    notifications: { webhook: { url: `http://127.0.0.1:${port}/sla`, secret: SECRET } },
  });
  acmeProject = await createProject(ACME!.id, 'Acme shop');
  globexProject = await createProject(GLOBEX!.id, 'Globex portal');
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await app?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('opening and reading tickets', () => {
  it('a client opens a ticket on its project: routed to its dedicated CSM, under the seeded policy, with its clocks running', async () => {
    const before = Date.now();
    const ticket = ok(await openTicket({ projectId: acmeProject, title: 'Checkout fails', description: 'Card payments time out.', severity: 'HIGH', category: 'SYSTEM' }, 'acme.client')).openTicket;
    expect(ticket).toMatchObject({ status: 'OPEN', severity: 'HIGH', category: 'SYSTEM', assignee: 'mia.csm', openedBy: 'acme.client', policyVersion: 1, slaBreached: false, selfServiceFirst: true });
    expect(ticket.project.id).toBe(acmeProject);
    const asAgent = await readTicket(ticket.id);
    expect(asAgent).toMatchObject({ team: 'key-accounts' });
    expect(asAgent.slaExplanation).toContain('first response 12 h');
    expect(asAgent.slaExplanation).toContain('self-service first');
    // How the agency judges and routes its tickets is not the client's to read.
    const internal = await app.gql(`query ($id: UUID!) { ticket(id: $id) { team slaExplanation } }`, { id: ticket.id }, { as: 'acme.client' });
    expect(internal.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const first = ticket.clocks.find((c: any) => c.clock === 'FIRST_RESPONSE');
    // HIGH: 12 h around the clock from the opening.
    expect(Date.parse(first.dueAt) - Date.parse(ticket.openedAt)).toBe(12 * H);
    expect(Date.parse(ticket.openedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(ticket.timeLeftMillis).toBeGreaterThan(12 * H - 60_000);
    expect(ticket.timeLeftMillis).toBeLessThanOrEqual(12 * H);
    expect(ticket.nextDueAt).toBe(first.dueAt);
  });

  it("a new tier-A client's dedicated CSM gets its tickets; a dedicated CSM must be a CSM", async () => {
    const refused = await app.gql(`mutation { createClient(input: { name: "Umbrella", tier: A, dedicatedCsm: "lin.pm" }) { id } }`, {}, { as: 'admin' });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dedicatedCsm' });
    const client = ok(await app.gql<{ createClient: { id: string; dedicatedCsm: string } }>(`mutation { createClient(input: { name: "Umbrella", tier: A, dedicatedCsm: "noah.csm" }) { id dedicatedCsm } }`, {}, { as: 'admin' })).createClient;
    expect(client.dedicatedCsm).toBe('noah.csm');
    const project = await createProject(client.id, 'Umbrella intranet');
    const ticket = ok(await openTicket({ projectId: project, title: 'Login loop', severity: 'LOW', category: 'SYSTEM' }, 'mia.csm')).openTicket;
    expect(ticket).toMatchObject({ assignee: 'noah.csm', openedBy: 'mia.csm' });
    ok(await mutate('setTicketStatus', 'SetTicketStatusInput', { ticketId: ticket.id, status: 'CLOSED' }, 'noah.csm'));
  });

  it("a tier-B client's ticket goes to the CSM with the fewest open tickets", async () => {
    const opened = ok(await openTicket({ projectId: globexProject, title: 'Invoice question', severity: 'LOW', category: 'BUSINESS' }, 'globex.client')).openTicket;
    const ticket = await readTicket(opened.id, 'noah.csm');
    // mia.csm holds Acme's open ticket; noah.csm holds none.
    expect(ticket.assignee).toBe('noah.csm');
    expect(ticket.team).toBe('support');
    expect(ticket.slaExplanation).toContain('rule business-callback');
    expect(ticket.selfServiceFirst).toBe(false);
  });

  it('a CLIENT sees only its own tickets and cannot open one on another client\'s project', async () => {
    const globexView = ok(await app.gql<{ tickets: any }>(`{ tickets { totalCount edges { node { client { id } } } } }`, {}, { as: 'globex.client' })).tickets;
    expect(globexView.edges.map((e: any) => e.node.client.id)).toEqual([GLOBEX!.id]);
    const acmeTicket = ok(await app.gql<{ tickets: any }>(`{ tickets { edges { node { id } } } }`, {}, { as: 'acme.client' })).tickets.edges[0].node.id;
    expect(ok(await app.gql<{ ticket: unknown }>(`query ($id: UUID!) { ticket(id: $id) { id } }`, { id: acmeTicket }, { as: 'globex.client' })).ticket).toBeNull();
    const refused = await openTicket({ projectId: acmeProject, title: 'Not mine', severity: 'LOW', category: 'SYSTEM' }, 'globex.client');
    expect(refused.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const lead = await openTicket({ projectId: acmeProject, title: 'Leads do not open tickets', severity: 'LOW', category: 'SYSTEM' }, 'lin.pm');
    expect(lead.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('a CSM sees every open ticket, most urgent first, with due times and time left', async () => {
    const queue = ok(await app.gql<{ tickets: any }>(`{ tickets(filter: { open: true }) { totalCount edges { node { title nextDueAt timeLeftMillis clocks { clock dueAt running } } } } }`, {}, { as: 'mia.csm' })).tickets;
    expect(queue.totalCount).toBe(2);
    const titles = queue.edges.map((e: any) => e.node.title);
    // The business callback (1 h) is due before the HIGH first response (12 h).
    expect(titles).toEqual(['Invoice question', 'Checkout fails']);
    for (const { node } of queue.edges) {
      expect(node.timeLeftMillis).toBeGreaterThan(0);
      expect(node.nextDueAt).toBe(node.clocks.filter((c: any) => c.running).map((c: any) => c.dueAt).sort()[0]);
    }
  });

  it("keeps each caller's idempotency keys to itself: another client's key neither leaks nor blocks", async () => {
    const acme = ok(await openTicket({ projectId: acmeProject, title: 'Key test A', severity: 'LOW', category: 'SYSTEM', idempotencyKey: 'shared-key-1' }, 'acme.client')).openTicket;
    const globex = ok(await openTicket({ projectId: globexProject, title: 'Key test G', severity: 'LOW', category: 'SYSTEM', idempotencyKey: 'shared-key-1' }, 'globex.client')).openTicket;
    expect(globex.id).not.toBe(acme.id);
    // The same caller and key: the same ticket; another request under it: refused.
    expect(ok(await openTicket({ projectId: acmeProject, title: 'Key test A', severity: 'LOW', category: 'SYSTEM', idempotencyKey: 'shared-key-1' }, 'acme.client')).openTicket.id).toBe(acme.id);
    const reused = await openTicket({ projectId: acmeProject, title: 'Something else', severity: 'LOW', category: 'SYSTEM', idempotencyKey: 'shared-key-1' }, 'acme.client');
    expect(reused.errors![0]!.extensions!.code).toBe('IDEMPOTENCY_KEY_REUSED');
    for (const id of [acme.id, globex.id]) ok(await mutate('setTicketStatus', 'SetTicketStatusInput', { ticketId: id, status: 'CLOSED' }, 'admin'));
  });

  it('refuses bad input with a coded error and opens nothing', async () => {
    const before = (await app.sql<{ count: string }>('select count(*) from ticket'))[0]!.count;
    for (const [input, field] of [
      [{ projectId: acmeProject, title: 'nul \u0000 here', severity: 'LOW', category: 'SYSTEM' }, 'title'],
      [{ projectId: acmeProject, title: 'lone \ud800 surrogate', severity: 'LOW', category: 'SYSTEM' }, 'title'],
      [{ projectId: acmeProject, title: 'negative users', severity: 'LOW', category: 'INCIDENT', affectedUsers: -1 }, 'affectedUsers'],
      [{ projectId: acmeProject, title: '   ', severity: 'LOW', category: 'SYSTEM' }, 'title'],
    ] as const) {
      const response = await openTicket(input, 'acme.client');
      expect(response.errors![0]!.extensions!.code, JSON.stringify(response.errors)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response.errors)).toContain(field);
    }
    const after = (await app.sql<{ count: string }>('select count(*) from ticket'))[0]!.count;
    expect(after).toBe(before);
  });
});

describe('working a ticket', () => {
  it('only a public reply by an agent meets the first response; the client never sees internal notes', async () => {
    const ticket = ok(await openTicket({ projectId: acmeProject, title: 'Slow admin pages', severity: 'MEDIUM', category: 'SYSTEM' }, 'acme.client')).openTicket;
    const note = ok(await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, kind: 'INTERNAL_NOTE', body: 'Probably the DB index.' }, 'mia.csm')).respondToTicket;
    expect(note.clocks.find((c: any) => c.clock === 'FIRST_RESPONSE').running).toBe(true);
    const clientNote = await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, kind: 'INTERNAL_NOTE', body: 'sneaky' }, 'acme.client');
    expect(clientNote.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const reply = ok(await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, body: 'We are on it.', idempotencyKey: 'reply-1' }, 'mia.csm')).respondToTicket;
    const firstResponse = reply.clocks.find((c: any) => c.clock === 'FIRST_RESPONSE');
    expect(firstResponse).toMatchObject({ running: false, stoppedBy: 'RESPONSE', breached: false });
    // The read model keeps the first-response time (business time, here around the clock) for the dashboard.
    const [row] = await app.sql<{ ms: string }>('select first_response_business_millis as ms from ticket where id = $1', [ticket.id]);
    expect(Number(row!.ms)).toBe(firstResponse.usedMillis);
    // The same key again: applied once, the message stored once.
    ok(await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, body: 'We are on it.', idempotencyKey: 'reply-1' }, 'mia.csm'));
    const asAgent = await readTicket(ticket.id);
    expect(asAgent.messages.map((m: any) => [m.kind, m.author, m.body])).toEqual([
      ['INTERNAL_NOTE', 'mia.csm', 'Probably the DB index.'],
      ['PUBLIC_REPLY', 'mia.csm', 'We are on it.'],
    ]);
    const asClient = await readTicket(ticket.id, 'acme.client');
    expect(asClient.messages.map((m: any) => m.body)).toEqual(['We are on it.']);

    // The client's next message starts the next-response clock (MEDIUM: 12 h).
    const answered = ok(await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, body: 'Still slow.' }, 'acme.client')).respondToTicket;
    const next = answered.clocks.find((c: any) => c.clock === 'NEXT_RESPONSE');
    expect(next).toMatchObject({ round: 2, running: true, targetMillis: 12 * H });
  });

  it('waiting for the client pauses the resolution clock; resuming moves its deadline by the paused time', async () => {
    const ticket = ok(await openTicket({ projectId: globexProject, title: 'Need access', severity: 'LOW', category: 'SYSTEM' }, 'globex.client')).openTicket;
    const resolutionDue = Date.parse(ticket.clocks.find((c: any) => c.clock === 'RESOLUTION').dueAt);
    const paused = ok(await mutate('setTicketStatus', 'SetTicketStatusInput', { ticketId: ticket.id, status: 'WAITING_FOR_CLIENT' }, 'noah.csm')).setTicketStatus;
    const pausedResolution = paused.clocks.find((c: any) => c.clock === 'RESOLUTION');
    expect(pausedResolution).toMatchObject({ paused: true, dueAt: null });
    // The first response does not pause: nothing was asked of the client yet.
    expect(paused.clocks.find((c: any) => c.clock === 'FIRST_RESPONSE').dueAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const resumed = ok(await mutate('setTicketStatus', 'SetTicketStatusInput', { ticketId: ticket.id, status: 'OPEN' }, 'noah.csm')).setTicketStatus;
    const moved = Date.parse(resumed.clocks.find((c: any) => c.clock === 'RESOLUTION').dueAt) - resolutionDue;
    expect(moved).toBeGreaterThanOrEqual(1500);
    expect(moved).toBeLessThan(10_000);

    // The client's answer brings a ticket waiting for it back to the agency.
    ok(await mutate('setTicketStatus', 'SetTicketStatusInput', { ticketId: ticket.id, status: 'WAITING_FOR_CLIENT' }, 'noah.csm'));
    const answered = ok(await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, body: 'Here is the screenshot.' }, 'globex.client')).respondToTicket;
    expect(answered.status).toBe('OPEN');
    expect(answered.clocks.find((c: any) => c.clock === 'RESOLUTION').paused).toBe(false);

    const reopenOpen = await mutate('reopenTicket', 'ReopenTicketInput', { ticketId: ticket.id }, 'noah.csm');
    expect(reopenOpen.errors![0]!.extensions).toMatchObject({ code: 'STATUS_CONFLICT', rule: 'NOT_RESOLVED' });
    ok(await mutate('setTicketStatus', 'SetTicketStatusInput', { ticketId: ticket.id, status: 'CLOSED' }, 'noah.csm'));
    const closed = await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, body: 'hello?' }, 'globex.client');
    expect(closed.errors![0]!.extensions!.code).toBe('TICKET_CLOSED');
  });

  it('a client reopening a resolved ticket says why and is owed a response again', async () => {
    const ticket = ok(await openTicket({ projectId: globexProject, title: 'Export empty', severity: 'MEDIUM', category: 'SYSTEM' }, 'globex.client')).openTicket;
    ok(await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, body: 'Fixed the filter.' }, 'noah.csm'));
    ok(await mutate('setTicketStatus', 'SetTicketStatusInput', { ticketId: ticket.id, status: 'RESOLVED' }, 'noah.csm'));
    const reopened = ok(await mutate('reopenTicket', 'ReopenTicketInput', { ticketId: ticket.id, reason: 'Still empty for March.', idempotencyKey: 'reopen-1' }, 'globex.client')).reopenTicket;
    expect(reopened.status).toBe('OPEN');
    expect(reopened.clocks.find((c: any) => c.clock === 'NEXT_RESPONSE')).toMatchObject({ round: 2, running: true, targetMillis: 12 * H });
    ok(await mutate('reopenTicket', 'ReopenTicketInput', { ticketId: ticket.id, reason: 'Still empty for March.', idempotencyKey: 'reopen-1' }, 'globex.client'));
    const messages = (await readTicket(ticket.id, 'globex.client')).messages.map((m: any) => [m.authorRole, m.author, m.body]);
    expect(messages).toEqual([
      ['AGENT', 'noah.csm', 'Fixed the filter.'],
      ['CLIENT', 'globex.client', 'Reopened: Still empty for March.'],
    ]);
  });

  it('a severity change resolves the targets again and keeps the clock start; assignment takes CSMs and ADMINs only', async () => {
    const ticket = ok(await openTicket({ projectId: acmeProject, title: 'Typo on About page', severity: 'LOW', category: 'SYSTEM' }, 'acme.client')).openTicket;
    const changed = ok(await mutate('changeTicketSeverity', 'ChangeTicketSeverityInput', { ticketId: ticket.id, severity: 'HIGH' }, 'mia.csm')).changeTicketSeverity;
    const first = changed.clocks.find((c: any) => c.clock === 'FIRST_RESPONSE');
    expect(first.targetMillis).toBe(12 * H);
    expect(Date.parse(first.dueAt) - Date.parse(ticket.openedAt)).toBe(12 * H);
    const bad = await mutate('assignTicket', 'AssignTicketInput', { ticketId: ticket.id, assignee: 'acme.client' }, 'mia.csm');
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee' });
    const assigned = ok(await mutate('assignTicket', 'AssignTicketInput', { ticketId: ticket.id, assignee: 'noah.csm' }, 'mia.csm')).assignTicket;
    expect(assigned).toMatchObject({ assignee: 'noah.csm' });
    expect((await readTicket(ticket.id)).team).toBe('support');
    const byClient = await mutate('changeTicketSeverity', 'ChangeTicketSeverityInput', { ticketId: ticket.id, severity: 'LOW' }, 'acme.client');
    expect(byClient.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('the policy a ticket opens under', () => {
  it("takes the package's override ahead of the policy and stamps the new version; a ticket may open paused", async () => {
    const updated = ok(
      await app.gql<{ updateSlaPolicy: { version: { version: number } } }>(
        `mutation ($input: UpdateSlaPolicyInput!) { updateSlaPolicy(input: $input) { version { version } } }`,
        {
          input: {
            packageOverrides: [
              {
                code: 'STANDARD',
                rules: [{ id: 'high-2h', match: { severity: 'HIGH' }, targets: { firstResponseMinutes: 120, nextResponseMinutes: 60, resolutionMinutes: 1440, calendar: 'ALWAYS' } }],
              },
            ],
          },
        },
        { as: 'admin' },
      ),
    ).updateSlaPolicy.version.version;
    const ticket = ok(await openTicket({ projectId: acmeProject, title: 'Search broken', severity: 'HIGH', category: 'SYSTEM', waitingForClient: true }, 'acme.client')).openTicket;
    expect(ticket.policyVersion).toBe(updated);
    expect((await readTicket(ticket.id)).slaExplanation).toContain('override package:STANDARD/high-2h');
    expect(ticket.status).toBe('WAITING_FOR_CLIENT');
    const clock = (name: string) => ticket.clocks.find((c: any) => c.clock === name);
    expect(Date.parse(clock('FIRST_RESPONSE').dueAt) - Date.parse(ticket.openedAt)).toBe(2 * H);
    // Opened paused: the resolution clock has not started counting.
    expect(clock('RESOLUTION')).toMatchObject({ paused: true, dueAt: null, usedMillis: 0 });
    // Tickets opened before keep the version they were judged by.
    const earlier = ok(await app.gql<{ tickets: any }>(`{ tickets(filter: { projectId: ["${acmeProject}"] }) { edges { node { title policyVersion } } } }`, {}, { as: 'admin' })).tickets;
    expect(earlier.edges.find((e: any) => e.node.title === 'Checkout fails').node.policyVersion).toBe(1);
  });
});

describe('a breach, end to end', () => {
  it('is recorded by the workflow, alerted live, posted to the signed webhook once per threshold, and filterable by SlaBreached = true', async () => {
    // A policy in force whose first response is due in 3 s (warnings at 80 % and with 30 min left: at once).
    const seconds = (n: number) => n * 1000;
    const fast = { firstResponseMillis: seconds(3), nextResponseMillis: seconds(3), resolutionMillis: H, calendar: 'ALWAYS' as const };
    const version = await putPolicyInForce(app, uniformPolicy(fast));

    const ws = createClient({
      url: app.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: async () => ({ authorization: `Bearer ${await app.tokenFor('mia.csm')}` }),
      retryAttempts: 0,
    });
    clients.push(ws);
    const alerts: FormattedExecutionResult<any, unknown>[] = [];
    ws.subscribe({ query: `subscription { slaAlerts(filter: { mine: true }) { deliveryId kind clock escalationLevel recipients lateByMillis ticket { id title } } }` }, {
      next: (result) => void alerts.push(result),
      error: () => {},
      complete: () => {},
    });
    // A client's subscription is refused: escalations are the agency's.
    const clientWs = createClient({ url: app.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: async () => ({ authorization: `Bearer ${await app.tokenFor('acme.client')}` }), retryAttempts: 0 });
    clients.push(clientWs);
    const clientRefusal = await new Promise<unknown>((resolve) => clientWs.subscribe({ query: 'subscription { slaAlerts { deliveryId } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') }));
    expect(JSON.stringify(clientRefusal)).toContain('FORBIDDEN');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the subscription is registered

    const ticket = ok(await openTicket({ projectId: acmeProject, title: 'Site down', severity: 'HIGH', category: 'COMPLAINT' }, 'acme.client')).openTicket;
    expect(ticket.policyVersion).toBe(version);

    const breached = await until(() => readTicket(ticket.id), (t) => t.slaBreached);
    expect(breached.breaches).toHaveLength(1);
    expect(breached.breaches[0]).toMatchObject({ clock: 'FIRST_RESPONSE', round: 1, metAt: null });
    expect(Date.parse(breached.breaches[0].dueAt) - Date.parse(ticket.openedAt)).toBe(seconds(3));
    expect(breached.clocks.find((c: any) => c.clock === 'FIRST_RESPONSE').breached).toBe(true);
    expect(breached.timeLeftMillis).toBeLessThan(0);

    // Live: the three levels, each once, naming mia.csm (assignee and Acme's CSM).
    const live = await until(async () => alerts.filter((a) => a.data?.slaAlerts.ticket.id === ticket.id), (list) => list.length >= 3);
    expect(live.map((a) => a.data!.slaAlerts.kind).sort()).toEqual(['SLA_BREACH', 'SLA_LEAD_TIME_WARNING', 'SLA_WARNING']);
    const breach = live.find((a) => a.data!.slaAlerts.kind === 'SLA_BREACH')!.data!.slaAlerts;
    expect(breach).toMatchObject({ clock: 'FIRST_RESPONSE', escalationLevel: 3, recipients: ['mia.csm', 'ADMIN'] });

    // Webhook: signed, verified with the shared secret, one delivery per threshold.
    const posted = await until(async () => received.filter((r) => JSON.parse(r.body).ticketId === ticket.id), (list) => list.length >= 3);
    for (const delivery of posted) {
      expect(verifyWebhookSignature(delivery.body, delivery.headers[SIGNATURE_HEADER.toLowerCase()] as string, SECRET)).toMatchObject({ ok: true, code: 'OK' });
      expect(delivery.headers[DELIVERY_HEADER.toLowerCase()]).toBe(JSON.parse(delivery.body).deliveryId);
    }
    const ids = posted.map((d) => d.headers[DELIVERY_HEADER.toLowerCase()]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(`${ticket.id}:FIRST_RESPONSE:1:BREACH`);

    // Ops: the visibility store answers the Temporal UI's filter.
    const found = await until(
      async () => {
        const ids: string[] = [];
        for await (const execution of app.temporal.workflow.list({ query: `SlaBreached = true AND WorkflowId = 'ticket-${ticket.id}'` })) ids.push(execution.workflowId);
        return ids;
      },
      (list) => list.length === 1,
    );
    expect(found).toEqual([`ticket-${ticket.id}`]);

    // The late reply meets the breach; nothing is sent twice.
    const met = ok(await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: ticket.id, body: 'Fixed.' }, 'mia.csm')).respondToTicket;
    expect(met.breaches[0].metAt).not.toBeNull();
    expect(met.slaBreached).toBe(true);
    const filtered = ok(await app.gql<{ tickets: any }>(`{ tickets(filter: { slaBreached: true }) { edges { node { id } } } }`, {}, { as: 'admin' })).tickets;
    expect(filtered.edges.map((e: any) => e.node.id)).toContain(ticket.id);
  });
});
