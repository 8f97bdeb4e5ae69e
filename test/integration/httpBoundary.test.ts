import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { SEED_USERS } from '../../src/identity/domain/seedUsers.js';
import { mintToken } from '../../src/identity/services/tokens.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/** What a hostile or careless caller sees at the HTTP boundary: coded errors in the GraphQL shape, never internals. */
let app: TestApplication;

beforeAll(async () => {
  app = await startTestApplication();
});

afterAll(async () => {
  await app?.stop();
});

async function post(body: string, headers: Record<string, string> = {}, method = 'POST') {
  const response = await fetch(app.api!.graphqlUrl, { method, headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

const leaks = (text: string) => /stacktrace|\/work\/|node_modules|\.ts:\d+|at [A-Za-z]+ \(/.test(text);

describe('the HTTP boundary', () => {
  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE in the GraphQL shape', async () => {
    const { status, text, json } = await post(JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(2 * 1024 * 1024) }));
    expect(status).toBe(413);
    expect(json.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(leaks(text)).toBe(false);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const { status, text, json } = await post('{"query": "{ __typename }"');
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('MALFORMED_JSON');
    expect(leaks(text)).toBe(false);
  });

  it('answers headers over Node\'s limit with 431 REQUEST_HEADER_FIELDS_TOO_LARGE in the GraphQL shape, not an empty body', async () => {
    const { status, text, json } = await post(JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${'x'.repeat(20_000)}` });
    expect(status).toBe(431);
    expect(json.errors?.[0]?.extensions?.code).toBe('REQUEST_HEADER_FIELDS_TOO_LARGE');
    expect(leaks(text)).toBe(false);
  });

  it('refuses a subscription sent over HTTP with 400 SUBSCRIPTION_OVER_HTTP, before any resolver runs', async () => {
    const token = await app.tokenFor('admin');
    for (const query of ['subscription { slaAlerts { recipients } }', 'subscription { projectUpdated(id: "00000000-0000-0000-0000-000000000000") { id } }']) {
      const { status, text, json } = await post(JSON.stringify({ query }), { authorization: `Bearer ${token}` });
      expect(status).toBe(400);
      expect(json.errors?.[0]?.extensions?.code).toBe('SUBSCRIPTION_OVER_HTTP');
      expect(leaks(text)).toBe(false);
    }
  });

  it('answers a persisted query whose hash does not match its text with 400 BAD_REQUEST', async () => {
    const wrongHash = '0'.repeat(64);
    const { status, json } = await post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: wrongHash } } }));
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses an amount a money column cannot hold exactly (5e-324, 0.001, negative) with BAD_USER_INPUT', async () => {
    const token = await app.tokenFor('lin.pm');
    for (const amount of [5e-324, 0.001, -1, 1e13]) {
      const { status, json } = await post(
        JSON.stringify({
          query: 'mutation ($amount: Float!) { recordCost(input: { projectId: "00000000-0000-4000-8000-000000000000", phase: AFTER_SALES, amount: $amount }) { id } }',
          variables: { amount },
        }),
        { authorization: `Bearer ${token}` },
      );
      expect(status, String(amount)).toBe(200);
      expect(json.errors?.[0]?.extensions?.code, String(amount)).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a JSON-array batch of operations (a batching attack) with 400 BAD_REQUEST, running none of them', async () => {
    const token = await app.tokenFor('lin.pm');
    const mutation = 'mutation { createClient(input: { name: "Batched client", tier: C }) { id } }';
    const { status, json } = await post(JSON.stringify([{ query: mutation }, { query: mutation }]), { authorization: `Bearer ${token}` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(await app.sql("select 1 from client where name = 'Batched client'")).toEqual([]);
  });

  it('refuses a request a browser could send cross-site without a preflight (CSRF) with 400 BAD_REQUEST', async () => {
    // A GET (or a form-encoded POST) without a JSON content type or an Apollo preflight header.
    const response = await fetch(`${app.api!.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers a wrong method with 405 METHOD_NOT_ALLOWED', async () => {
    const { status, json } = await post('{}', {}, 'PUT');
    expect(status).toBe(405);
    expect(json.errors?.[0]?.extensions?.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('carries no stack trace on variable coercion and validation errors', async () => {
    const coercion = await post(JSON.stringify({ query: 'query ($id: UUID!) { project(id: $id) { id } }', variables: { id: 'not-a-uuid' } }));
    expect(coercion.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(leaks(coercion.text)).toBe(false);
    const validation = await post(JSON.stringify({ query: '{ nope }' }));
    expect(validation.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(leaks(validation.text)).toBe(false);
  });

  it('refuses a sent but unusable Authorization header with 401 UNAUTHENTICATED, whatever the query', async () => {
    const query = JSON.stringify({ query: '{ servicePackages { code } }' });
    const lead = SEED_USERS.find((user) => user.username === 'lin.pm')!;
    const settings = { issuer: 'delivery-sop', audience: 'delivery-sop-api' };
    const unusable = {
      empty: '',
      'not bearer': `Basic ${Buffer.from('lin.pm:secret').toString('base64')}`,
      garbage: 'Bearer not-a-jwt',
      'signed with another secret': `Bearer ${await mintToken({ ...settings, secret: 'x'.repeat(40) }, lead)}`,
      expired: `Bearer ${await new SignJWT({ role: 'LEAD', preferred_username: 'lin.pm' }).setProtectedHeader({ alg: 'HS256' }).setSubject(lead.id).setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(new TextEncoder().encode('x'.repeat(40)))}`,
      'unsigned (alg none)': `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: lead.id, role: 'ADMIN', preferred_username: 'x', exp: 9999999999 })).toString('base64url')}.`,
    };
    for (const [what, header] of Object.entries(unusable)) {
      const { status, text, json } = await post(query, { authorization: header });
      expect(status, what).toBe(401);
      expect(json.errors?.[0]?.extensions?.code, what).toBe('UNAUTHENTICATED');
      expect(leaks(text)).toBe(false);
    }
    // No header at all is an anonymous caller: the public catalog answers.
    expect((await post(query)).json.errors).toBeUndefined();
  });

  it('says a cancelled project is CANCELLED and final, and lists no action for it', async () => {
    const client = await app.gql(`mutation { createClient(input: { name: "Acme", tier: B }) { id } }`);
    const created = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
      input: { clientId: client.data!.createClient.id, name: 'Shop', packageCode: 'STANDARD', projectLead: 'lin.pm' },
    });
    const projectId = created.data!.createProject.id;
    const cancelled = await app.gql(`mutation ($input: CancelProjectInput!) { cancelProject(input: $input) { stage availableActions } }`, {
      input: { projectId, reason: 'Client stopped' },
    });
    expect(cancelled.data!.cancelProject).toEqual({ stage: 'CANCELLED', availableActions: [] });
    const late = await app.gql(`mutation ($input: AddRequirementInput!) { addRequirement(input: $input) { id } }`, { input: { projectId, title: 'Late' } });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'STAGE_CONFLICT', rule: 'PROJECT_FINISHED', stage: 'CANCELLED' });
    expect(late.errors?.[0]?.message).toContain('is CANCELLED: nothing can change it');
  });
});
