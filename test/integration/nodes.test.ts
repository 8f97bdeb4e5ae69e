import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CLIENTS, SEED_USERS } from '../../src/identity/domain/seedUsers.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Relay Global Object Identification: every `Node` type's id, read through its normal
 * field, fetches the same object again through `node(id)` and `nodes(ids)`, under the
 * same row scope as the direct queries.
 */

let app: TestApplication;
let acmeProjectId: string;
let globexProjectId: string;
/** Global ids by Node type, read through each type's normal field (lin.pm's view). */
const ids: Record<string, string> = {};
/** The id of the acme project's COST_RECORDED timeline event. */
let costEventId: string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function createProject(clientId: string, name: string): Promise<string> {
  const created = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
    input: { clientId, name, packageCode: 'PREMIUM', projectLead: 'lin.pm', contractValue: 50_000 },
  });
  expect(created.errors).toBeUndefined();
  return created.data!.createProject.id;
}

beforeAll(async () => {
  app = await startTestApplication();
  acmeProjectId = await createProject(SEED_CLIENTS[0]!.id, 'Acme nodes');
  globexProjectId = await createProject(SEED_CLIENTS[1]!.id, 'Globex nodes');
  const act = async (mutation: string, input: Record<string, unknown>) => {
    const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
    const response = await app.gql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input: { projectId: acmeProjectId, ...input } });
    expect(response.errors, mutation).toBeUndefined();
  };
  await act('recordCost', { phase: 'RESEARCH', amount: 120, note: 'Audit' });
  await act('requestChangeOrder', { kind: 'EXTRA_RESEARCH', reason: 'Second market', amount: 300 });
  await act('addRequirement', { title: 'Checkout' });
  // Site checks and monitoring reports come from the stress test and after-care: planted here.
  await app.sql(
    `insert into site_check (project_id, run, slot, index, kind, checked_at, ok, status, latency_ms, error) values ($1, 'stress-1', 'day1-probe3', 0, 'PROBE', now(), true, 200, 42, null)`,
    [acmeProjectId],
  );
  await app.sql(
    `insert into monitoring_report (project_id, month, checks, failed, availability, p95_latency_ms, reported_at) values ($1, 1, 30, 0, 1, 80, now())`,
    [acmeProjectId],
  );

  const project = await app.gql(
    `query ($id: UUID!) { project(id: $id) {
      id client { id } servicePackage { id } addOns { id } requirements { id } changeOrders { id } costEntries { id }
      timeline { id type } siteChecks { id } monitoringReports { id } } }`,
    { id: acmeProjectId },
  );
  expect(project.errors).toBeUndefined();
  const p = project.data!.project;
  Object.assign(ids, {
    Project: p.id,
    Client: p.client.id,
    ServicePackage: p.servicePackage.id,
    Requirement: p.requirements[0].id,
    ChangeOrder: p.changeOrders[0].id,
    CostEntry: p.costEntries[0].id,
    TimelineEvent: p.timeline[0].id,
    SiteCheck: p.siteChecks[0].id,
    MonitoringReport: p.monitoringReports[0].id,
  });
  costEventId = p.timeline.find((event: any) => event.type === 'COST_RECORDED').id;
  const catalog = await app.gql(`{ addOnPacks { id } servicePackageVersions(code: "PREMIUM") { id } addOnPackVersions(code: "EXTRA_ITERATION_ROUND") { id } }`);
  expect(catalog.errors).toBeUndefined();
  ids.AddOnPack = catalog.data!.addOnPacks[0].id;
  ids.ServicePackageVersion = catalog.data!.servicePackageVersions[0].id;
  ids.AddOnPackVersion = catalog.data!.addOnPackVersions[0].id;
  ids.User = (await app.gql(`{ viewer { id } }`)).data!.viewer.id;
});

afterAll(async () => {
  await app?.stop();
});

/** A field of each Node type to read back, proving `node` answered the object itself. */
const FIELD: Record<string, string> = {
  Project: 'name',
  Client: 'name',
  ServicePackage: 'code',
  AddOnPack: 'code',
  ServicePackageVersion: 'version',
  AddOnPackVersion: 'version',
  Requirement: 'title',
  ChangeOrder: 'reason',
  CostEntry: 'note',
  TimelineEvent: 'seq',
  SiteCheck: 'slot',
  MonitoringReport: 'month',
  User: 'username',
};

const NODE = (type: string) => `query ($id: ID!) { node(id: $id) { __typename id ... on ${type} { ${FIELD[type]} } } }`;

describe('node(id)', () => {
  it('keeps UUID keys as global ids and makes the others opaque', () => {
    for (const type of ['Project', 'Client', 'Requirement', 'ChangeOrder', 'CostEntry']) expect(ids[type], type).toMatch(UUID);
    for (const type of ['ServicePackage', 'AddOnPack', 'ServicePackageVersion', 'AddOnPackVersion', 'TimelineEvent', 'SiteCheck', 'MonitoringReport']) {
      expect(ids[type], type).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(ids[type]!, 'base64url').toString().startsWith(`${type}:`), type).toBe(true);
    }
    expect(ids.Requirement).toBe(ids.Requirement!.toLowerCase());
  });

  it.each(Object.keys(FIELD))('fetches a %s again by its id', async (type) => {
    const response = await app.gql(NODE(type), { id: ids[type] }, { as: 'admin' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.node).toMatchObject({ __typename: type, id: ids[type] });
    expect(response.data!.node[FIELD[type]!]).not.toBeNull();
  });

  it('reads the fields of the object found', async () => {
    const response = await app.gql(`query ($id: ID!) { node(id: $id) { ... on Project { id name client { name } } } }`, { id: acmeProjectId });
    expect(response.data!.node).toEqual({ id: acmeProjectId, name: 'Acme nodes', client: { name: SEED_CLIENTS[0]!.name } });
    const requirement = await app.gql(NODE('Requirement'), { id: ids.Requirement });
    expect(requirement.data!.node.title).toBe('Checkout');
  });

  it('answers null for an unknown UUID and for ids it did not make', async () => {
    const unknown = ['7a6a5f1e-2f0c-4c7e-9b1d-3f7e4e0c9a11', 'garbage', '', 'not base64!', Buffer.from('Project:x').toString('base64url'),
      Buffer.from('TimelineEvent:not-a-uuid:1').toString('base64url'), Buffer.from('TimelineEvent:' + acmeProjectId + ':999').toString('base64url'),
      Buffer.from('Nothing:1').toString('base64url'), 'x'.repeat(1000)];
    for (const id of unknown) {
      const response = await app.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(response.errors, id).toBeUndefined();
      expect(response.data!.node, id).toBeNull();
    }
  });

  it("gives a CLIENT null for another client's objects, internal events and costs", async () => {
    const globex = await app.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: globexProjectId }, { as: 'acme.client' });
    expect(globex.errors).toBeUndefined();
    expect(globex.data!.node).toBeNull();
    for (const type of ['Project', 'Requirement', 'ChangeOrder', 'TimelineEvent', 'SiteCheck', 'MonitoringReport', 'Client']) {
      const own = await app.gql(NODE(type), { id: ids[type] }, { as: 'acme.client' });
      expect(own.data!.node?.id, `acme.client reads its own ${type}`).toBe(ids[type]);
      const other = await app.gql(NODE(type), { id: ids[type] }, { as: 'globex.client' });
      expect(other.errors, type).toBeUndefined();
      expect(other.data!.node, `globex.client and acme's ${type}`).toBeNull();
    }
    // Staff users are not a client's to read; its own users are.
    const acmeUser = SEED_USERS.find((user) => user.username === 'acme.client')!.id;
    expect((await app.gql(NODE('User'), { id: acmeUser }, { as: 'acme.client' })).data!.node).toMatchObject({ username: 'acme.client' });
    for (const id of [costEventId, ids.CostEntry, ids.ServicePackageVersion, ids.AddOnPackVersion, ids.User]) {
      const response = await app.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id }, { as: 'acme.client' });
      expect(response.errors).toBeUndefined();
      expect(response.data!.node, id).toBeNull();
    }
    const staff = await app.gql(`query ($id: ID!) { node(id: $id) { ... on TimelineEvent { type } } }`, { id: costEventId }, { as: 'lin.pm' });
    expect(staff.data!.node).toEqual({ type: 'COST_RECORDED' });
  });

  it('refuses anonymous callers', async () => {
    const response = await app.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: acmeProjectId }, { as: null });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const many = await app.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [acmeProjectId] }, { as: null });
    expect(many.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('nodes(ids)', () => {
  it('answers every id in order, null where node would', async () => {
    const asked = [...Object.values(ids), 'garbage', globexProjectId, acmeProjectId];
    const response = await app.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: asked }, { as: 'acme.client' });
    expect(response.errors).toBeUndefined();
    const answered = response.data!.nodes.map((node: any) => node?.id ?? null);
    const readable = (type: string) => !['CostEntry', 'ServicePackageVersion', 'AddOnPackVersion', 'User'].includes(type);
    expect(answered).toEqual([...Object.entries(ids).map(([type, id]) => (readable(type) ? id : null)), null, null, acmeProjectId]);
    expect(response.data!.nodes.map((node: any) => node?.__typename ?? null).slice(0, Object.keys(ids).length)).toEqual(
      Object.keys(ids).map((type) => (readable(type) ? type : null)),
    );
  });

  it('refuses more than 100 ids', async () => {
    const response = await app.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => acmeProjectId) });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds the type of every UUID asked for in one statement', async () => {
    const logger = app.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    const statements: string[] = [];
    logger.logQuery = (context) => {
      statements.push(context.query ?? '');
      return original(context);
    };
    try {
      const uuids = ['Project', 'Client', 'Requirement', 'ChangeOrder', 'CostEntry'].map((type) => ids[type]);
      const response = await app.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: uuids }, { as: 'admin' });
      expect(response.data!.nodes.map((node: any) => node.id)).toEqual(uuids);
    } finally {
      logger.logQuery = original;
    }
    expect(statements.filter((sql) => /union all/.test(sql))).toHaveLength(1);
  });
});
