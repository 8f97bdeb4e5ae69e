import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { type GraphQLResponse, ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Lists as Relay connections over real HTTP: `projects`, `clients` and
 * `Project.timelineItems` paged forward and backward under every order and filter, in
 * each viewer's scope, with opaque keyset cursors; and a page of projects with their
 * clients, packages and latest events costs the same few SQL statements at any size.
 *
 * The 60 projects are real ones (created through the API, each with its SOP workflow).
 * The only SQL edit is of `created_at` on a few of them, to give them equal creation
 * times so that ties (broken by id) cross page boundaries.
 */

const PROJECTS = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: ProjectFilter, $orderBy: ProjectOrder) {
  projects(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const CLIENTS = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: ClientFilter) {
  clients(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    edges { cursor node { id name tier } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const TIMELINE_ITEMS = `query ($id: UUID!, $first: Int, $after: String, $last: Int, $before: String) {
  project(id: $id) {
    timeline { seq type }
    timelineItems(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { seq type actor } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

interface Row {
  id: string;
  name: string;
  created_at: Date;
  updated_at: Date;
  stage: string;
  project_lead: string;
  service_package_code: string;
  client_id: string;
  tier: string;
}

interface PageResult {
  totalCount: number;
  edges: { cursor: string; node: { id: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

let app: TestApplication;
let rows: Row[];
let initechId: string;
let timelineProjectId: string;

const ORDERS = [
  { field: 'CREATED_AT', direction: 'DESC' },
  { field: 'CREATED_AT', direction: 'ASC' },
  { field: 'NAME', direction: 'ASC' },
  { field: 'NAME', direction: 'DESC' },
  { field: 'UPDATED_AT', direction: 'ASC' },
  { field: 'UPDATED_AT', direction: 'DESC' },
] as const;

async function projectsPage(variables: Record<string, unknown>, as: string | null = 'lin.pm'): Promise<PageResult> {
  return ok(await app.gql<{ projects: PageResult }>(PROJECTS, variables, { as })).projects;
}

function errorOf(response: GraphQLResponse) {
  expect(response.data?.projects ?? response.data?.clients ?? null).toBeNull();
  return response.errors?.[0]?.extensions;
}

/** Ids in the order Postgres sorts them (names by the database's collation), id breaking ties. */
async function expectedOrder(field: string, direction: string, where = 'true', params: unknown[] = []): Promise<string[]> {
  const column = { CREATED_AT: 'created_at', NAME: 'name', UPDATED_AT: 'updated_at' }[field]!;
  const dir = direction === 'ASC' ? 'asc' : 'desc';
  const found = await app.sql<{ id: string }>(`select p.id from project p join client c on c.id = p.client_id where ${where} order by p.${column} ${dir}, p.id ${dir}`, params);
  return found.map((row) => row.id);
}

/** Every page from the start, `first: size` after the previous end cursor. */
async function forwardThrough(size: number, variables: Record<string, unknown>, as: string | null = 'lin.pm') {
  const pages: PageResult[] = [];
  let after: string | null = null;
  do {
    pages.push(await projectsPage({ ...variables, first: size, after }, as));
    after = pages.at(-1)!.pageInfo.endCursor;
  } while (pages.at(-1)!.pageInfo.hasNextPage);
  return pages;
}

/** Every page from the end, `last: size` before the previous start cursor. */
async function backwardThrough(size: number, variables: Record<string, unknown>, as: string | null = 'lin.pm') {
  const pages: PageResult[] = [];
  let before: string | null = null;
  do {
    pages.push(await projectsPage({ ...variables, last: size, before }, as));
    before = pages.at(-1)!.pageInfo.startCursor;
  } while (pages.at(-1)!.pageInfo.hasPreviousPage);
  return pages;
}

const idsOf = (pages: PageResult[]) => pages.flatMap((page) => page.edges.map((edge) => edge.node.id));

async function createProject(input: { clientId: string; name: string; packageCode: string; projectLead: string }) {
  return ok(await app.gql<{ createProject: { id: string } }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input }))
    .createProject.id;
}

beforeAll(async () => {
  app = await startTestApplication();
  initechId = ok(
    await app.gql<{ createClient: { id: string } }>(`mutation { createClient(input: { name: "Initech Labs", tier: C }) { id } }`),
  ).createClient.id;

  // 24 projects for Acme (tier A, acme.client's client), 18 for Globex (B), 18 for Initech (C),
  // on the three packages, led by lin.pm and sam.pm; names with % and _ to test escaping.
  const clients = [
    ...Array.from({ length: 24 }, () => SEED_CLIENTS[0]!.id),
    ...Array.from({ length: 18 }, () => SEED_CLIENTS[1]!.id),
    ...Array.from({ length: 18 }, () => initechId),
  ];
  const specialNames: Record<number, string> = { 3: '100% Uptime portal', 17: 'snake_case API', 31: 'Back\\slash shop', 44: 'Percent%Sign web SHOP' };
  const inputs = clients.map((clientId, i) => ({
    clientId,
    name: specialNames[i] ?? `${['Web shop', 'Intranet', 'Booking site', 'Landing page'][i % 4]} ${String(i).padStart(2, '0')}`,
    packageCode: ['STANDARD', 'PREMIUM', 'CUSTOM'][i % 3]!,
    projectLead: i % 2 === 0 ? 'lin.pm' : 'sam.pm',
  }));
  const ids: string[] = [];
  for (const input of inputs) ids.push(await createProject(input));
  // Some stages other than REQUIREMENTS, and later updated_at values.
  for (const id of ids.filter((_, i) => i % 7 === 5)) {
    ok(await app.gql(`mutation ($input: CancelProjectInput!) { cancelProject(input: $input) { stage } }`, { input: { projectId: id, reason: 'Paused' } }, { as: 'admin' }));
  }
  // Ties: six projects created at the very same instant as a seventh.
  await app.sql(`update project set created_at = (select created_at from project where id = $1) where id = any($2::uuid[])`, [
    ids[20],
    [ids[2], ids[9], ids[33], ids[40], ids[51], ids[58]],
  ]);

  // A project with a longer timeline, and a cost only staff may see.
  timelineProjectId = ids[0]!;
  const round = (n: number) =>
    app.gql(`mutation ($input: LogCommunicationRoundInput!) { logCommunicationRound(input: $input) { stage } }`, {
      input: { projectId: timelineProjectId, channel: 'MEETING', summary: `Workshop ${n}`, attendees: ['client CTO', 'lin.pm'] },
    });
  for (const n of [1, 2, 3]) ok(await round(n));
  ok(await app.gql(`mutation { recordCost(input: { projectId: "${timelineProjectId}", phase: RESEARCH, amount: 900 }) { id } }`));
  ok(await round(4));

  rows = await app.sql<Row>(
    `select p.id, p.name, p.created_at, p.updated_at, p.stage, p.project_lead, p.service_package_code, p.client_id, c.tier
     from project p join client c on c.id = p.client_id`,
  );
  expect(rows).toHaveLength(60);
});

afterAll(async () => {
  await app?.stop();
});

describe('projects: a Relay connection', () => {
  it.each(ORDERS)('pages forward through every project exactly once, in $field $direction order', async (orderBy) => {
    const expected = await expectedOrder(orderBy.field, orderBy.direction);
    const pages = await forwardThrough(7, { orderBy });
    expect(idsOf(pages)).toEqual(expected);
    expect(pages).toHaveLength(9);
    expect(pages.map((page) => page.edges.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, true, true, true, true, true, true, false]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true, true, true, true, true, true, true]);
    for (const page of pages) {
      expect(page.totalCount).toBe(60);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    }
  });

  it.each(ORDERS)('pages backward with last/before through the same list in $field $direction order', async (orderBy) => {
    const expected = await expectedOrder(orderBy.field, orderBy.direction);
    const pages = await backwardThrough(8, { orderBy });
    // Pages come from the end of the list; each is in list order.
    expect(idsOf([...pages].reverse())).toEqual(expected);
    expect(pages.map((page) => page.edges.length)).toEqual([8, 8, 8, 8, 8, 8, 8, 4]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([true, true, true, true, true, true, true, false]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([false, true, true, true, true, true, true, true]);
  });

  it('turns around: forward from a cursor and backward from the next page give the same pages', async () => {
    const orderBy = { field: 'NAME', direction: 'ASC' };
    const first = await projectsPage({ first: 10, orderBy });
    const second = await projectsPage({ first: 10, after: first.pageInfo.endCursor, orderBy });
    const backAgain = await projectsPage({ last: 10, before: second.pageInfo.startCursor, orderBy });
    expect(backAgain.edges).toEqual(first.edges);
    expect(backAgain.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // Between two cursors: only what lies strictly between them.
    const between = await projectsPage({ first: 100, after: first.edges[2]!.cursor, before: first.edges[7]!.cursor, orderBy });
    expect(between.edges.map((edge) => edge.node.id)).toEqual(first.edges.slice(3, 7).map((edge) => edge.node.id));
  });

  it('is newest first, 20 at a time, unless told otherwise; first: 0 only counts', async () => {
    const page = await projectsPage({});
    expect(page.edges.map((edge) => edge.node.id)).toEqual((await expectedOrder('CREATED_AT', 'DESC')).slice(0, 20));
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const none = await projectsPage({ first: 0 });
    expect(none).toEqual({ totalCount: 60, edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null } });
    const all = await projectsPage({ first: 100 });
    expect(all.edges).toHaveLength(60);
    expect(all.pageInfo.hasNextPage).toBe(false);
  });

  const byFilter = (filter: Record<string, unknown>, keep: (row: Row) => boolean) => ({ filter, keep });
  it.each([
    ['stage', byFilter({ stage: ['CANCELLED'] }, (row) => row.stage === 'CANCELLED')],
    ['stage (several)', byFilter({ stage: ['CANCELLED', 'REQUIREMENTS'] }, () => true)],
    ['stage (empty list)', byFilter({ stage: [] }, () => false)],
    ['packageCode', byFilter({ packageCode: ['PREMIUM', 'CUSTOM'] }, (row) => row.service_package_code !== 'STANDARD')],
    ['clientId', byFilter({ clientId: [SEED_CLIENTS[1]!.id] }, (row) => row.client_id === SEED_CLIENTS[1]!.id)],
    ['projectLead', byFilter({ projectLead: ['sam.pm'] }, (row) => row.project_lead === 'sam.pm')],
    ['tier', byFilter({ tier: ['A', 'C'] }, (row) => row.tier !== 'B')],
    ['nameContains, ignoring case', byFilter({ nameContains: 'SHOP' }, (row) => row.name.toLowerCase().includes('shop'))],
    ['nameContains with a literal %', byFilter({ nameContains: '%' }, (row) => row.name.includes('%'))],
    ['nameContains with a literal _', byFilter({ nameContains: 'e_c' }, (row) => row.name.includes('e_c'))],
    ['nameContains with a literal backslash', byFilter({ nameContains: 'k\\s' }, (row) => row.name.includes('k\\s'))],
    ['several criteria at once', byFilter({ tier: ['A'], projectLead: ['lin.pm'], packageCode: ['STANDARD'] }, (row) => row.tier === 'A' && row.project_lead === 'lin.pm' && row.service_package_code === 'STANDARD')],
  ])('filters by %s, totalCount included', async (_name, { filter, keep }) => {
    const expected = rows.filter(keep).map((row) => row.id);
    const pages = await forwardThrough(25, { filter });
    expect(idsOf(pages).sort()).toEqual([...expected].sort());
    for (const page of pages) expect(page.totalCount).toBe(expected.length);
  });

  it('filters by creation time, strictly after and strictly before', async () => {
    const times = [...new Set(rows.map((row) => row.created_at.getTime()))].sort((a, b) => a - b);
    const after = new Date(times[10]!);
    const before = new Date(times[40]!);
    const expected = rows.filter((row) => row.created_at > after && row.created_at < before).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(20);
    const pages = await forwardThrough(50, { filter: { createdAfter: after.toISOString(), createdBefore: before.toISOString() } });
    expect(idsOf(pages).sort()).toEqual(expected.sort());
    expect(pages[0]!.totalCount).toBe(expected.length);
  });

  it('keeps cursors opaque and refuses any it did not make, naming the argument', async () => {
    const page = await projectsPage({ first: 3, orderBy: { field: 'NAME', direction: 'ASC' } });
    const cursor = page.edges[1]!.cursor;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(page.edges[1]!.node.id);

    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tampered = [
      'not a cursor!',
      `${cursor}x`,
      cursor.slice(0, -3),
      encode({ name: 'x' }),
      encode(['Web shop 01']),
      encode(['Web shop 01', 'not-a-uuid']),
      encode([42, page.edges[1]!.node.id]),
      encode(['nul\u0000name', page.edges[1]!.node.id]),
      Buffer.from('["unterminated').toString('base64url'),
    ];
    for (const bad of tampered) {
      for (const argument of ['after', 'before'] as const) {
        const refused = await app.gql(PROJECTS, { first: 3, [argument]: bad, orderBy: { field: 'NAME', direction: 'ASC' } });
        expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: argument });
      }
    }
    // A name cursor is no creation-time cursor.
    const asCreated = await app.gql(PROJECTS, { first: 3, after: cursor, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(errorOf(asCreated)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ last: 101 }, 'last'],
    [{ first: -1 }, 'first'],
    [{ last: -5 }, 'last'],
    [{ first: 5, last: 5 }, 'last'],
  ])('refuses page arguments %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const refused = await app.gql(PROJECTS, variables);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(refused.errors![0]!.message).toContain(field);
  });

  it('refuses oversized filters and anonymous callers', async () => {
    const tooMany = await app.gql(PROJECTS, { filter: { projectLead: Array.from({ length: 101 }, (_, i) => `lead${i}`) } });
    expect(errorOf(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(await app.gql(PROJECTS, {}, { as: null }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await app.gql(CLIENTS, {}, { as: null }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("shows a CLIENT only its own client's projects, in every page, filter and count", async () => {
    const acme = rows.filter((row) => row.client_id === SEED_CLIENTS[0]!.id).map((row) => row.id);
    const pages = await forwardThrough(10, { orderBy: { field: 'NAME', direction: 'DESC' } }, 'acme.client');
    expect(idsOf(pages).sort()).toEqual([...acme].sort());
    expect(idsOf(pages)).toEqual(await expectedOrder('NAME', 'DESC', 'p.client_id = $1', [SEED_CLIENTS[0]!.id]));
    expect(pages[0]!.totalCount).toBe(24);
    expect(idsOf(await backwardThrough(10, {}, 'acme.client')).sort()).toEqual([...acme].sort());
    // Asking for another client's projects finds none rather than leaking them.
    const other = await projectsPage({ filter: { clientId: [SEED_CLIENTS[1]!.id, initechId] } }, 'acme.client');
    expect(other).toMatchObject({ totalCount: 0, edges: [] });
    const globex = await projectsPage({ first: 100 }, 'globex.client');
    expect(globex.totalCount).toBe(18);
    expect(globex.edges.every((edge) => rows.find((row) => row.id === edge.node.id)!.client_id === SEED_CLIENTS[1]!.id)).toBe(true);
  });
});

describe('clients: a Relay connection by name', () => {
  it('pages through every client a viewer may see, forward and backward', async () => {
    const all = await app.sql<{ id: string }>('select id from client order by name, id');
    const forward: string[] = [];
    let after: string | null = null;
    let more = true;
    while (more) {
      const page: PageResult = ok(await app.gql<{ clients: PageResult }>(CLIENTS, { first: 2, after })).clients;
      forward.push(...page.edges.map((edge) => edge.node.id));
      expect(page.totalCount).toBe(all.length);
      after = page.pageInfo.endCursor;
      more = page.pageInfo.hasNextPage;
    }
    expect(forward).toEqual(all.map((row) => row.id));

    const last = ok(await app.gql<{ clients: PageResult }>(CLIENTS, { last: 2 })).clients;
    expect(last.edges.map((edge) => edge.node.id)).toEqual(all.slice(-2).map((row) => row.id));
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: all.length > 2, hasNextPage: false });
  });

  it('filters by name and tier', async () => {
    const byTier = ok(await app.gql<{ clients: PageResult }>(CLIENTS, { filter: { tier: ['C'] } })).clients;
    expect(byTier.edges.map((edge) => edge.node.id)).toEqual([initechId]);
    expect(byTier.totalCount).toBe(1);
    const byName = ok(await app.gql<{ clients: PageResult }>(CLIENTS, { filter: { nameContains: 'globex' } })).clients;
    expect(byName.edges.map((edge) => edge.node.name)).toEqual(['Globex Retail']);
    const literal = ok(await app.gql<{ clients: PageResult }>(CLIENTS, { filter: { nameContains: '_' } })).clients;
    expect(literal).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('shows a CLIENT only its own client', async () => {
    const own = ok(await app.gql<{ clients: PageResult }>(CLIENTS, { first: 100 }, { as: 'acme.client' })).clients;
    expect(own.edges.map((edge) => edge.node.id)).toEqual([SEED_CLIENTS[0]!.id]);
    expect(own.totalCount).toBe(1);
    const refused = await app.gql(CLIENTS, { after: 'x' }, { as: 'acme.client' });
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('Project.timelineItems: the timeline a page at a time', () => {
  type TimelinePage = { totalCount: number; edges: { cursor: string; node: { seq: number; type: string } }[]; pageInfo: PageResult['pageInfo'] };
  const timelinePage = async (variables: Record<string, unknown>, as = 'lin.pm') =>
    ok(await app.gql<{ project: { timeline: { seq: number; type: string }[]; timelineItems: TimelinePage } }>(TIMELINE_ITEMS, { id: timelineProjectId, ...variables }, { as }))
      .project;

  it.each([
    ['lin.pm', [0, 1, 2, 3, 4, 5]],
    ['acme.client', [0, 1, 2, 3, 5]],
  ] as const)('pages in seq order for %s, internal events hidden from a CLIENT in SQL, so pages keep their size', async (as, seqs) => {
    const forward: number[] = [];
    const infos: PageResult['pageInfo'][] = [];
    let after: string | null = null;
    let timeline: { seq: number; type: string }[];
    do {
      const project = await timelinePage({ first: 2, after }, as);
      timeline = project.timeline;
      expect(project.timelineItems.totalCount).toBe(seqs.length);
      expect(project.timelineItems.edges.length).toBe(Math.min(2, seqs.length - forward.length));
      forward.push(...project.timelineItems.edges.map((edge) => edge.node.seq));
      infos.push(project.timelineItems.pageInfo);
      after = project.timelineItems.pageInfo.endCursor;
    } while (infos.at(-1)!.hasNextPage);
    expect(forward).toEqual(seqs);
    expect(timeline.map((event) => event.seq)).toEqual(seqs);
    expect(infos.map((info) => info.hasPreviousPage)).toEqual(infos.map((_, i) => i > 0));

    const backward: number[] = [];
    let before: string | null = null;
    let more = true;
    while (more) {
      const page: TimelinePage = (await timelinePage({ last: 2, before }, as)).timelineItems;
      backward.unshift(...page.edges.map((edge) => edge.node.seq));
      before = page.pageInfo.startCursor;
      more = page.pageInfo.hasPreviousPage;
    }
    expect(backward).toEqual(seqs);

    const latest = (await timelinePage({ last: 1 }, as)).timelineItems;
    expect(latest.edges.map((edge) => edge.node)).toEqual([{ seq: 5, type: 'COMMUNICATION_ROUND_LOGGED', actor: 'lin.pm' }]);
    expect(latest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('shows staff the cost event and refuses bad cursors and sizes', async () => {
    const page = (await timelinePage({ first: 1, after: (await timelinePage({ first: 4 })).timelineItems.pageInfo.endCursor })).timelineItems;
    expect(page.edges.map((edge) => edge.node.type)).toEqual(['COST_RECORDED']);
    for (const [variables, field] of [
      [{ first: 101 }, 'first'],
      [{ after: Buffer.from('["3"]').toString('base64url') }, 'after'],
      [{ before: Buffer.from('[-1]').toString('base64url') }, 'before'],
    ] as const) {
      const refused = await app.gql(TIMELINE_ITEMS, { id: timelineProjectId, ...variables });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('a page costs a constant number of SQL statements', () => {
  const LIST = `query ($first: Int) {
    projects(first: $first) {
      totalCount
      edges { node {
        id name client { name tier } servicePackage { code } projectLead lead { username displayName role } stage progress { communicationRounds stressTest }
        timelineItems(last: 1) { edges { node { type occurredAt seq } } }
      } }
    }
  }`;

  /**
   * The statements the API's ORM sends to Postgres while `run` runs, by the ORM session
   * (EntityManager fork) that sent them: the API forks one per request, and the ORM
   * labels each statement with the fork's id. Its logger hears every statement, whether
   * or not query logging is on.
   */
  async function statementsDuring<T>(run: () => Promise<T>): Promise<{ result: T; statements: { session: unknown; sql: string }[] }> {
    const logger = app.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    const statements: { session: unknown; sql: string }[] = [];
    logger.logQuery = (context) => {
      statements.push({ session: context.id, sql: context.query ?? '' });
      original(context);
    };
    try {
      return { result: await run(), statements };
    } finally {
      logger.logQuery = original;
    }
  }

  it('at page sizes 1, 10 and 50: the page, its clients, packages and leads, the count, and one statement for every latest event', async () => {
    const counts: number[] = [];
    for (const first of [1, 10, 50]) {
      const { result, statements } = await statementsDuring(() => app.gql<{ projects: any }>(LIST, { first }));
      const { projects } = ok(result);
      expect(projects.totalCount).toBe(60);
      expect(projects.edges).toHaveLength(first);
      for (const { node } of projects.edges) {
        const row = rows.find((candidate) => candidate.id === node.id)!;
        expect(node.client.tier).toBe(row.tier);
        expect(node.servicePackage.code).toBe(row.service_package_code);
        expect(node.lead).toMatchObject({ username: row.project_lead, role: 'LEAD' });
        const [last] = await app.sql<{ seq: number; type: string }>('select seq, type from timeline_event where project_id = $1 order by seq desc limit 1', [node.id]);
        expect(node.timelineItems.edges.map((edge: any) => ({ seq: edge.node.seq, type: edge.node.type }))).toEqual([last]);
      }
      // The request's own session is the one that read the page; a statement still running
      // for an earlier request (say, one answered early with an error) belongs to another.
      const session = statements.find((statement) => /from "project" as "p"/.test(statement.sql) && /limit/.test(statement.sql))!.session;
      expect(session).toBeDefined();
      const own = statements.filter((statement) => statement.session === session);
      // Logged as each one ends: the relations, the count and the events run side by side.
      expect(own.map((statement) => statement.sql.split(/\s+/).slice(0, 2).join(' ')).sort()).toEqual([
        'select "c0".*',
        'select "p".*',
        'select "s0".*',
        'select "u0".*',
        'select count(*)',
        'with visible',
      ]);
      counts.push(own.length);
    }
    expect(counts[0]).toBeLessThanOrEqual(6);
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
    console.info(`SQL statements per page of projects (sizes 1, 10, 50): ${counts.join(', ')}`);
  });

  it('project(id) with its client, package and whole timeline: two statements, however long the timeline', async () => {
    const ONE = `query ($id: UUID!) { project(id: $id) { id client { name tier } servicePackage { code } timeline { seq type } } }`;
    const counts: number[] = [];
    for (const id of [rows.find((row) => row.id !== timelineProjectId)!.id, timelineProjectId]) {
      const { result, statements } = await statementsDuring(() => app.gql<{ project: any }>(ONE, { id }));
      const { project } = ok(result);
      const row = rows.find((candidate) => candidate.id === id)!;
      expect(project.client.tier).toBe(row.tier);
      expect(project.servicePackage.code).toBe(row.service_package_code);
      const events = await app.sql<{ seq: number }>('select seq from timeline_event where project_id = $1 order by seq', [id]);
      expect(project.timeline.map((event: { seq: number }) => event.seq)).toEqual(events.map((event) => event.seq));
      const session = statements.find((statement) => /from "project" as "p0"/.test(statement.sql))!.session;
      const own = statements.filter((statement) => statement.session === session);
      // The project joined with its client and package, then its timeline.
      expect(own).toHaveLength(2);
      expect(own[0]!.sql).toMatch(/^select "p0"\..* from "project" as "p0" .*join "client" .*join "service_package" /);
      expect(own[1]!.sql).toMatch(/^select "e"\.\* from "timeline_event" as "e" /);
      counts.push(events.length);
    }
    // The second project's timeline is the longer one: the count above did not grow with it.
    expect(counts[1]).toBeGreaterThan(counts[0]!);
  });
});
