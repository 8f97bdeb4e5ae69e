import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import type { NotificationSettings } from '../../src/platform/notifications/notificationSinks.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/platform/notifications/webhookSignature.js';
import { DEFAULT_OUTBOUND_POLICY } from '../../src/platform/outbound/outboundPolicy.js';
import { createWorker } from '../../src/platform/runtime/worker.js';
import { bundleWorkflows } from '../../src/platform/runtime/workflowBundle.js';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';
import { putPolicyInForce, uniformPolicy } from '../support/slaPolicies.js';

/**
 * "Never sent twice" across a worker restart, against the real stack: a ticket's SLA
 * workflow sends its first thresholds, the worker stops while its timers are pending,
 * thresholds pass while nobody runs the workflow, and a fresh worker on the same task
 * queue (a new process would do the same: empty caches, the history replayed) sends the
 * missed ones late, not never, and nothing already sent again. One delivery's first
 * attempt is answered 500: its retry arrives, once, as a success.
 */

const SECRET = 'whsec-restart-0123456789abcdef0123456789';
const [ACME] = SEED_CLIENTS;
const SECOND = 1000;
// First response due in 8 s, resolution in 20 s. The 30 min lead-time warning is due at
// once for both; the 80 % warnings come at 6.4 s and 16 s, the breaches at 8 s and 20 s.
const FIRST_RESPONSE_MS = 8 * SECOND;
const RESOLUTION_MS = 20 * SECOND;
/** Until when (after the opening) the worker stays down: past the first response's warning and breach. */
const DOWN_UNTIL_MS = 10 * SECOND;
/** The delivery whose first attempt the receiver answers 500. */
const FLAKY_SUFFIX = ':FIRST_RESPONSE:1:BREACH';
/** The log sink's lines stay out of the test output. */
const quietLog: NotificationSettings['writeLog'] = () => {};

interface Attempt {
  deliveryId: string;
  status: number;
  at: number;
  body: string;
  signature: string;
}

const attempts: Attempt[] = [];
let flakyFailed = false;
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const deliveryId = String(request.headers[DELIVERY_HEADER.toLowerCase()] ?? '');
    let status = 204;
    if (deliveryId.endsWith(FLAKY_SUFFIX) && !flakyFailed) {
      flakyFailed = true;
      status = 500;
    }
    attempts.push({ deliveryId, status, at: Date.now(), body: Buffer.concat(chunks).toString('utf8'), signature: String(request.headers[SIGNATURE_HEADER.toLowerCase()] ?? '') });
    response.writeHead(status).end();
  });
});

let app: TestApplication;
let notifications: NotificationSettings;
let bundle: Awaited<ReturnType<typeof bundleWorkflows>>;
let secondConnection: NativeConnection | null = null;
let secondWorker: { worker: Worker; running: Promise<void> } | null = null;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

/** Successful (2xx-answered) deliveries per id. */
function successes(): Map<string, Attempt[]> {
  const byId = new Map<string, Attempt[]>();
  for (const attempt of attempts.filter((a) => a.status >= 200 && a.status < 300)) byId.set(attempt.deliveryId, [...(byId.get(attempt.deliveryId) ?? []), attempt]);
  return byId;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  notifications = { webhook: { url: `http://127.0.0.1:${port}/sla`, secret: SECRET }, writeLog: quietLog };
  // Built here so the second worker runs the very same workflow code as the first.
  bundle = await bundleWorkflows();
  app = await startTestApplication({ outbound: { ...DEFAULT_OUTBOUND_POLICY, allowedNetworks: ['127.0.0.0/8'] }, notifications, workflowBundle: bundle });
});

afterAll(async () => {
  if (secondWorker) {
    if (secondWorker.worker.getState() === 'RUNNING') secondWorker.worker.shutdown();
    await secondWorker.running;
  }
  await secondConnection?.close();
  await app?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('SLA notifications across a worker restart', () => {
  it('sends every threshold exactly once: the ones missed while the worker was down late, not never, and a retried delivery once', async () => {
    const targets = { firstResponseMillis: FIRST_RESPONSE_MS, nextResponseMillis: FIRST_RESPONSE_MS, resolutionMillis: RESOLUTION_MS, calendar: 'ALWAYS' as const };
    const version = await putPolicyInForce(app, uniformPolicy(targets));
    const projectId = ok(
      await app.gql<{ createProject: { id: string } }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
        input: { clientId: ACME!.id, name: 'Acme shop', packageCode: 'STANDARD', projectLead: 'lin.pm' },
      }),
    ).createProject.id;

    const ticket = ok(
      await app.gql<{ openTicket: any }>(
        `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id openedAt policyVersion clocks { clock dueAt } } }`,
        { input: { projectId, title: 'Site down', severity: 'HIGH', category: 'COMPLAINT' } },
        { as: 'acme.client' },
      ),
    ).openTicket;
    expect(ticket.policyVersion).toBe(version);
    const openedAt = Date.parse(ticket.openedAt);
    const id = (clock: string, threshold: string) => `${ticket.id}:${clock}:1:${threshold}`;
    const expected = [
      id('FIRST_RESPONSE', 'LEAD_TIME_WARNING'),
      id('RESOLUTION', 'LEAD_TIME_WARNING'),
      id('FIRST_RESPONSE', 'SHARE_WARNING'),
      id('FIRST_RESPONSE', 'BREACH'),
      id('RESOLUTION', 'SHARE_WARNING'),
      id('RESOLUTION', 'BREACH'),
    ];
    const missedWhileDown = [id('FIRST_RESPONSE', 'SHARE_WARNING'), id('FIRST_RESPONSE', 'BREACH')];

    // The lead-time warnings are due at once: the first worker sends them.
    await until(successes, (s) => s.has(expected[0]!) && s.has(expected[1]!), 10 * SECOND, 'the lead-time warnings');

    // Stop the worker while the workflow sleeps toward the 80 % warning at 6.4 s.
    const first = app.worker!;
    first.shutdown();
    await until(() => first.getState(), (state) => state === 'STOPPED', 15 * SECOND, 'the first worker stopping');
    const downAt = Date.now();
    expect(downAt, 'the worker must be down before the first response warning is due').toBeLessThan(openedAt + 0.8 * FIRST_RESPONSE_MS - 500);

    // Down past the first response's warning and breach.
    await sleep(openedAt + DOWN_UNTIL_MS - Date.now());
    const upAt = Date.now();
    expect(attempts.filter((a) => a.at > downAt), 'nothing is sent while no worker runs').toEqual([]);

    // A fresh worker on the same task queue: empty caches, the same activities, the same code.
    secondConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const worker = await createWorker({
      connection: secondConnection,
      namespace: 'default',
      taskQueue: app.taskQueue,
      orm: app.orm,
      outbound: { ...DEFAULT_OUTBOUND_POLICY, allowedNetworks: ['127.0.0.0/8'] },
      notifications,
      workflowBundle: bundle,
    });
    secondWorker = { worker, running: worker.run() };

    await until(successes, (s) => expected.every((deliveryId) => s.has(deliveryId)), openedAt + RESOLUTION_MS + 15 * SECOND - Date.now(), 'every threshold delivered');
    // Room for a duplicate to show up, were one on its way.
    await sleep(1500);

    // Every expected delivery arrived as a success exactly once, and nothing else.
    const delivered = successes();
    expect([...delivered.keys()].sort()).toEqual([...expected].sort());
    for (const deliveryId of expected) expect(delivered.get(deliveryId), deliveryId).toHaveLength(1);
    for (const [deliveryId, [attempt]] of delivered) {
      const body = JSON.parse(attempt!.body);
      expect(body.deliveryId).toBe(deliveryId);
      expect(verifyWebhookSignature(attempt!.body, attempt!.signature, SECRET)).toMatchObject({ ok: true, code: 'OK' });
    }

    // The failed attempt was the flaky one's first; its retry is its one success.
    const failed = attempts.filter((a) => a.status >= 300);
    expect(failed.map((a) => [a.deliveryId, a.status])).toEqual([[id('FIRST_RESPONSE', 'BREACH'), 500]]);
    expect(delivered.get(id('FIRST_RESPONSE', 'BREACH'))![0]!.at).toBeGreaterThan(failed[0]!.at);

    // Thresholds reached while the worker was down were sent after it came back, late.
    for (const deliveryId of missedWhileDown) {
      const [attempt] = delivered.get(deliveryId)!;
      const body = JSON.parse(attempt!.body);
      const thresholdAt = Date.parse(body.thresholdAt);
      expect(thresholdAt, deliveryId).toBeGreaterThan(downAt);
      expect(thresholdAt, deliveryId).toBeLessThan(upAt);
      expect(attempt!.at, deliveryId).toBeGreaterThanOrEqual(upAt);
      // Promptly: the new worker picks the fired timer up at once (about 1 s here).
      expect(attempt!.at - upAt, deliveryId).toBeLessThan(5 * SECOND);
      expect(Date.parse(body.sentAt), deliveryId).toBeGreaterThan(thresholdAt);
    }
    // The first worker sent the lead-time warnings, the second everything else.
    for (const deliveryId of expected) {
      const [attempt] = delivered.get(deliveryId)!;
      if (deliveryId.endsWith(':LEAD_TIME_WARNING')) expect(attempt!.at, deliveryId).toBeLessThanOrEqual(downAt);
      else expect(attempt!.at, deliveryId).toBeGreaterThanOrEqual(upAt);
    }
    const resolutionBreach = JSON.parse(delivered.get(id('RESOLUTION', 'BREACH'))![0]!.body);
    expect(Date.parse(resolutionBreach.thresholdAt) - openedAt).toBe(RESOLUTION_MS);

    // The workflow scheduled `notify` once per threshold; the 500 cost one retry, not a second send.
    const history = await app.temporal.workflow.getHandle(`ticket-${ticket.id}`).fetchHistory();
    const notifies = (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'notify');
    expect(notifies).toHaveLength(expected.length);
    const attemptsOfNotify = (history.events ?? [])
      .filter((e) => e.activityTaskStartedEventAttributes && notifies.some((n) => String(n.eventId) === String(e.activityTaskStartedEventAttributes!.scheduledEventId)))
      .map((e) => e.activityTaskStartedEventAttributes!.attempt);
    expect(attemptsOfNotify.sort()).toEqual([1, 1, 1, 1, 1, 2]);

    // The read model shows both breaches.
    const read = await until(
      async () => ok(await app.gql<{ ticket: any }>(`query ($id: UUID!) { ticket(id: $id) { slaBreached breaches { clock } } }`, { id: ticket.id }, { as: 'mia.csm' })).ticket,
      (t) => t.breaches.length >= 2,
      5 * SECOND,
      'both breaches in the read model',
    );
    expect(read.slaBreached).toBe(true);
    expect(read.breaches.map((b: any) => b.clock).sort()).toEqual(['FIRST_RESPONSE', 'RESOLUTION']);
  });
});
