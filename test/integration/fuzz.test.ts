import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { loadSchema, OperationFactory, prng, type Operation } from '../support/fuzzOperations.js';
import { type GraphQLResponse, ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Hostile input (issue 11): a schema-driven fuzzer sends thousands of generated
 * operations over real HTTP — wrong types, out-of-range numbers, empty, huge, NUL and
 * unpaired-surrogate strings, unknown and malformed ids and cursors, over-limit pages,
 * deep nesting, alias floods, JSON-array batches and malformed bodies — as every role,
 * with a forged token and with none. Every answer must be a coded refusal (or data): no
 * 5xx, no INTERNAL_SERVER_ERROR, no stack trace or file path. Phase 1 sends only
 * operations that cannot be accepted by construction, so the main tables' row counts
 * must not move; phase 2 sends type-valid hostile mutations that might be accepted
 * (creating clients, packs, policies), judged on the answers alone. Afterwards a project
 * and a ticket made before the fuzz still accept their normal actions.
 *
 * Deterministic: FUZZ_SEED (default below) fixes every operation sent.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_0011);
const CONCURRENCY = 8;
const MIN_OPERATIONS = 5000;
const [ACME] = SEED_CLIENTS;

/** Roles a request is signed as: every seeded role, a forged token, and none. */
const ROLES = ['admin', 'lin.pm', 'mia.csm', 'acme.client', 'forged', null] as const;
type Role = (typeof ROLES)[number];

const TABLES = [
  'project',
  'timeline_event',
  'ticket',
  'ticket_message',
  'client',
  'cost_entry',
  'change_order',
  'requirement',
  'service_audit',
  'sla_policy_version',
  'business_calendar_version',
  'client_tier_change',
  'idempotency_key',
] as const;

/**
 * Failures the fuzzer found that are not fixed yet, excluded so the suite stays green:
 * each names the check and the operation's field (`*` for any). Remove an entry once the
 * owner fixes it; the test fails if an entry no longer matches anything (stale).
 */
const KNOWN_FAILURES: { check: string; field: string; why: string }[] = [];

interface Finding {
  check: string;
  field: string;
  kind: string;
  detail: string;
  count: number;
  example: { query: string; variables?: unknown; body?: string; role: Role; status: number; response: string };
}

const STACK_TRACE = [/\/work\//, /node_modules/, /\.ts:/, /\n\s*at /, /\bat [\w$.<>[\]]+ \(/, /\bat (?:file|node):/, /"stacktrace"/, /"exception"/];

let app: TestApplication;
const tokens = new Map<string, string>();
const findings = new Map<string, Finding>();
const distribution = new Map<string, number>();
const statuses = new Map<number, number>();
const codes = new Map<string, number>();
let sent = 0;
let fixtureProject: string;
let fixtureTicket: string;

const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

function headersFor(role: Role): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (role === 'forged') headers.authorization = `Bearer ${tokens.get('admin')!.slice(0, -4)}AAAA`;
  else if (role !== null) headers.authorization = `Bearer ${tokens.get(role)!}`;
  return headers;
}

function report(check: string, field: string, kind: string, detail: string, example: Finding['example']) {
  const key = `${check}|${field}|${kind}|${detail}`;
  const found = findings.get(key);
  if (found) found.count++;
  else findings.set(key, { check, field, kind, detail, count: 1, example: { ...example, response: example.response.slice(0, 600) } });
}

interface Sent {
  field: string;
  kind: string;
  role: Role;
  body: string;
  /** The GraphQL operation, when the body is one; for the report. */
  op?: Operation;
  method?: 'POST' | 'GET';
  url?: string;
  headers?: Record<string, string>;
}

/** Sends one request and checks the answer; returns the parsed body, if JSON. */
async function send(request: Sent): Promise<unknown> {
  sent++;
  bump(distribution, request.kind);
  const response = await fetch(request.url ?? app.graphqlUrl, {
    method: request.method ?? 'POST',
    headers: request.headers ?? headersFor(request.role),
    body: request.method === 'GET' ? undefined : request.body,
  });
  const text = await response.text();
  bump(statuses, response.status);
  const example = {
    query: request.op?.query.slice(0, 2000) ?? '',
    variables: request.op ? truncate(request.op.variables) : undefined,
    body: request.op ? undefined : request.body.slice(0, 2000),
    role: request.role,
    status: response.status,
    response: text,
  };
  const { field, kind } = request;
  if (response.status >= 500) report('http-5xx', field, kind, String(response.status), example);
  const leak = STACK_TRACE.find((pattern) => pattern.test(text));
  if (leak) report('leak', field, kind, String(leak), example);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    report('not-json', field, kind, `${response.status} ${response.headers.get('content-type')}`, example);
    return undefined;
  }
  const results = (Array.isArray(body) ? body : [body]) as GraphQLResponse[];
  for (const result of results) {
    if (result === null || typeof result !== 'object') {
      report('not-a-result', field, kind, typeof result, example);
      continue;
    }
    if (!result.errors && response.status >= 400) report('uncoded-refusal', field, kind, `${response.status} without errors`, example);
    for (const error of result.errors ?? []) {
      const code = error.extensions?.code as unknown;
      if (typeof code !== 'string') report('uncoded-error', field, kind, error.message?.slice(0, 80) ?? '?', example);
      else {
        bump(codes, code);
        if (code === 'INTERNAL_SERVER_ERROR') report('internal-error', field, kind, error.message?.slice(0, 120) ?? '?', example);
      }
    }
  }
  return body;
}

function truncate(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…(${v.length} chars)` : Array.isArray(v) && v.length > 10 ? [...v.slice(0, 3), `…(${v.length} items)`] : v)));
}

async function sendOperation(op: Operation, role: Role, phase: 1 | 2) {
  const body = (await send({ field: op.field, kind: `${op.operation}:${op.kind}`, role, body: JSON.stringify({ query: op.query, variables: op.variables }), op })) as GraphQLResponse | undefined;
  // A refused-by-construction mutation must not have been accepted.
  if (phase === 1 && op.operation === 'mutation' && body && !Array.isArray(body) && body.data && body.data[op.field] != null)
    report('accepted', op.field, op.kind, 'refused-by-construction mutation returned data', {
      query: op.query.slice(0, 2000),
      variables: truncate(op.variables),
      role,
      status: 200,
      response: JSON.stringify(body),
    });
}

async function pool<T>(items: readonly T[], worker: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await worker(items[next++]!);
    }),
  );
}

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await app.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  return counts;
}

/** Row counts once they have stopped moving (the fixture's projections land asynchronously). */
async function settledRowCounts(): Promise<Record<string, number>> {
  let previous = await rowCounts();
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const current = await rowCounts();
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  return previous;
}

/** Raw bodies no GraphQL client would send. */
function malformedBodies(): { body: string; headers?: Record<string, string>; method?: 'GET'; url?: string }[] {
  const json = { 'content-type': 'application/json' };
  return [
    { body: '' },
    { body: 'not json' },
    { body: '{' },
    { body: '[' },
    { body: 'null' },
    { body: 'true' },
    { body: '42' },
    { body: '"query"' },
    { body: '[]' },
    { body: '{}' },
    { body: '{"query": 1}' },
    { body: '{"query": null}' },
    { body: '{"query": ""}' },
    { body: '{"query": "{"}' },
    { body: '{"query": "\\u0000"}' },
    { body: '{"query": "{ viewer { username } }", "variables": "string"}' },
    { body: '{"query": "{ viewer { username } }", "variables": [1]}' },
    { body: '{"query": "{ viewer { username } }", "operationName": 5}' },
    { body: '{"query": "{ viewer { username } }", "operationName": "Nope"}' },
    { body: '{"query": "query A { viewer { username } } query B { viewer { username } }"}' },
    { body: '{"query": "{ viewer { username } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}' },
    { body: '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "00"}}}' },
    { body: '{"query": "{ viewer { username } }", "__proto__": {"polluted": 1}}' },
    { body: '{"query": "{ __schema { types { name } } }"}' },
    { body: '{"query": "{ __type(name: \\"Project\\") { fields { name } } }"}' },
    { body: '{"query": "{ viewer { usernam } }"}' },
    { body: '{"query": "subscription { __typename }"}' },
    { body: '{"query": "{ viewer { username } }"', headers: json },
    { body: `{"query": "${'{'.repeat(5000)}"}` },
    { body: `{"query": "{ ${'viewer { username } '.repeat(3000)} }"}` },
    { body: `{"query": "query ${'@skip(if: true) '.repeat(200)} { viewer { username } }"}` },
    { body: `{"query": "{ viewer { username } }", "variables": {"x": "${'x'.repeat(1_100_000)}"}}` },
    { body: '\ud800{"query": "{ viewer { username } }"}' },
    { body: '\u0000' },
    { body: '{"query": "{ viewer { username } }"}', headers: { 'content-type': 'text/plain' } },
    { body: '{"query": "{ viewer { username } }"}', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { body: 'query={viewer{username}}', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { body: '{"query": "{ viewer { username } }"}', headers: { 'content-type': 'application/json; charset=utf-16' } },
    { body: '{"query": "{ viewer { username } }"}', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } },
    { body: '{"query": "{ viewer { username } }"}', headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' } },
    { body: '{"query": "{ viewer { username } }"}', headers: { 'content-type': 'application/json', authorization: 'Bearer' } },
    { body: '{"query": "{ viewer { username } }"}', headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.' } },
    { body: '{"query": "{ viewer { username } }"}', headers: { 'content-type': 'application/json', authorization: `Bearer ${'a'.repeat(20_000)}` } },
    { body: '', method: 'GET', url: '?query=%7Bviewer%7Busername%7D%7D' },
    { body: '', method: 'GET', url: '?query=mutation%7BcreateClient(input%3A%7Bname%3A%22x%22%7D)%7Bid%7D%7D' },
    { body: '', method: 'GET', url: '?query=%7B&variables=%7B' },
    { body: '', method: 'GET', url: '' },
  ];
}

beforeAll(async () => {
  app = await startTestApplication();
  for (const role of ROLES) if (role !== null && role !== 'forged') tokens.set(role, await app.tokenFor(role));
  const created = ok(
    await app.gql<{ createProject: { id: string } }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
      input: { clientId: ACME!.id, name: 'Fuzz fixture', packageCode: 'STANDARD', projectLead: 'lin.pm' },
    }),
  );
  fixtureProject = created.createProject.id;
  const opened = ok(
    await app.gql<{ openTicket: { id: string } }>(
      `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
      { input: { projectId: fixtureProject, title: 'Fuzz fixture ticket', severity: 'LOW', category: 'SYSTEM' } },
      { as: 'acme.client' },
    ),
  );
  fixtureTicket = opened.openTicket.id;
});

afterAll(async () => {
  await app?.stop();
});

describe('hostile input', () => {
  it(`${MIN_OPERATIONS}+ generated hostile operations, as every role and none: coded refusals only, nothing written, nothing broken`, { timeout: 300_000 }, async () => {
    const started = performance.now();
    const rng = prng(SEED);
    const factory = new OperationFactory(loadSchema(), rng);

    // Every field, every generator, every role.
    const generated: { op: Operation; role: Role }[] = [];
    for (const role of ROLES) {
      for (const [operation, fields] of [
        ['query', factory.queries],
        ['mutation', factory.mutations],
        ['subscription', factory.subscriptions],
      ] as const) {
        for (const field of fields) {
          const ops: (Operation | undefined)[] = [];
          for (let i = 0; i < 7; i++) ops.push(factory.wrongType(operation, field));
          ops.push(factory.missingArg(operation, field));
          for (let i = 0; i < 5; i++) ops.push(factory.hostile(operation, field));
          ops.push(factory.inlineLiteral(operation, field));
          if (operation === 'query') ops.push(factory.overLimitPage(field), factory.overLimitPage(field));
          if (rng.chance(0.5)) ops.push(factory.deepNesting(operation, field));
          if (rng.chance(0.5)) ops.push(factory.aliasFlood(operation, field));
          for (const op of ops) if (op) generated.push({ op, role });
        }
      }
    }
    const phase1 = generated.filter(({ op }) => op.refusedByConstruction);
    const phase2 = generated.filter(({ op }) => !op.refusedByConstruction);

    // JSON-array batches of generated operations, and malformed bodies, as raw HTTP.
    const raw: Sent[] = [];
    for (let i = 0; i < 300; i++) {
      const size = rng.pick([1, 2, 5, 20, 100]);
      const batch = Array.from({ length: size }, () => rng.pick(phase1).op).map((op) => ({ query: op.query, variables: op.variables }));
      raw.push({ field: '(batch)', kind: 'raw:batch', role: rng.pick(ROLES), body: JSON.stringify(batch) });
    }
    for (const role of ROLES)
      for (const malformed of malformedBodies())
        raw.push({
          field: '(raw)',
          kind: 'raw:malformed',
          role,
          body: malformed.body,
          method: malformed.method,
          url: malformed.url === undefined ? undefined : `${app.graphqlUrl}${malformed.url}`,
          headers: malformed.headers ? { ...headersFor(role), ...malformed.headers } : undefined,
        });

    const before = await settledRowCounts();
    const stageBefore = ok(await app.gql<{ project: { stage: string } }>(`query ($id: UUID!) { project(id: $id) { stage } }`, { id: fixtureProject })).project.stage;

    // Phase 1: refused by construction; nothing may be written.
    await pool([...phase1.map((item) => ({ item })), ...raw.map((request) => ({ request }))], async (job) => {
      if ('item' in job) await sendOperation(job.item.op, job.item.role, 1);
      else await send(job.request);
    });
    const after = await settledRowCounts();
    for (const table of TABLES)
      if (after[table] !== before[table]) {
        const rows = await app.sql(`select * from ${table} order by ctid desc limit ${Math.min(5, Math.abs(after[table]! - before[table]!))}`);
        report('write', table, 'phase-1', `${before[table]} -> ${after[table]}`, { query: '', role: null, status: 0, response: JSON.stringify(rows) });
      }

    // Phase 2: type-valid hostile mutations that might be accepted; judged on the answers.
    await pool(phase2, async ({ op, role }) => sendOperation(op, role, 2));

    // The project and the ticket made before the fuzz still work.
    const stageAfter = ok(await app.gql<{ project: { stage: string } }>(`query ($id: UUID!) { project(id: $id) { stage } }`, { id: fixtureProject })).project.stage;
    expect(stageAfter).toBe(stageBefore);
    const round = ok(
      await app.gql<{ logCommunicationRound: { id: string } }>(`mutation ($input: LogCommunicationRoundInput!) { logCommunicationRound(input: $input) { id } }`, {
        input: { projectId: fixtureProject, channel: 'MEETING', summary: 'After the fuzz', attendees: ['client CTO'] },
      }),
    );
    expect(round.logCommunicationRound.id).toBe(fixtureProject);
    const reply = ok(
      await app.gql<{ respondToTicket: { id: string; messages: { body: string }[] } }>(
        `mutation ($input: RespondToTicketInput!) { respondToTicket(input: $input) { id messages { body } } }`,
        { input: { ticketId: fixtureTicket, body: 'Still answering after the fuzz.' } },
        { as: 'mia.csm' },
      ),
    );
    expect(reply.respondToTicket.messages.map((m) => m.body)).toContain('Still answering after the fuzz.');

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const all = [...findings.values()];
    const known = all.filter((f) => KNOWN_FAILURES.some((k) => k.check === f.check && (k.field === '*' || k.field === f.field)));
    const unknown = all.filter((f) => !known.includes(f));
    // Which failures a run meets depends on the seed; stale entries are judged on the default one.
    const stale = process.env.FUZZ_SEED !== undefined ? [] : KNOWN_FAILURES.filter((k) => !all.some((f) => k.check === f.check && (k.field === '*' || k.field === f.field)));
    console.info(
      [
        `fuzz: seed ${SEED}, ${sent} requests in ${seconds} s (phase 1: ${phase1.length} operations + ${raw.length} raw; phase 2: ${phase2.length})`,
        `by kind: ${JSON.stringify(Object.fromEntries([...distribution].sort()))}`,
        `by status: ${JSON.stringify(Object.fromEntries(statuses))}`,
        `by code: ${JSON.stringify(Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])))}`,
        `findings: ${unknown.length} new, ${known.length} known`,
        ...all.map((f) => `  [${known.includes(f) ? 'known' : 'NEW'}] ${f.check} ${f.field} ${f.kind} ${f.detail} x${f.count}\n    ${JSON.stringify(f.example)}`),
      ].join('\n'),
    );
    expect(sent).toBeGreaterThanOrEqual(MIN_OPERATIONS);
    expect(unknown, JSON.stringify(unknown, null, 1).slice(0, 20_000)).toEqual([]);
    expect(stale, 'KNOWN_FAILURES entries that no longer match anything').toEqual([]);
  });
});
