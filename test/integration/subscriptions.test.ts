import { performance } from 'node:perf_hooks';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTimelineProjectionActivities } from '../../src/delivery/activities/timelineProjection.js';
import { TIMELINE_EVENTS_CHANNEL } from '../../src/delivery/domain/timelineNotice.js';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { LIVE_EVENTS_APPLICATION_NAME } from '../../src/platform/liveEvents.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Live updates over graphql-ws against the real stack: the worker's projection NOTIFYs in
 * Postgres, the API LISTENs and pushes to subscribers on the same port and path as the
 * queries. SOP days of 150 ms, so the validation day's durable timer fires in seconds.
 */
const DAY_MS = 150;
/** Generous: the brief is "within a second"; CI machines are slow. Latencies are logged, not asserted tightly. */
const DELIVERY_TIMEOUT_MS = 5000;

const [ACME, GLOBEX] = SEED_CLIENTS as [(typeof SEED_CLIENTS)[number], (typeof SEED_CLIENTS)[number]];

let app: TestApplication;
let stopped = false;
const clients: Client[] = [];
const latencies: { what: string; ms: number }[] = [];

beforeAll(async () => {
  app = await startTestApplication({ sopDayMs: DAY_MS });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  if (latencies.length > 0) console.log(`subscription latencies:\n${latencies.map(({ what, ms }) => `  ${what}: ${ms.toFixed(0)} ms`).join('\n')}`);
  if (!stopped) await app?.stop();
});

type Auth = string | null | { authorization: unknown };

/** A graphql-ws client as a front-end would open one: `ws://.../graphql`, the token in `connectionParams`. */
function connect(as: Auth, on: { closed?: (event: unknown) => void } = {}): Client {
  const connectionParams = async () => {
    if (as === null) return {};
    if (typeof as === 'object') return as;
    return { authorization: `Bearer ${await app.tokenFor(as)}` };
  };
  const client = createClient({ url: app.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, on });
  clients.push(client);
  return client;
}

interface Feed {
  results: FormattedExecutionResult<any, any>[];
  /** Resolves once the subscription has ended: with the error, or undefined when it completed. */
  ended: Promise<unknown>;
  /** The first result (in arrival order) `predicate` accepts, and when it arrived. */
  waitFor(predicate: (result: FormattedExecutionResult<any, any>) => boolean, timeoutMs?: number): Promise<{ result: FormattedExecutionResult<any, any>; at: number }>;
  stop(): void;
}

function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Feed {
  const results: FormattedExecutionResult<any, any>[] = [];
  const arrivals: number[] = [];
  let wake = () => {};
  let finished = false;
  let endWith!: (value: unknown) => void;
  const ended = new Promise<unknown>((resolve) => (endWith = resolve));
  const stop = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        results.push(result);
        arrivals.push(performance.now());
        wake();
      },
      error: (error) => {
        finished = true;
        endWith(error);
        wake();
      },
      complete: () => {
        finished = true;
        endWith(undefined);
        wake();
      },
    },
  );
  return {
    results,
    ended,
    async waitFor(predicate, timeoutMs = DELIVERY_TIMEOUT_MS) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const index = results.findIndex(predicate);
        if (index >= 0) return { result: results[index]!, at: arrivals[index]! };
        if (finished) throw new Error(`the subscription ended; it delivered ${JSON.stringify(results)}`);
        if (performance.now() > deadline) throw new Error(`nothing matching in ${timeoutMs} ms; it delivered ${JSON.stringify(results)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
    stop,
  };
}

const PROJECT_EVENTS = `subscription ($filter: ProjectEventsFilterInput) { projectEvents(filter: $filter) { seq type fromStage toStage actor summary details { __typename } } }`;
const PROJECT_UPDATED = `subscription ($id: UUID!) { projectUpdated(id: $id) { id stage progress { communicationRounds validationDay } } }`;

const eventOf = (result: FormattedExecutionResult<any, any>) => result.data?.projectEvents as { seq: number; type: string; summary: string } | undefined;

function ok(response: { data?: any; errors?: unknown[] }): any {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

async function createProject(clientId: string, name: string, packageCode = 'STANDARD'): Promise<string> {
  const created = ok(
    await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
      input: { clientId, name, packageCode, projectLead: 'lin.pm' },
    }),
  );
  return created.createProject.id;
}

/** A lead action over HTTP, timed: when it was sent, when its answer came, and the seq of the event it wrote. */
async function act(mutation: string, input: Record<string, unknown>, select = 'id') {
  const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  const sentAt = performance.now();
  const data = ok(await app.gql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${select} timeline { seq } } }`, { input }));
  const project = data[mutation];
  return { project, seq: Math.max(...project.timeline.map((event: { seq: number }) => event.seq)), sentAt, answeredAt: performance.now() };
}

const logRound = (projectId: string, n: number) => act('logCommunicationRound', { projectId, channel: 'MEETING', summary: `Workshop ${n}`, attendees: ['client CTO'] });

/**
 * There is no acknowledgement of a subscription in graphql-ws: this makes sure the
 * server has registered `feed` before the test acts, by announcing the project's
 * creation event (seq 0, which the projection never announces) until it arrives.
 */
async function primed(feed: Feed, project: { id: string; clientId: string }) {
  const notice = JSON.stringify({ projectId: project.id, seq: 0, type: 'PROJECT_CREATED', clientId: project.clientId });
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    await app.sql('select pg_notify($1, $2)', [TIMELINE_EVENTS_CHANNEL, notice]);
    try {
      return await feed.waitFor(() => true, 200);
    } catch {
      // not registered yet
    }
  }
  throw new Error('the subscription was never registered');
}

describe('live updates over graphql-ws', () => {
  let acmeProject: string;
  let globexProject: string;

  beforeAll(async () => {
    acmeProject = await createProject(ACME.id, 'Acme live shop');
    globexProject = await createProject(GLOBEX.id, 'Globex live shop');
  });

  it('pushes an event a mutation caused, and the project with its new counter', async () => {
    const client = connect('lin.pm');
    const events = subscribe(client, PROJECT_EVENTS, { filter: { projectIds: [acmeProject] } });
    const updates = subscribe(client, PROJECT_UPDATED, { id: acmeProject });
    await primed(events, { id: acmeProject, clientId: ACME.id });
    await updates.waitFor(() => true);

    const { project, seq, sentAt, answeredAt } = await logRound(acmeProject, 1);
    const event = await events.waitFor((result) => eventOf(result)?.seq === seq);
    expect(event.result.errors).toBeUndefined();
    expect(eventOf(event.result)).toMatchObject({ type: 'COMMUNICATION_ROUND_LOGGED', actor: 'lin.pm', fromStage: 'REQUIREMENTS', toStage: 'REQUIREMENTS' });
    expect(event.result.data!.projectEvents.details).toEqual({ __typename: 'CommunicationRoundDetails' });

    const updated = await updates.waitFor((result) => result.data?.projectUpdated.progress.communicationRounds === 1);
    expect(updated.result.data!.projectUpdated).toMatchObject({ id: project.id, stage: 'REQUIREMENTS' });
    latencies.push({ what: 'projectEvents after the mutation was sent', ms: event.at - sentAt });
    latencies.push({ what: 'projectEvents after the mutation answered (negative: before)', ms: event.at - answeredAt });
    latencies.push({ what: 'projectUpdated after the mutation was sent', ms: updated.at - sentAt });

    // A second action: another push, with the counter moved on (no stale cache between events).
    const second = await logRound(acmeProject, 2);
    await updates.waitFor((result) => result.data?.projectUpdated.progress.communicationRounds === 2);
    await events.waitFor((result) => eventOf(result)?.seq === second.seq);
    events.stop();
    updates.stop();
  });

  it('pushes an event a durable timer caused: the Premium validation day opening', async () => {
    const projectId = await createProject(ACME.id, 'Acme premium shop', 'PREMIUM');
    const client = connect('lin.pm');
    const opened = subscribe(client, PROJECT_EVENTS, { filter: { projectIds: [projectId], types: ['VALIDATION_DAY_OPENED'] } });
    const stageChanges = subscribe(client, PROJECT_EVENTS, { filter: { projectIds: [projectId], stageChangesOnly: true } });
    const updates = subscribe(client, PROJECT_UPDATED, { id: projectId });
    // The filtered feeds were subscribed first on the same socket; once this one hears, they are registered too.
    const control = subscribe(client, PROJECT_EVENTS, { filter: { projectIds: [projectId] } });
    await primed(control, { id: projectId, clientId: ACME.id });

    const { project } = await act('addRequirement', { projectId, title: 'Checkout in three steps' }, 'requirements { id }');
    await act('confirmRequirement', { projectId, requirementId: project.requirements[0].id });
    for (let n = 1; n <= 8; n++) await logRound(projectId, n);
    const signedOff = await act('signOffRequirements', { projectId, note: 'Scope frozen' }, 'stage');
    expect(signedOff.project.stage).toBe('DEVELOPMENT');

    // Only the sign-off moved the stage; none of the rounds or requirements did.
    const change = await stageChanges.waitFor((result) => eventOf(result)?.type === 'REQUIREMENTS_SIGNED_OFF');
    expect(change.result.data!.projectEvents).toMatchObject({ fromStage: 'REQUIREMENTS', toStage: 'DEVELOPMENT' });

    // 14 SOP days of 150 ms after the sign-off, the workflow's timer opens the validation day.
    const timer = await opened.waitFor(() => true, 14 * DAY_MS + 15_000);
    expect(timer.result.errors).toBeUndefined();
    expect(timer.result.data!.projectEvents).toMatchObject({ type: 'VALIDATION_DAY_OPENED', actor: 'system', fromStage: 'DEVELOPMENT', toStage: 'DEVELOPMENT' });
    const [row] = await app.sql<{ occurred_at: Date }>(`select occurred_at from timeline_event where project_id = $1 and type = 'VALIDATION_DAY_OPENED'`, [projectId]);
    latencies.push({ what: 'timer event after its occurredAt (the workflow timer fired)', ms: performance.timeOrigin + timer.at - row!.occurred_at.getTime() });
    await updates.waitFor((result) => result.data?.projectUpdated.progress.validationDay === 'OPEN');

    expect(opened.results.map(eventOf).map((event) => event?.type)).toEqual(['VALIDATION_DAY_OPENED']);
    expect(stageChanges.results.map(eventOf).map((event) => event?.type)).toEqual(['REQUIREMENTS_SIGNED_OFF']);
    for (const feed of [opened, stageChanges, updates, control]) feed.stop();
  });

  it("gives a client only its own projects' events, and never the agency's internal ones", async () => {
    const acme = connect('acme.client');
    const globex = connect('globex.client');
    const staff = connect('lin.pm');
    const acmeEvents = subscribe(acme, PROJECT_EVENTS);
    const globexEvents = subscribe(globex, PROJECT_EVENTS);
    const staffEvents = subscribe(staff, PROJECT_EVENTS, { filter: { projectIds: [acmeProject, globexProject] } });
    await primed(acmeEvents, { id: acmeProject, clientId: ACME.id });
    await primed(globexEvents, { id: globexProject, clientId: GLOBEX.id });
    await primed(staffEvents, { id: acmeProject, clientId: ACME.id });

    const globexRound = await logRound(globexProject, 1);
    await act('recordCost', { projectId: acmeProject, phase: 'RESEARCH', amount: 900, note: 'Agency-internal' });
    const acmeRound = await logRound(acmeProject, 3);

    // Staff see all three, in the order they were written.
    await staffEvents.waitFor((result) => eventOf(result)?.seq === acmeRound.seq);
    const staffTypes = staffEvents.results.map(eventOf).filter((event) => event && event.seq > 0).map((event) => event!.type);
    expect(staffTypes).toEqual(['COMMUNICATION_ROUND_LOGGED', 'COST_RECORDED', 'COMMUNICATION_ROUND_LOGGED']);

    // Acme's last event arrives after everything written before it: nothing else came.
    const last = await acmeEvents.waitFor((result) => eventOf(result)?.seq === acmeRound.seq);
    expect(last.result.data!.projectEvents.type).toBe('COMMUNICATION_ROUND_LOGGED');
    latencies.push({ what: "a client's projectEvents after the mutation was sent", ms: last.at - acmeRound.sentAt });
    const acmeSeen = acmeEvents.results.map(eventOf).filter((event) => event && event.seq > 0);
    expect(acmeSeen.map((event) => event!.type)).toEqual(['COMMUNICATION_ROUND_LOGGED']);
    expect(acmeEvents.results.every((result) => result.errors === undefined)).toBe(true);

    // Globex got its own round, and nothing of Acme's.
    await globexEvents.waitFor((result) => eventOf(result)?.seq === globexRound.seq);
    expect(globexEvents.results.map(eventOf).filter((event) => event && event.seq > 0).map((event) => event!.type)).toEqual(['COMMUNICATION_ROUND_LOGGED']);
    for (const feed of [acmeEvents, globexEvents, staffEvents]) feed.stop();
  });

  it('refuses a subscription without a token', async () => {
    const feed = subscribe(connect(null), PROJECT_EVENTS);
    const { result } = await feed.waitFor(() => true);
    expect(result.data ?? null).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await feed.ended).toBeUndefined();
  });

  it('refuses the connection when the token sent is not valid', async () => {
    const forged = await new SignJWT({ role: 'ADMIN', preferred_username: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-4000-8000-000000000a01')
      .setIssuer('delivery-sop')
      .setAudience('delivery-sop-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-secret-that-is-not-the-servers-one-at-all'));
    for (const authorization of ['Bearer not-a-token', `Bearer ${forged}`, 'Basic bGluLnBtOnNlY3JldA==', 42]) {
      const closed: unknown[] = [];
      const feed = subscribe(connect({ authorization }, { closed: (event) => closed.push(event) }), PROJECT_EVENTS);
      const ended = (await feed.ended) as { code?: number; reason?: string };
      expect(ended, `${authorization}`).toMatchObject({ code: 4401 });
      expect(ended.reason).toMatch(/^Unauthorized/);
      expect(feed.results).toEqual([]);
      expect(closed).toHaveLength(1);
    }
  });

  it("answers NOT_FOUND to projectUpdated on another client's project, as on one that does not exist", async () => {
    const acme = connect('acme.client');
    for (const id of [globexProject, '00000000-0000-4000-8000-0000000000ff']) {
      const feed = subscribe(acme, PROJECT_UPDATED, { id });
      const { result } = await feed.waitFor(() => true);
      expect(result.data ?? null).toBeNull();
      expect(result.errors![0]).toMatchObject({ path: ['projectUpdated'], extensions: { code: 'NOT_FOUND' } });
      expect(await feed.ended).toBeUndefined();
    }
    // Its own project is fine.
    const own = subscribe(acme, PROJECT_UPDATED, { id: acmeProject });
    await primed(own, { id: acmeProject, clientId: ACME.id });
    own.stop();
  });

  it('serves subscriptions only: queries and mutations belong on HTTP', async () => {
    const feed = subscribe(connect('lin.pm'), `query { project(id: "${acmeProject}") { id } }`);
    const error = (await feed.ended) as { message?: string; extensions?: { code?: string } }[];
    expect(error[0]).toMatchObject({ extensions: { code: 'OPERATION_NOT_SUPPORTED' } });
  });

  it('refuses a subscription costing more than the query cost limit: every event would run it again', async () => {
    // 10 aliases of the project with 100 timeline items each; a page of 5 answers.
    const costly =
      `subscription ($id: UUID!, $items: Int) { projectUpdated(id: $id) { ${Array.from({ length: 10 }, (_, i) => `a${i}: timelineItems(last: $items) { edges { node { seq type summary occurredAt } } }`).join(' ')} } }`;
    const refused = subscribe(connect('lin.pm'), costly, { id: acmeProject, items: 100 });
    const errors = (await refused.ended) as { message?: string; extensions?: { code?: string; limit?: number } }[];
    expect(errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COSTLY', limit: 20_000 } });
    expect(errors[0]!.message).toMatch(/^Query cost limit of 20000 exceeded, found \d+\.$/);
    const cheap = subscribe(connect('lin.pm'), costly, { id: acmeProject, items: 5 });
    const { result } = await primed(cheap, { id: acmeProject, clientId: ACME.id });
    expect(result.errors).toBeUndefined();
    expect(result.data.projectUpdated.a0.edges.length).toBeGreaterThan(0);
    cheap.stop();
  });

  it('announces an event only when the projection actually inserted it, once however often it runs', async () => {
    const projectId = await createProject(GLOBEX.id, 'Globex scratch project');
    const listener = new pg.Client({ connectionString: app.databaseUrl });
    const heard: { projectId: string; seq: number; type: string; clientId: string }[] = [];
    await listener.connect();
    try {
      listener.on('notification', ({ payload }) => heard.push(JSON.parse(payload!)));
      await listener.query(`LISTEN ${TIMELINE_EVENTS_CHANNEL}`);
      const [{ sop_state: state }] = (await app.sql(`select sop_state from project where id = $1`, [projectId])) as [{ sop_state: any }];
      const { recordTimelineEvent } = createTimelineProjectionActivities(app.orm);
      const event = {
        projectId,
        seq: 1,
        type: 'COMMUNICATION_ROUND_LOGGED' as const,
        details: { round: 1, channel: 'EMAIL' as const, summary: 'Retried', attendees: [], occurredAt: new Date().toISOString() },
        fromStage: 'REQUIREMENTS' as const,
        toStage: 'REQUIREMENTS' as const,
        actor: 'lin.pm',
        occurredAt: new Date().toISOString(),
        summary: 'A retried write',
        state: { ...state, lastEventSeq: 1 },
      };
      await recordTimelineEvent(event);
      await recordTimelineEvent(event); // a retry: the row exists, nothing is inserted
      // A round trip on the listening connection: every notification sent before it has arrived.
      await listener.query('select 1');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard.filter((notice) => notice.projectId === projectId)).toEqual([{ projectId, seq: 1, type: 'COMMUNICATION_ROUND_LOGGED', clientId: GLOBEX.id }]);
    } finally {
      await listener.end();
    }
  });

  it('keeps delivering after the LISTEN connection drops: it reconnects', async () => {
    const client = connect('lin.pm');
    const events = subscribe(client, PROJECT_EVENTS, { filter: { projectIds: [acmeProject] } });
    await primed(events, { id: acmeProject, clientId: ACME.id });
    const listening = `select pid from pg_stat_activity where application_name = $1 and datname = current_database()`;
    const [before] = await app.sql<{ pid: number }>(listening, [LIVE_EVENTS_APPLICATION_NAME]);
    expect(before).toBeDefined();
    await app.sql('select pg_terminate_backend($1)', [before!.pid]);

    const deadline = performance.now() + 15_000;
    let after: { pid: number } | undefined;
    while (!after || after.pid === before!.pid) {
      if (performance.now() > deadline) throw new Error('the API never listened again');
      await new Promise((resolve) => setTimeout(resolve, 100));
      [after] = await app.sql<{ pid: number }>(listening, [LIVE_EVENTS_APPLICATION_NAME]);
    }
    // The subscriber stayed subscribed across the reconnect.
    const round = await logRound(acmeProject, 4);
    await events.waitFor((result) => eventOf(result)?.seq === round.seq);
    events.stop();
  });

  // Last: it stops the application.
  it('closes open sockets on shutdown (1001, going away) before the HTTP server drains, and stops promptly', async () => {
    const feed = subscribe(connect('lin.pm'), PROJECT_EVENTS);
    await primed(feed, { id: acmeProject, clientId: ACME.id });
    const started = performance.now();
    stopped = true;
    await app.stop();
    const stopMs = performance.now() - started;
    expect(await feed.ended).toMatchObject({ code: 1001 });
    // Had the socket been left to the HTTP drain, stop() would have waited out its 10 s grace period.
    expect(stopMs).toBeLessThan(8000);
    latencies.push({ what: 'stop() with an open subscription (whole application)', ms: stopMs });
  });
});
