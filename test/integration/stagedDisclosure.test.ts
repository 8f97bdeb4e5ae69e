import {
  getNamedType,
  isLeafType,
  isObjectType,
  isUnionType,
  isNonNullType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CLIENTS, SEED_USERS } from '../../src/identity/domain/seedUsers.js';
import { buildApiSchema } from '../../src/platform/http/graphqlSchema.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Staged disclosure, walked for every role and for anonymous callers over every field the
 * schema has (the selection is generated from the schema itself, so a field added later
 * is walked too): the agency's cost structure and industry solutions reach ADMIN and LEAD
 * only, a CLIENT sees only its own projects, and no confidential value leaks through a
 * timeline event's summary or details.
 */

/** Fields only agency staff may read, as `Type.field`. */
const CONFIDENTIAL = new Set([
  'Project.contractValue',
  // Tier suggestions and their history name contract values.
  'Client.tierSuggestion',
  'Client.tierHistory',
  'Project.costEntries',
  'Project.costShares',
  'ChangeOrder.amount',
  'ChangeOrderEventDetails.amount',
  'CostRecordedDetails.amount',
  'PackagePolicy.costShareGuardrails',
  'PackagePolicy.industrySolution',
]);

/** Values planted below that only staff may ever see, in any form. */
const CONTRACT_VALUE = 123_457;
const COST = 4321.5;
const CHANGE_ORDER_AMOUNT = 777.25;
const SECRET_FORMS = [String(CONTRACT_VALUE), String(COST), '4321.50', String(CHANGE_ORDER_AMOUNT)];

let app: TestApplication;
let schema: GraphQLSchema;
let acmeProjectId: string;

/**
 * A selection of every field of `type` down to `depth`, with every member of every union.
 * Union members' fields are aliased `<Member>__<field>`, since members may share a field
 * name with different types.
 */
function selectAll(type: GraphQLObjectType, depth: number, aliased = false): string {
  const parts: string[] = ['__typename'];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    const name = aliased ? `${type.name}__${field.name}: ${field.name}` : field.name;
    if (isLeafType(named)) parts.push(name);
    else if (depth > 0 && isObjectType(named)) parts.push(`${name} { ${selectAll(named, depth - 1)} }`);
    else if (depth > 0 && isUnionType(named)) {
      parts.push(`${name} { __typename ${named.getTypes().map((member) => `... on ${member.name} { ${selectAll(member, depth - 1, true)} }`).join(' ')} }`);
    }
  }
  return parts.join(' ');
}

/** Every `Type.field` the response holds a non-null value for, found by walking it with the schema. */
function presentFields(value: unknown, type: GraphQLObjectType, found = new Set<string>()): Set<string> {
  if (value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    for (const item of value) presentFields(item, type, found);
    return found;
  }
  const record = value as Record<string, unknown>;
  const concrete = typeof record.__typename === 'string' ? (schema.getType(record.__typename) as GraphQLObjectType) : type;
  for (const [key, inner] of Object.entries(record)) {
    const name = key.includes('__') && !key.startsWith('__') ? key.split('__')[1]! : key;
    const field = concrete.getFields()[name];
    if (!field || inner === null || inner === undefined) continue;
    found.add(`${concrete.name}.${name}`);
    const named = getNamedType(field.type);
    if (isObjectType(named) || isUnionType(named)) presentFields(inner, isObjectType(named) ? named : (named.getTypes()[0] as GraphQLObjectType), found);
  }
  return found;
}

const PROJECT_QUERY = () => `query ($id: UUID!) { project(id: $id) { ${selectAll(schema.getType('Project') as GraphQLObjectType, 4)} } }`;
const CATALOG_QUERY = () => `{ servicePackages { ${selectAll(schema.getType('ServicePackage') as GraphQLObjectType, 4)} } }`;

beforeAll(async () => {
  schema = await buildApiSchema();
  // The walk asks for every field at once: far over the production query limits, which apiProtection.test.ts covers.
  app = await startTestApplication({ api: { limits: { maxDepth: 30, maxAliases: 10_000, maxCost: 10_000_000, maxTokens: 100_000, maxDirectives: 50 } } });
  const created = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
    input: { clientId: SEED_CLIENTS[0]!.id, name: 'Acme portal', packageCode: 'PREMIUM', projectLead: 'lin.pm', contractValue: CONTRACT_VALUE },
  });
  expect(created.errors).toBeUndefined();
  acmeProjectId = created.data!.createProject.id;
  const act = async (mutation: string, input: Record<string, unknown>) => {
    const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
    const response = await app.gql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input: { projectId: acmeProjectId, ...input } });
    expect(response.errors, mutation).toBeUndefined();
  };
  await act('recordCost', { phase: 'RESEARCH', amount: COST, note: 'Competitor audit' });
  await act('requestChangeOrder', { kind: 'EXTRA_RESEARCH', reason: 'Second market', amount: CHANGE_ORDER_AMOUNT });
  await act('addRequirement', { title: 'Checkout' });
  await act('logCommunicationRound', { channel: 'CALL', summary: 'Kick-off', attendees: ['client'] });
});

afterAll(async () => {
  await app?.stop();
});

describe('staged disclosure over every field', () => {
  it.each(['admin', 'lin.pm'])('%s (agency staff) reads every field of a project, confidential ones included', async (user) => {
    const response = await app.gql(PROJECT_QUERY(), { id: acmeProjectId }, { as: user });
    expect(response.errors).toBeUndefined();
    const present = presentFields(response.data!.project, schema.getType('Project') as GraphQLObjectType);
    for (const field of ['Project.contractValue', 'Project.costEntries', 'Project.costShares', 'ChangeOrder.amount', 'ChangeOrderEventDetails.amount', 'CostRecordedDetails.amount']) {
      expect(present, field).toContain(field);
    }
    expect(response.data!.project.timeline.map((event: any) => event.type)).toContain('COST_RECORDED');
  });

  it.each(['mia.csm', 'acme.client'])('%s reads the project without one confidential value, and is told FORBIDDEN for each', async (user) => {
    const response = await app.gql(PROJECT_QUERY(), { id: acmeProjectId }, { as: user });
    expect(response.data!.project.id).toBe(acmeProjectId);
    const present = presentFields(response.data!.project, schema.getType('Project') as GraphQLObjectType);
    expect([...present].filter((field) => CONFIDENTIAL.has(field))).toEqual([]);
    // Every error is a FORBIDDEN on a confidential field, and nothing else failed.
    for (const error of response.errors ?? []) {
      expect(error.extensions?.code, error.message).toBe('FORBIDDEN');
      const field = String((error as any).path.at(-1)).split('__').at(-1);
      expect(['contractValue', 'costEntries', 'costShares', 'amount', 'costShareGuardrails', 'industrySolution', 'tierSuggestion', 'tierHistory']).toContain(field);
    }
    const text = JSON.stringify(response.data);
    for (const secret of SECRET_FORMS) expect(text, `leaks ${secret}`).not.toContain(secret);
    // Internal events are not in the timeline at all; the rest is.
    const types = response.data!.project.timeline.map((event: any) => event.type);
    expect(types).not.toContain('COST_RECORDED');
    expect(types).toEqual(expect.arrayContaining(['PROJECT_CREATED', 'CHANGE_ORDER_REQUESTED', 'REQUIREMENT_ADDED', 'COMMUNICATION_ROUND_LOGGED']));
  });

  it.each(['mia.csm', 'acme.client'])('%s walks every field of the project and client lists without one confidential value', async (user) => {
    const connection = (name: string) => selectAll(schema.getType(name) as GraphQLObjectType, 5);
    const response = await app.gql(`{ projects(first: 50) { ${connection('ProjectConnection')} } clients(first: 50) { ${connection('ClientConnection')} } }`, {}, { as: user });
    expect(response.data!.projects.edges.length).toBeGreaterThan(0);
    const present = presentFields(response.data, schema.getType('Query') as GraphQLObjectType);
    expect([...present].filter((field) => CONFIDENTIAL.has(field))).toEqual([]);
    for (const error of response.errors ?? []) expect(error.extensions?.code, error.message).toBe('FORBIDDEN');
    const text = JSON.stringify(response.data);
    for (const secret of SECRET_FORMS) expect(text, `leaks ${secret}`).not.toContain(secret);
    if (user === 'acme.client') {
      // Only its own client's projects and its own client.
      expect(new Set(response.data!.projects.edges.map((edge: any) => edge.node.client.id))).toEqual(new Set([SEED_CLIENTS[0]!.id]));
      expect(response.data!.clients.edges.map((edge: any) => edge.node.id)).toEqual([SEED_CLIENTS[0]!.id]);
      expect(text).not.toContain('COST_RECORDED');
    }
  });

  it("hides another client's project from a CLIENT as if it did not exist", async () => {
    const response = await app.gql(PROJECT_QUERY(), { id: acmeProjectId }, { as: 'globex.client' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.project).toBeNull();
    const client = await app.gql(`query ($id: UUID!) { client(id: $id) { name } }`, { id: SEED_CLIENTS[0]!.id }, { as: 'globex.client' });
    expect(client.data!.client).toBeNull();
    const own = await app.gql(`query ($id: UUID!) { client(id: $id) { name } }`, { id: SEED_CLIENTS[1]!.id }, { as: 'globex.client' });
    expect(own.data!.client).toEqual({ name: SEED_CLIENTS[1]!.name });
  });

  it('refuses anonymous callers everything but the public catalog', async () => {
    const project = await app.gql(PROJECT_QUERY(), { id: acmeProjectId }, { as: null });
    expect(project.data?.project ?? null).toBeNull();
    expect(project.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const client = await app.gql(`query ($id: UUID!) { client(id: $id) { name } }`, { id: SEED_CLIENTS[0]!.id }, { as: null });
    expect(client.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([null, 'acme.client', 'mia.csm'])('shows %s the public part of every package and nothing of the cost structure', async (user) => {
    const response = await app.gql(CATALOG_QUERY(), {}, { as: user });
    expect(response.data!.servicePackages.length).toBeGreaterThan(0);
    const present = presentFields(response.data!.servicePackages, schema.getType('ServicePackage') as GraphQLObjectType);
    expect([...present].filter((field) => CONFIDENTIAL.has(field))).toEqual([]);
    for (const field of ['PackagePolicy.minCommunicationRounds', 'PackagePolicy.minReviewRounds', 'PackagePolicy.stressTestThresholds']) expect(present).toContain(field);
    for (const error of response.errors ?? []) expect(error.extensions?.code).toBe(user === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });

  it('lets staff read the whole catalog, cost structure included', async () => {
    const response = await app.gql(CATALOG_QUERY(), {}, { as: 'lin.pm' });
    expect(response.errors).toBeUndefined();
    const present = presentFields(response.data!.servicePackages, schema.getType('ServicePackage') as GraphQLObjectType);
    expect(present).toContain('PackagePolicy.costShareGuardrails');
  });
});

describe('who may act', () => {
  const LOG_ROUND = `mutation ($input: LogCommunicationRoundInput!) { logCommunicationRound(input: $input) { progress { communicationRounds } } }`;
  const round = () => ({ input: { projectId: acmeProjectId, channel: 'CALL', summary: 'Call', attendees: ['client'] } });

  it.each([
    ['sam.pm', 'FORBIDDEN'],
    ['mia.csm', 'FORBIDDEN'],
    ['acme.client', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ])('refuses %s acting on a project it does not lead, with %s, and changes nothing', async (user, code) => {
    const [before] = await app.sql('select count(*)::int as n from timeline_event where project_id = $1', [acmeProjectId]);
    const response = await app.gql(LOG_ROUND, round(), { as: user });
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(await app.sql('select count(*)::int as n from timeline_event where project_id = $1', [acmeProjectId])).toEqual([before]);
  });

  it('lets the lead and an ADMIN act, and records who did', async () => {
    expect((await app.gql(LOG_ROUND, round(), { as: 'lin.pm' })).errors).toBeUndefined();
    expect((await app.gql(LOG_ROUND, round(), { as: 'admin' })).errors).toBeUndefined();
    const actors = await app.sql(`select actor from timeline_event where project_id = $1 and type = 'COMMUNICATION_ROUND_LOGGED' order by seq`, [acmeProjectId]);
    expect(actors.slice(-2).map((row) => row.actor)).toEqual(['lin.pm', 'admin']);
  });

  it('lets only staff create clients and projects, and only for a LEAD', async () => {
    for (const user of ['mia.csm', 'acme.client']) {
      const refused = await app.gql(`mutation { createClient(input: { name: "Sneaky", tier: C }) { id } }`, {}, { as: user });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const notALead = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
      input: { clientId: SEED_CLIENTS[1]!.id, name: 'Led by a CSM', packageCode: 'STANDARD', projectLead: 'mia.csm' },
    });
    expect(notALead.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'projectLead' });
  });
});

describe('viewer', () => {
  it.each(['admin', 'lin.pm', 'mia.csm', 'acme.client'])('tells %s who it is signed in as', async (username) => {
    const seeded = SEED_USERS.find((user) => user.username === username)!;
    const response = await app.gql(`{ viewer { id username displayName role clientId } }`, {}, { as: username });
    expect(response.errors).toBeUndefined();
    expect(response.data!.viewer).toEqual({ id: seeded.id, username, displayName: seeded.displayName, role: seeded.role, clientId: seeded.clientId });
  });

  it('is null for an anonymous request', async () => {
    expect(await app.gql(`{ viewer { username } }`, {}, { as: null })).toEqual({ data: { viewer: null } });
  });
});
