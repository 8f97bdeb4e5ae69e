import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment as SdkMockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationActivities } from '../../src/aftersales/activities/notifications.js';
import type { SlaNotification } from '../../src/aftersales/domain/slaNotification.js';
import { createWebhookSink, WEBHOOK_FAILURES } from '../../src/platform/notifications/notificationSinks.js';
import { verifyWebhookSignature } from '../../src/platform/notifications/webhookSignature.js';
import { ConfigError, loadConfig, notificationSettingsOf, outboundPolicyOf } from '../../src/platform/runtime/config.js';

/**
 * The notify activity against a real webhook receiver: a node:http server on 127.0.0.2
 * (Linux routes all of 127/8 to loopback), the only address the outbound policy lets
 * through. The receiver checks signatures with the same verify function a client would.
 */

const SECRET = 'whsec-integration-0123456789abcdef0123';

/** Runs activities as the worker does; the failures these tests expect are not logged. */
class MockActivityEnvironment extends SdkMockActivityEnvironment {
  constructor(info: ConstructorParameters<typeof SdkMockActivityEnvironment>[0] = {}) {
    super(info, { logger: new DefaultLogger('ERROR') });
  }
}

interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

interface Receiver {
  url: string;
  received: Received[];
  connections: number;
  /** Status of the next answers, in order; 200 once they run out. */
  answers: number[];
  close(): Promise<void>;
}

async function startReceiver(host: string, options: { hang?: boolean; location?: string } = {}): Promise<Receiver> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.received.push({ method: req.method ?? '', headers: req.headers, rawBody: Buffer.concat(chunks) });
      if (options.hang) return;
      const status = receiver.answers.shift() ?? 200;
      res.writeHead(status, options.location ? { location: options.location } : {}).end();
    });
  });
  server.on('connection', () => (receiver.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://${host}:${port}/hooks/sla?token=path-secret`,
    received: [],
    connections: 0,
    answers: [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

let sequence = 0;
function notification(overrides: Partial<SlaNotification> = {}): SlaNotification {
  const ticketId = `ticket-${++sequence}`;
  return {
    deliveryId: `${ticketId}:FIRST_RESPONSE:1:BREACH`,
    ticketId,
    projectId: 'project-1',
    clientId: 'client-1',
    tier: 'A',
    severity: 'HIGH',
    category: 'INCIDENT',
    clock: 'FIRST_RESPONSE',
    round: 1,
    threshold: 'BREACH',
    kind: 'SLA_BREACH',
    escalationLevel: 3,
    escalateTo: { role: 'ADMIN', username: null },
    recipients: [
      { role: 'ASSIGNEE', username: 'sam.support' },
      { role: 'CSM', username: 'lin.csm' },
      { role: 'ADMIN', username: null },
    ],
    thresholdAt: '2026-01-05T10:00:00.000Z',
    dueAt: '2026-01-05T10:00:00.000Z',
    sentAt: '2026-01-05T10:01:00.000Z',
    lateByMillis: 60_000,
    priorityKey: 1,
    summary: 'Ticket T-1: first response breached (due 2026-01-05T10:00:00.000Z)',
    ...overrides,
  };
}

/** The activities as the worker binds them from this environment, with the log captured. */
function activitiesFor(env: Record<string, string>) {
  const lines: string[] = [];
  const config = loadConfig(env);
  const activities = createNotificationActivities({ ...notificationSettingsOf(config), writeLog: (line) => lines.push(line) }, outboundPolicyOf(config));
  return { activities, lines };
}

const webhookEnv = (url: string) => ({ NOTIFY_WEBHOOK_URL: url, NOTIFY_WEBHOOK_SECRET: SECRET, OUTBOUND_ALLOWED_NETWORKS: '127.0.0.2/32', OUTBOUND_TIMEOUT_MS: '2000' });

/** Runs `notify` as an activity and returns what it threw. */
async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver('127.0.0.2');
});
afterAll(() => receiver.close());
afterEach(() => {
  receiver.received.length = 0;
  receiver.answers.length = 0;
});

describe('the notify activity with a webhook', () => {
  it('posts the notification as JSON, signed, with its delivery id, and logs it once', async () => {
    const { activities, lines } = activitiesFor(webhookEnv(receiver.url));
    const sent = notification();
    await new MockActivityEnvironment().run(activities.notify, sent);

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toBe('delivery-sop-webhook');
    expect(request!.headers['x-sop-delivery']).toBe(sent.deliveryId);
    expect(verifyWebhookSignature(request!.rawBody, request!.headers['x-sop-signature'], SECRET)).toMatchObject({ ok: true, code: 'OK' });
    expect(verifyWebhookSignature(request!.rawBody, request!.headers['x-sop-signature'], 'another-secret-of-32-characters!!')).toEqual({ ok: false, code: 'MISMATCH' });
    expect(JSON.parse(request!.rawBody.toString('utf8'))).toEqual(sent);

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'notification', deliveryId: sent.deliveryId, kind: 'SLA_BREACH', notification: sent });
    // Neither the secret nor the URL (which may carry a token of its own) is logged.
    expect(lines[0]).not.toContain(SECRET);
    expect(lines[0]).not.toContain('path-secret');
  });

  it('fails retryably on a 500 and delivers on the retry, with the same delivery id and no second log line', async () => {
    const { activities, lines } = activitiesFor(webhookEnv(receiver.url));
    const sent = notification();
    receiver.answers.push(500);

    const failure = await failureOf(new MockActivityEnvironment({ attempt: 1 }).run(activities.notify, sent));
    expect(failure.type).toBe(WEBHOOK_FAILURES.UNAVAILABLE);
    expect(failure.nonRetryable).toBe(false);
    expect(failure.details).toEqual([{ deliveryId: sent.deliveryId, status: 500, failure: null }]);
    // What Temporal records says nothing of where the webhook lives.
    expect(failure.message).not.toContain('127.0.0.2');

    await new MockActivityEnvironment({ attempt: 2 }).run(activities.notify, sent);
    expect(receiver.received.map((r) => r.headers['x-sop-delivery'])).toEqual([sent.deliveryId, sent.deliveryId]);
    for (const request of receiver.received) expect(verifyWebhookSignature(request.rawBody, request.headers['x-sop-signature'], SECRET).ok).toBe(true);
    expect(lines).toHaveLength(1);

    // Delivered: a further retry (say, after the worker lost the completion) sends nothing more.
    await new MockActivityEnvironment({ attempt: 3 }).run(activities.notify, sent);
    expect(receiver.received).toHaveLength(2);
  });

  it.each([408, 429, 502, 503])('retries on %i', async (status) => {
    const { activities } = activitiesFor(webhookEnv(receiver.url));
    receiver.answers.push(status);
    const failure = await failureOf(activities.notify(notification()));
    expect(failure).toMatchObject({ type: WEBHOOK_FAILURES.UNAVAILABLE, nonRetryable: false });
    expect(failure.details?.[0]).toMatchObject({ status });
  });

  it.each([400, 401, 404, 410, 422])('gives up on %i: a permanent, non-retryable failure', async (status) => {
    const { activities } = activitiesFor(webhookEnv(receiver.url));
    const sent = notification();
    receiver.answers.push(status);
    const failure = await failureOf(new MockActivityEnvironment().run(activities.notify, sent));
    expect(failure).toMatchObject({ type: WEBHOOK_FAILURES.REJECTED, nonRetryable: true });
    expect(failure.details).toEqual([{ deliveryId: sent.deliveryId, status, failure: null }]);
    expect(receiver.received).toHaveLength(1);
  });

  it('does not follow a redirect: a permanent failure, and the redirect target gets nothing', async () => {
    const inside = await startReceiver('127.0.0.1');
    const redirecting = await startReceiver('127.0.0.2', { location: inside.url });
    try {
      const { activities } = activitiesFor(webhookEnv(redirecting.url));
      redirecting.answers.push(307);
      const failure = await failureOf(activities.notify(notification()));
      expect(failure).toMatchObject({ type: WEBHOOK_FAILURES.REDIRECTED, nonRetryable: true });
      expect(inside.connections).toBe(0);
    } finally {
      await Promise.all([inside.close(), redirecting.close()]);
    }
  });

  it('retries when nothing answers', async () => {
    const closed = await startReceiver('127.0.0.2');
    await closed.close();
    const { activities } = activitiesFor(webhookEnv(closed.url));
    const failure = await failureOf(activities.notify(notification()));
    expect(failure).toMatchObject({ type: WEBHOOK_FAILURES.UNAVAILABLE, nonRetryable: false });
    expect(failure.details?.[0]).toMatchObject({ status: null, failure: 'CONNECTION_REFUSED' });
  });

  it('stops at once when the activity is cancelled', async () => {
    const hanging = await startReceiver('127.0.0.2', { hang: true });
    try {
      const { activities } = activitiesFor({ ...webhookEnv(hanging.url), OUTBOUND_TIMEOUT_MS: '60000' });
      const env = new MockActivityEnvironment();
      const running = env.run(activities.notify, notification());
      await expect.poll(() => hanging.received.length).toBe(1);
      const started = Date.now();
      env.cancel();
      await expect(running).rejects.toBeInstanceOf(CancelledFailure);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await hanging.close();
    }
  });
});

describe('the outbound policy over webhooks', () => {
  it.each(['http://10.0.0.1/hooks', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:8080/', 'http://127.0.0.1:9/'])(
    'refuses %s at start-up, naming the variable',
    (url) => {
      expect(() => loadConfig(webhookEnv(url))).toThrow(/NOTIFY_WEBHOOK_URL is refused by the outbound policy/);
      // And the activity factory checks again, for settings that did not come from loadConfig.
      const error = (() => {
        try {
          createNotificationActivities({ webhook: { url, secret: SECRET } }, outboundPolicyOf(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.2/32' })));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([{ variable: 'NOTIFY_WEBHOOK_URL', message: expect.stringContaining('refused by the outbound policy') }]);
    },
  );

  it.each(['http://10.0.0.1/hooks', 'http://169.254.169.254/latest/meta-data'])('refuses to send to %s: DESTINATION_REFUSED, not retried', async (url) => {
    const sink = createWebhookSink({ url, secret: SECRET }, outboundPolicyOf(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.2/32' })));
    const failure = await failureOf(sink.deliver(notification()));
    expect(failure).toMatchObject({ type: WEBHOOK_FAILURES.DESTINATION_REFUSED, nonRetryable: true });
    expect(failure.details?.[0]).toMatchObject({ status: null, failure: 'DESTINATION_REFUSED' });
  });

  it('refuses a host name that resolves inside, without connecting to it', async () => {
    // `localhost` passes the start-up check (a name), then resolves to 127.0.0.1, which is not allowed.
    const inside = await startReceiver('127.0.0.1');
    try {
      const { activities } = activitiesFor(webhookEnv(inside.url.replace('127.0.0.1', 'localhost')));
      const failure = await failureOf(activities.notify(notification()));
      expect(failure).toMatchObject({ type: WEBHOOK_FAILURES.DESTINATION_REFUSED, nonRetryable: true });
      expect(inside.connections).toBe(0);
    } finally {
      await inside.close();
    }
  });

  it('needs a secret of 32+ characters with the URL', () => {
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: receiver.url, OUTBOUND_ALLOWED_NETWORKS: '127.0.0.2/32' })).toThrow(/NOTIFY_WEBHOOK_SECRET is required/);
    expect(() => createNotificationActivities({ webhook: { url: receiver.url, secret: 'short' } }, { allowedNetworks: ['127.0.0.2/32'], maxRedirects: 3, timeoutMs: 1000 })).toThrow(
      /NOTIFY_WEBHOOK_SECRET must be at least 32 characters/,
    );
  });
});

describe('the notify activity without a webhook', () => {
  it('writes one JSON line per notification to the log, and sends nothing', async () => {
    const { activities, lines } = activitiesFor({ NOTIFY_WEBHOOK_SECRET: SECRET });
    const sent = notification({ kind: 'SLA_WARNING', threshold: 'SHARE_WARNING', escalationLevel: 1, lateByMillis: 0 });
    await new MockActivityEnvironment().run(activities.notify, sent);
    await new MockActivityEnvironment().run(activities.notify, sent);

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 30, service: 'worker', msg: 'notification', deliveryId: sent.deliveryId, kind: 'SLA_WARNING', notification: sent });
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    expect(lines[0]).not.toContain(SECRET);
    expect(receiver.received).toHaveLength(0);
  });

  it('writes to stdout by default', async () => {
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => {
      written.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      await createNotificationActivities({}, outboundPolicyOf(loadConfig({}))).notify(notification());
    } finally {
      process.stdout.write = write;
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\{.*"msg":"notification".*\}\n$/);
  });
});
