import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketStateQuery } from '../../workflows/aftersales/ticketSla.js';
import { clockRuns, type TicketState } from '../../src/aftersales/domain/ticket.js';
import { findTicketDifferences } from '../../src/aftersales/services/ticketReconciliation.js';
import { findProjectDifferences } from '../../src/delivery/services/projectReconciliation.js';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { openDatabase } from '../../src/platform/orm/database.js';
import { describeDifference, mapWithLimit, type ProjectionDifference } from '../../src/platform/projectionDifference.js';
import { uniformPolicy } from '../support/slaPolicies.js';
import { startFaultStack, type FaultStack } from './support/faultStack.js';
import { retryingClient, RETRYABLE_CODES, type MutationRecord } from './support/retryingClient.js';
import { startWebhookReceiver } from './support/webhookReceiver.js';
import { mulberry32 } from '../../src/shared/domain/seededRandom.js';

/**
 * The fault drill (`npm run test:faults`): 100 projects and 100 tickets driven through
 * GraphQL by scripts while the worker is SIGKILLed 5 times at random moments, the Temporal
 * dev server is restarted once and Postgres is stopped for 10 s once. Then every project
 * and ticket must be where its script drove it, every workflow must agree with its read
 * model (the reconcile service finds nothing), and every SLA warning must have reached the
 * webhook exactly once. FAULT_SEED=<n> replays the same fault timing.
 */
const PROJECTS = 100;
const TICKETS = 100;
const SCRIPTS_AT_ONCE = 12;
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 1_000_000));

const random = mulberry32(SEED);
const between = (min: number, max: number) => min + random() * (max - min);

// First response due 90 s after opening, on a clock that runs around the clock: warnings at
// 30 s (1 min left, SLA_LEAD_TIME_MINUTES) and 45 s (half used, SLA_WARN_SHARE), breach at 90 s.
const FIRST_RESPONSE_MS = 90_000;
const SLA_ENV = { SLA_WARN_SHARE: '0.5', SLA_LEAD_TIME_MINUTES: '1' };

let stack: FaultStack;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let db: pg.Pool;
const mutations: MutationRecord[] = [];
const faultLog: string[] = [];
let mutate: ReturnType<typeof retryingClient>;

/** Each run's process output and fault notes, kept for reading after a failure. */
const LOG_DIR = path.resolve('test/output/faults', new Date().toISOString().replaceAll(':', '-'));
const note = (line: string) => appendFileSync(path.join(LOG_DIR, 'drill.log'), `${new Date().toISOString()} ${line}\n`);

const sql = async <R extends pg.QueryResultRow = Record<string, any>>(text: string, params: unknown[] = []) => (await db.query<R>(text, params)).rows;

beforeAll(async () => {
  mkdirSync(LOG_DIR, { recursive: true });
  note(`seed ${SEED}`);
  receiver = await startWebhookReceiver();
  stack = await startFaultStack({
    NOTIFY_WEBHOOK_URL: receiver.url,
    NOTIFY_WEBHOOK_SECRET: 'fault-drill-webhook-secret-0123456789',
    OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32',
    ...SLA_ENV,
  }, LOG_DIR);
  db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  db.on('error', () => {}); // idle connections die with Postgres during the outage
  // Every target on the same short first-response clock; nothing else runs out during the drill.
  const policy = uniformPolicy({ firstResponseMillis: FIRST_RESPONSE_MS, nextResponseMillis: 3_600_000, resolutionMillis: 86_400_000, calendar: 'ALWAYS' });
  const next = (await sql<{ next: number }>('select coalesce(max(version), 0) + 1 as next from sla_policy_version'))[0]!.next;
  await sql(`insert into sla_policy_version (version, policy, package_overrides, add_on_overrides, created_by, created_at) values ($1, $2, '{}', '{}', 'fault-drill', now())`, [next, JSON.stringify({ ...policy, version: next })]);
  mutate = retryingClient(() => stack.graphqlUrl, (username) => stack.tokenFor(username), mutations);
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
  await receiver?.close();
});

const PROJECT_FIELDS = 'id stage requirements { id title status }';

/** One project's script; returns what it expects at the end. */
async function driveProject(index: number) {
  const key = (step: string) => `drill-p${index}-${step}`;
  const act = (name: string, input: Record<string, unknown>, step: string) =>
    mutate<{ id: string; stage: string; requirements: { id: string; title: string; status: string }[] }>(name, `${name[0]!.toUpperCase()}${name.slice(1)}Input`, { ...input, idempotencyKey: key(step) }, PROJECT_FIELDS, 'lin.pm');
  const pause = () => sleep(between(50, 500));
  const created = await act('createProject', { clientId: SEED_CLIENTS[1]!.id, name: `Drill project ${index}`, packageCode: 'STANDARD', projectLead: 'lin.pm' }, 'create');
  const projectId = created.id;
  await pause();
  await act('logCommunicationRound', { projectId, channel: 'VIDEO', summary: 'Kick-off', attendees: ['client'] }, 'round-1');
  await pause();
  await act('logCommunicationRound', { projectId, channel: 'EMAIL', summary: 'Scope', attendees: ['client'] }, 'round-2');
  await pause();
  const added = await act('addRequirement', { projectId, title: `Checkout ${index}` }, 'requirement');
  const requirementId = added.requirements.find((r) => r.title === `Checkout ${index}`)!.id;
  await pause();
  await act('confirmRequirement', { projectId, requirementId }, 'confirm');
  await pause();
  await act('signOffRequirements', { projectId, note: 'Signed' }, 'sign-off');
  await pause();
  await act('recordCost', { projectId, phase: 'RESEARCH', amount: 100 + index }, 'cost');
  const cancelled = index % 4 === 0;
  if (cancelled) {
    await pause();
    await act('cancelProject', { projectId, reason: 'Budget cut' }, 'cancel');
  }
  return { projectId, cancelled };
}

/** One ticket's script: even ones are answered and resolved at once, odd ones left to breach. */
async function driveTicket(index: number, projectId: string) {
  const key = (step: string) => `drill-t${index}-${step}`;
  const opened = await mutate<{ id: string }>('openTicket', 'OpenTicketInput', { projectId, title: `Drill ticket ${index}`, severity: 'HIGH', category: 'INCIDENT', idempotencyKey: key('open') }, 'id', 'mia.csm');
  const answered = index % 2 === 0;
  if (answered) {
    await mutate('respondToTicket', 'RespondToTicketInput', { ticketId: opened.id, body: 'On it.', idempotencyKey: key('reply') }, 'id', 'mia.csm');
    await mutate('setTicketStatus', 'SetTicketStatusInput', { ticketId: opened.id, status: 'RESOLVED', idempotencyKey: key('resolve') }, 'id', 'mia.csm');
  }
  return { ticketId: opened.id, answered };
}

/** The faults, one after another at random moments while the scripts run. */
async function injectFaults() {
  const started = Date.now();
  const record = (what: string) => {
    faultLog.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);
    note(what);
  };
  const plan = ['kill', 'kill', 'temporal', 'kill', 'postgres', 'kill', 'kill'] as const;
  for (const fault of plan) {
    await sleep(between(5_000, 15_000));
    if (fault === 'kill') {
      record('SIGKILL worker');
      await stack.killAndRestartWorker();
      record('worker restarted');
    } else if (fault === 'temporal') {
      record('restart Temporal dev server');
      await stack.restartTemporal();
      record('Temporal back');
    } else {
      record('stop Postgres for 10 s');
      await stack.stopPostgresFor(10_000);
      record('Postgres back');
    }
  }
}

/** Retries `check` until it returns nothing (a projection in flight settles), or gives up with what is left. */
async function settled<T>(check: () => Promise<T[]>, timeoutMs: number): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await check().catch((error: unknown) => [String(error) as T]);
    if (left.length === 0 || Date.now() > deadline) return left;
    await sleep(2000);
  }
}

describe('fault drill', () => {
  it('loses, duplicates and leaks nothing through worker crashes, a Temporal restart and a Postgres outage', async () => {
    const drillStart = Date.now();
    const ticketProjects = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        mutate<{ id: string }>('createProject', 'CreateProjectInput', { clientId: SEED_CLIENTS[0]!.id, name: `Support ${i}`, packageCode: 'STANDARD', projectLead: 'lin.pm', idempotencyKey: `drill-support-${i}` }, 'id', 'lin.pm'),
      ),
    );
    // At most SCRIPTS_AT_ONCE scripts in flight (a team of people, not a load test), so the
    // drive lasts through every fault. The tickets left to breach open first, so that their
    // warnings and breaches fall among the faults too.
    type Script = () => Promise<void>;
    const projects: Awaited<ReturnType<typeof driveProject>>[] = [];
    const tickets: Awaited<ReturnType<typeof driveTicket>>[] = [];
    const ticketScript = (i: number): Script => async () => void tickets.push(await driveTicket(i, ticketProjects[i % ticketProjects.length]!.id));
    const projectScript = (i: number): Script => async () => void projects.push(await driveProject(i));
    const scripts: Script[] = [
      ...Array.from({ length: TICKETS / 2 }, (_, k) => ticketScript(2 * k + 1)),
      ...Array.from({ length: PROJECTS }, (_, i) => [projectScript(i), ...(i % 2 === 0 ? [ticketScript(i)] : [])]).flat(),
    ];
    const faults = injectFaults();
    const progress = setInterval(() => {
      const open = mutations.filter((m) => !m.succeeded);
      note(`mutations ${mutations.length - open.length} done, ${open.length} open: ${open.map((m) => `${m.idempotencyKey}(${m.failures.join(',')})`).join(' ')}; exits: ${stack.unexpectedExits.length}`);
    }, 5000);
    await Promise.all([mapWithLimit(scripts, SCRIPTS_AT_ONCE, (script) => script()), faults]).finally(() => clearInterval(progress));
    const drivenAt = Date.now();

    // Every mutation ended in success; every failed attempt on the way got a retryable code or no answer.
    const failures = mutations.flatMap((m) => m.failures);
    const tally = Object.fromEntries([...new Set(failures)].map((code) => [code, failures.filter((f) => f === code).length]));
    console.log(`fault drill seed ${SEED}\n${faultLog.join('\n')}\nmutations: ${mutations.length}, retried: ${mutations.filter((m) => m.attempts > 1).length}, failed attempts: ${JSON.stringify(tally)}`);
    expect(mutations.every((m) => m.succeeded)).toBe(true);
    // Checked softly, so a run that breaks these promises still checks everything below.
    const unexpected = mutations.filter((m) => m.unexpected.length > 0).map((m) => `${m.name} ${m.idempotencyKey}: ${m.unexpected[0]}`);
    expect.soft(unexpected, 'attempts answered without a retryable code (first answer of each)').toEqual([]);
    expect.soft(failures.filter((code) => code !== 'NETWORK' && !RETRYABLE_CODES.has(code))).toEqual([]);
    expect.soft(stack.unexpectedExits, 'processes that died on their own').toEqual([]);

    // Every project where its script drove it, with its timeline complete and in order.
    const rows = await sql<{ id: string; stage: string; types: string[]; seqs: number[]; costs: number }>(
      `select p.id, p.stage, array_agg(e.type order by e.seq) as types, array_agg(e.seq order by e.seq) as seqs,
         (select count(*)::int from cost_entry c where c.project_id = p.id) as costs
       from project p join timeline_event e on e.project_id = p.id where p.id = any($1::uuid[]) group by p.id`,
      [projects.map((p) => p.projectId)],
    );
    expect(rows).toHaveLength(PROJECTS);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const path = ['PROJECT_CREATED', 'COMMUNICATION_ROUND_LOGGED', 'COMMUNICATION_ROUND_LOGGED', 'REQUIREMENT_ADDED', 'REQUIREMENT_CONFIRMED', 'REQUIREMENTS_SIGNED_OFF', 'COST_RECORDED'];
    for (const { projectId, cancelled } of projects) {
      const row = byId.get(projectId)!;
      const types = cancelled ? [...path, 'PROJECT_CANCELLED'] : path;
      expect({ stage: row.stage, types: row.types, seqs: row.seqs, costs: row.costs }).toEqual({ stage: cancelled ? 'CANCELLED' : 'DEVELOPMENT', types, seqs: types.map((_, seq) => seq), costs: 1 });
    }
    expect(await sql('select count(*)::int as n from project')).toEqual([{ n: PROJECTS + ticketProjects.length }]);

    // Tickets left unanswered breach at 90 s; wait for the last ones, then compare.
    const unanswered = tickets.filter((t) => !t.answered).map((t) => t.ticketId);
    const notYetBreached = await settled(async () => (await sql<{ id: string }>('select id from ticket where id = any($1::uuid[]) and not sla_breached', [unanswered])).map((r) => r.id), FIRST_RESPONSE_MS + 60_000);
    expect(notYetBreached).toEqual([]);

    // The workflows and the read model agree everywhere: what `npm run reconcile` checks.
    const orm = await openDatabase(stack.databaseUrl);
    try {
      const scope = { orm, temporal: stack.temporal, taskQueue: stack.taskQueue };
      const differences = await settled<ProjectionDifference | string>(async () => [...(await findProjectDifferences(scope)), ...(await findTicketDifferences(scope))], 30_000);
      expect(differences.map((d) => (typeof d === 'string' ? d : describeDifference(d)))).toEqual([]);
    } finally {
      await orm.close();
    }

    // Each ticket where its script left it; each SLA threshold its workflow sent reached the
    // webhook exactly once (a redelivery after a crash carries the same X-Sop-Delivery and body).
    const ticketRows = await sql<{ id: string; status: string; sla_breached: boolean; breaches: number; messages: number }>(
      `select t.id, t.status, t.sla_breached, (select count(*)::int from sla_breach b where b.ticket_id = t.id) as breaches,
         (select count(*)::int from ticket_message m where m.ticket_id = t.id) as messages
       from ticket t where t.id = any($1::uuid[])`,
      [tickets.map((t) => t.ticketId)],
    );
    const ticketById = new Map(ticketRows.map((row) => [row.id, row]));
    const deliveriesById = new Map<string, string[]>();
    for (const delivery of receiver.received) deliveriesById.set(delivery.deliveryId, [...(deliveriesById.get(delivery.deliveryId) ?? []), delivery.body]);
    const expectedDeliveries = new Set<string>();
    for (const { ticketId, answered } of tickets) {
      const state: TicketState = await stack.temporal.workflow.getHandle(`ticket-${ticketId}`).query(ticketStateQuery);
      const sent = clockRuns(state).flatMap((run) => run.sent.map((threshold) => `${ticketId}:${run.clock}:${run.round}:${threshold}`));
      sent.forEach((id) => expectedDeliveries.add(id));
      const row = ticketById.get(ticketId)!;
      if (answered) {
        expect({ status: row.status, messages: row.messages }).toEqual({ status: 'RESOLVED', messages: 1 });
      } else {
        expect({ status: row.status, breached: row.sla_breached, breaches: row.breaches, sent: sent.sort() }).toEqual({
          status: 'OPEN',
          breached: true,
          breaches: 1,
          sent: ['BREACH', 'LEAD_TIME_WARNING', 'SHARE_WARNING'].map((threshold) => `${ticketId}:FIRST_RESPONSE:1:${threshold}`),
        });
      }
    }
    expect([...deliveriesById.keys()].sort()).toEqual([...expectedDeliveries].sort());
    const redelivered = [...deliveriesById.values()].filter((bodies) => bodies.length > 1);
    for (const bodies of redelivered) expect(new Set(bodies).size).toBe(1);
    console.log(
      `SLA notifications: ${expectedDeliveries.size} sent, ${deliveriesById.size} received, ${redelivered.length} redelivered after a crash; ` +
        `drive ${((drivenAt - drillStart) / 1000).toFixed(0)} s, drill ${((Date.now() - drillStart) / 1000).toFixed(0)} s`,
    );
  }, 900_000);
});
