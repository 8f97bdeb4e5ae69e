import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClient, packageCodes } from '../../examples/frontend.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The API's protections and self-reporting over real HTTP, on production's defaults
 * (limits 12 deep, 15 aliases, cost 20 000, 2000 tokens, 50 directives; introspection and
 * suggestions off) except a mutation rate limit of 3 a minute and a 64 KiB body limit,
 * small enough to reach: refusals come with stable codes before anything runs; GraphiQL
 * from local assets only; Prometheus metrics; one JSON log line per request carrying the
 * same id as the `x-request-id` header.
 */
let app: TestApplication;
const logLines: Record<string, any>[] = [];

beforeAll(async () => {
  app = await startTestApplication({
    api: {
      mutationsPerMinute: 3,
      bodyLimitBytes: 64 * 1024,
      log: { destination: { write: (line: string) => void logLines.push(JSON.parse(line)) } },
    },
  });
});

afterAll(async () => {
  await app?.stop();
});

/** A raw POST to /graphql, for the status and headers as well as the body. */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(app.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
}

/** `levels` inline fragments on `type` around `inner`: each one level deeper (and 1.5 times costlier). */
const nested = (levels: number, type: string, inner: string): string =>
  Array.from({ length: levels }).reduce<string>((selection) => `... on ${type} { ${selection} }`, inner);

const clientsNamed = async (name: string) => (await app.sql('select count(*)::int as n from client where name = $1', [name]))[0]!.n as number;

async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('query limits', () => {
  it('refuses a document deeper than 12 with QUERY_TOO_DEEP before it runs: its mutation is not applied', async () => {
    const name = 'Too Deep Ltd';
    // 11 fragments + createClient + id: depth 13.
    const deep = await app.gql(`mutation Deep($input: CreateClientInput!) { ${nested(11, 'Mutation', 'createClient(input: $input) { id }')} }`, {
      input: { name, tier: 'B' },
    });
    expect(deep.data).toBeUndefined();
    expect(deep.errors).toHaveLength(1);
    expect(deep.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 12 });
    expect(deep.errors![0]!.message).toBe('Query depth limit of 12 exceeded, found 13.');
    expect(await clientsNamed(name)).toBe(0);

    // The same mutation at depth 12 goes through.
    const fine = await app.gql(`mutation Deep($input: CreateClientInput!) { ${nested(10, 'Mutation', 'createClient(input: $input) { id }')} }`, {
      input: { name, tier: 'B' },
    });
    expect(fine.errors).toBeUndefined();
    expect(await clientsNamed(name)).toBe(1);
  });

  it('refuses more than 15 aliases with TOO_MANY_ALIASES, applying none of the aliased mutations', async () => {
    const name = 'Sixteen Aliases Ltd';
    const aliased = Array.from({ length: 16 }, (_, i) => `c${i}: createClient(input: $input) { id }`).join('\n');
    const response = await post({ query: `mutation Many($input: CreateClientInput!) { ${aliased} }`, variables: { input: { name, tier: 'C' } } }, {
      authorization: `Bearer ${await app.tokenFor('lin.pm')}`,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 15 });
    expect(await clientsNamed(name)).toBe(0);
  });

  it('refuses a document costing more than 20 000 with QUERY_TOO_COSTLY, counting the pages it asks for, also through variables', async () => {
    // Within the depth, alias and token limits: 100 projects with their last 100 timeline items each.
    const nestedPages = `query Nested($first: Int, $items: Int) {
      projects(first: $first) { edges { node { id timelineItems(last: $items) { edges { node { seq summary } } } } } } }`;
    for (const variables of [{ first: 100, items: 100 }, { first: 100, items: 10 }]) {
      const response = await post({ query: nestedPages, variables });
      expect(response.status, JSON.stringify(variables)).toBe(400);
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 20_000 });
      expect(response.body.errors![0]!.message).toMatch(/^Query cost limit of 20000 exceeded, found \d+\.$/);
    }
    // The same pages written as literals cost the same.
    const literal = await post({ query: nestedPages.replace('($first: Int, $items: Int)', '').replace('$first', '100').replace('$items', '100') });
    expect(literal.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    // The board of 100 projects with the last item of each answers.
    const board = await post({ query: nestedPages, variables: { first: 100, items: 1 } }, { authorization: `Bearer ${await app.tokenFor('lin.pm')}` });
    expect(board.status).toBe(200);
    expect(board.body.errors).toBeUndefined();
  });

  it('refuses more than 2000 tokens with TOO_MANY_TOKENS and more than 50 directives with TOO_MANY_DIRECTIVES', async () => {
    const tokens = await post({ query: `{ servicePackages { ${'code '.repeat(2000)} } }` });
    expect(tokens.status).toBe(400);
    expect(tokens.body.errors![0]).toMatchObject({ message: 'Token limit of 2000 exceeded.', extensions: { code: 'TOO_MANY_TOKENS', limit: 2000 } });

    const directives = await post({ query: `{ servicePackages { ${'code @include(if: true) '.repeat(51)} } }` });
    expect(directives.status).toBe(400);
    expect(directives.body.errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_DIRECTIVES', limit: 50 });
  });

  it('answers the example operations within every limit', async () => {
    expect(await packageCodes(app.graphqlUrl)).toContainEqual({ code: 'STANDARD', includedResearchSessions: expect.any(Number) });
  });

  it('takes the body limit from its settings: 413 PAYLOAD_TOO_LARGE past 64 KiB', async () => {
    const response = await post({ query: '{ servicePackages { code } }', variables: { padding: 'x'.repeat(70 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('introspection and suggestions (off, as in production)', () => {
  it('refuses __schema and __type with INTROSPECTION_DISABLED, but answers __typename', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Project") { fields { name } } }']) {
      const response = await post({ query });
      expect(response.status, query).toBe(400);
      expect(response.body.data, query).toBeUndefined();
      expect(response.body.errors![0]!.extensions, query).toMatchObject({ code: 'INTROSPECTION_DISABLED' });
    }
    expect((await post({ query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('names a misspelled field without suggesting the real one', async () => {
    const response = await post({ query: '{ servicePackages { cod } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.message).toBe('Cannot query field "cod" on type "ServicePackage".');
    expect(JSON.stringify(response.body)).not.toMatch(/Did you mean/);

    const enumValue = await app.gql('mutation Bad($input: CreateClientInput!) { createClient(input: $input) { id } }', { input: { name: 'Enum Typo', tier: 'AA' } }, { as: 'sam.pm' });
    expect(enumValue.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(enumValue)).not.toMatch(/Did you mean/);
  });
});

describe('mutation rate limit', () => {
  const createClient = 'mutation Create($input: CreateClientInput!) { createClient(input: $input) { id } }';

  it('refuses a user past its mutations per minute with RATE_LIMITED and a retry time, while another user still passes', async () => {
    const admin = { authorization: `Bearer ${await app.tokenFor('admin')}` };
    for (let i = 0; i < 3; i++) {
      const response = await post({ query: createClient, variables: { input: { name: `Rate ${i}`, tier: 'C' } } }, admin);
      expect(response.body.errors, `mutation ${i}`).toBeUndefined();
    }
    const refused = await post({ query: createClient, variables: { input: { name: 'Rate refused', tier: 'C' } } }, admin);
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number), limitPerMinute: 3 });
    const retryAfter = refused.body.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('retry-after')).toBe(String(retryAfter));
    expect(await clientsNamed('Rate refused')).toBe(0);

    // Queries are not limited, and another user has an allowance of its own.
    expect((await post({ query: '{ servicePackages { code } }' }, admin)).status).toBe(200);
    const other = await app.gql(createClient, { input: { name: 'Rate other user', tier: 'C' } }, { as: 'sam.pm' });
    expect(other.errors).toBeUndefined();
  });

  it('counts each mutation field of a request', async () => {
    const query = 'mutation Two($a: CreateClientInput!, $b: CreateClientInput!) { a: createClient(input: $a) { id } b: createClient(input: $b) { id } }';
    const variables = { a: { name: 'Pair A', tier: 'C' }, b: { name: 'Pair B', tier: 'C' } };
    expect((await app.gql(query, variables, { as: 'mia.csm' })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // 2 counted, 1 left: a second pair does not fit.
    expect((await app.gql(query, variables, { as: 'mia.csm' })).errors![0]!.extensions!.code).toBe('RATE_LIMITED');
  });
});

describe('the typed front-end example (examples/frontend.ts)', () => {
  it('creates a client with the generated document', async () => {
    const created = await addClient(app.graphqlUrl, await app.tokenFor('lin.pm'), 'Frontend Example Co', 'B');
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});

describe('GraphiQL at /graphiql', () => {
  it('serves the IDE from local assets only, each with its content type, with the example operations and a token hint', async () => {
    const response = await fetch(`${app.api!.url}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();

    const urls = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(url, url).toMatch(/^\/graphiql\/assets\/[\w.-]+$/);
    expect(html).not.toMatch(/<(?:script|link)\b[^>]*\b(?:src|href)="(?:https?:)?\/\//);

    const expectedType = (url: string) => (url.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/);
    for (const url of urls) {
      const asset = await fetch(`${app.api!.url}${url}`);
      expect(asset.status, url).toBe(200);
      expect(asset.headers.get('content-type'), url).toMatch(expectedType(url));
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
    }
    expect((await fetch(`${app.api!.url}/graphiql/assets/package.json`)).status).toBe(404);

    // The saved operations as tabs, and where the token goes.
    for (const operation of ['query Catalog', 'mutation CreateClient', 'mutation SignOffRequirements', 'mutation RecordCost']) expect(html).toContain(operation);
    expect(html).toContain('Bearer \\u003cnpm run token -- lin.pm\\u003e');
  });

  it('leaves the landing page of Apollo (from a CDN) off: GET /graphql without a query is a plain refusal', async () => {
    const response = await fetch(app.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/cdn|https:\/\//i);
  });
});

describe('request log and metrics', () => {
  it('writes one JSON line per request with operation, user and the id of the x-request-id header', async () => {
    const response = await post({ query: 'query Catalog { servicePackages { code } }', operationName: 'Catalog' }, {
      authorization: `Bearer ${await app.tokenFor('lin.pm')}`,
      'x-request-id': 'trace-abc.123',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace-abc.123');
    const line = await waitFor(() => logLines.find((entry) => entry.requestId === 'trace-abc.123'), 'log line');
    expect(line).toMatchObject({
      level: 30,
      msg: 'graphql request',
      service: 'api',
      requestId: 'trace-abc.123',
      operationName: 'Catalog',
      operationType: 'query',
      outcome: 'success',
      status: 200,
      username: 'lin.pm',
      role: 'LEAD',
      userId: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect(logLines.filter((entry) => entry.requestId === 'trace-abc.123')).toHaveLength(1);
  });

  it('makes its own id when none or an unsafe one is sent, and logs refusals before GraphQL runs too', async () => {
    const unsafe = await post({ query: '{ servicePackages { code } }' }, { 'x-request-id': 'not safe <script>' });
    const id = unsafe.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await waitFor(() => logLines.find((entry) => entry.requestId === id), 'log line')).toMatchObject({ operationName: null, username: null, outcome: 'success' });

    const badToken = await post({ query: '{ servicePackages { code } }' }, { authorization: 'Bearer not-a-token' });
    expect(badToken.status).toBe(401);
    const badTokenId = badToken.headers.get('x-request-id')!;
    expect(await waitFor(() => logLines.find((entry) => entry.requestId === badTokenId), 'log line')).toMatchObject({ status: 401, outcome: 'rejected' });

    expect((await fetch(`${app.api!.url}/healthz`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes graphql_requests_total, the duration histogram and Node metrics at /metrics', async () => {
    await post({ query: 'query MetricsProbe { servicePackages { code } }' });
    await post({ query: 'query MetricsRefused { servicePackages { cod } }' });
    // Counted as the answer goes out: scrape until both are in.
    let text = '';
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
      const response = await fetch(`${app.api!.url}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      text = await response.text();
      if (text.includes('operation="MetricsProbe"') && text.includes('outcome="rejected"')) break;
    }
    expect(text).toMatch(/^graphql_requests_total\{operation="MetricsProbe",outcome="success"\} [1-9]/m);
    // Refused in validation: the operation was never resolved, so its name is not trusted as a label.
    expect(text).toMatch(/^graphql_requests_total\{operation="unknown",outcome="rejected"\} [1-9]/m);
    expect(text).toMatch(/^graphql_request_duration_seconds_count\{operation="MetricsProbe"\} [1-9]/m);
    expect(text).toMatch(/^graphql_request_duration_seconds_bucket\{le="0.5",operation="MetricsProbe"\} /m);
    expect(text).toContain('# TYPE graphql_request_duration_seconds histogram');
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });
});
