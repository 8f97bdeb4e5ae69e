import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_QUERY, PROJECT_QUERY } from '../../bench/operations.js';
import { DEFAULT_QUERY_LIMITS, graphqlProtection, QUERY_LIMIT_CODES } from '../../src/platform/http/queryLimits.js';
import { buildApiSchema } from '../../src/platform/http/graphqlSchema.js';
import { MAX_PAGE_SIZE } from '../../src/platform/pagination.js';

/**
 * What a front-end copies must pass production's default limits (GRAPHQL_MAX_*): every
 * operation in examples/operations/ and the board and project reads the benchmark sends.
 * Checked against the API's own schema and protection, unsigned: the limits refuse a
 * document before anything runs, so only their codes (and bad variables) matter here.
 */
const OPERATIONS_DIR = 'examples/operations';
const LIMIT_CODES = new Set<string>(Object.values(QUERY_LIMIT_CODES));

let server: ApolloServer;

beforeAll(async () => {
  const protection = graphqlProtection({ limits: DEFAULT_QUERY_LIMITS, introspection: false });
  server = new ApolloServer({ schema: await buildApiSchema(), ...protection.apollo, plugins: [protection.plugin] });
  await server.start();
});

afterAll(async () => {
  await server?.stop();
});

/** The document's refusals: a limit, validation, or variables that do not coerce (no path); not what resolvers say unsigned. */
async function refusals(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await server.executeOperation({ query, variables });
  if (body.kind !== 'single') throw new Error('expected a single result');
  return (body.singleResult.errors ?? []).filter((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || (error.extensions?.code === 'BAD_USER_INPUT' && !error.path) || LIMIT_CODES.has(String(error.extensions?.code)));
}

const examples = readdirSync(OPERATIONS_DIR).filter((file) => file.endsWith('.graphql'));

describe("production's query limits", () => {
  it('has example operations to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples)('accept examples/operations/%s', async (file) => {
    const query = readFileSync(path.join(OPERATIONS_DIR, file), 'utf8');
    const variablesFile = path.join(OPERATIONS_DIR, file.replace(/\.graphql$/, '.variables.json'));
    // The files hold placeholders ("<project id>") for a person to replace; any id will do here.
    const variables = existsSync(variablesFile) ? JSON.parse(readFileSync(variablesFile, 'utf8').replace(/"<[^"]*>"/g, '"00000000-0000-4000-8000-000000000001"')) : {};
    expect(await refusals(query, variables)).toEqual([]);
  });

  it.each([
    ['the board (100 projects, a full page)', BOARD_QUERY, { first: MAX_PAGE_SIZE }],
    ['one project with its timeline', PROJECT_QUERY, { id: '00000000-0000-4000-8000-000000000001' }],
    ["a CSM's queue, a page of 100 tickets", readFileSync(path.join(OPERATIONS_DIR, 'ticketQueue.graphql'), 'utf8').replace('first: 20', `first: ${MAX_PAGE_SIZE}`), {}],
  ])('accept the benchmark read of %s', async (_what, query, variables) => {
    expect(await refusals(query, variables)).toEqual([]);
  });

  it.each([
    ['100 projects by id with 100 timeline items each', '{ nodes(ids: $ids) { ... on Project { timelineItems(first: 100) { edges { node { seq summary } } } } } }', { ids: Array.from({ length: 100 }, (_, i) => `p${i}`) }],
    ['100 projects with 500 site checks each', '{ projects(first: 100) { edges { node { siteChecks(limit: 500) { status latencyMs } } } } }', {}],
    ['8 aliases of 20 projects by id with 100 timeline items each', `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: nodes(ids: $ids) { ... on Project { timelineItems(first: 100) { edges { node { seq } } } } }`).join(' ')} }`, { ids: Array.from({ length: 20 }, (_, i) => `p${i}`) }],
    ['a page of 100 projects with their whole timelines and requirements', '{ projects(first: 100) { edges { node { timeline { seq type fromStage toStage actor summary occurredAt } requirements { id title status } } } } }', {}],
  ])('refuse %s', async (_what, selection, variables) => {
    const query = 'ids' in variables ? `query ($ids: [ID!]!) ${selection}` : selection;
    expect((await refusals(query, variables)).map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('still refuse a document past the cost limit (so the checks above can fail)', async () => {
    // The board again, with every project's last 50 timeline items instead of its last one.
    const wide = BOARD_QUERY.replace('timelineItems(last: 1)', 'timelineItems(last: 50)').replace('{ seq type summary occurredAt }', '{ seq type fromStage toStage actor summary occurredAt }');
    expect(wide).not.toBe(BOARD_QUERY);
    expect((await refusals(wide, { first: 50 })).map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
  });
});
