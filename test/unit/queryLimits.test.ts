import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS, graphqlProtection } from '../../src/platform/http/queryLimits.js';
import { TokenBuckets } from '../../src/platform/http/rateLimit.js';
import { apiOptionsOf } from '../../src/platform/runtime/apiSettings.js';
import { loadConfig } from '../../src/platform/runtime/config.js';

/** A tiny schema with a cycle, so any depth can be asked for; the protection is what is under test. */
const typeDefs = `
  type Query { node: Node, nodes(first: Int, last: Int): [Node!]!, color(value: Color!): Color }
  type Node { name: String, next: Node, other: Node, children(first: Int): [Node!]! }
  enum Color { RED GREEN }
`;
const page = (_: unknown, { first, last }: { first?: number; last?: number }) => Array.from({ length: first ?? last ?? 20 }, () => ({ name: 'n' }));
const resolvers = {
  Query: { node: () => ({ name: 'n' }), nodes: page, color: (_: unknown, { value }: { value: string }) => value },
  Node: { next: () => ({ name: 'n' }), other: () => ({ name: 'n' }), children: page },
};

async function serverWith(introspection: boolean, limits = DEFAULT_QUERY_LIMITS) {
  const protection = graphqlProtection({ limits, introspection });
  const server = new ApolloServer({ typeDefs, resolvers, ...protection.apollo, plugins: [protection.plugin] });
  await server.start();
  return {
    async run(query: string, variables?: Record<string, unknown>) {
      const { body } = await server.executeOperation({ query, variables });
      if (body.kind !== 'single') throw new Error('expected a single result');
      return body.singleResult;
    },
    stop: () => server.stop(),
  };
}

const deep = (levels: number) => `{ node { ${'next { '.repeat(levels - 2)}name${' }'.repeat(levels - 2)} } }`;

describe('graphqlProtection', () => {
  it('refuses each limit with its own code and the limit, and answers just under it', async () => {
    const server = await serverWith(false, { maxDepth: 4, maxAliases: 2, maxCost: 40, maxTokens: 30, maxDirectives: 1 });
    try {
      expect((await server.run(deep(4))).errors).toBeUndefined();
      expect((await server.run(deep(5))).errors?.[0]).toMatchObject({ message: 'Query depth limit of 4 exceeded, found 5.', extensions: { code: 'QUERY_TOO_DEEP', limit: 4 } });
      expect((await server.run('{ a: node { name } b: node { name } }')).errors).toBeUndefined();
      expect((await server.run('{ a: node { name } b: node { name } c: node { name } }')).errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 2 });
      expect((await server.run(`{ node { next { next { ${'name '.repeat(12)}} } } }`)).errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 40 });
      expect((await server.run(`{ node { ${'name '.repeat(30)}} }`)).errors?.[0]).toMatchObject({ message: 'Token limit of 30 exceeded.', extensions: { code: 'TOO_MANY_TOKENS', limit: 30 } });
      // A syntax error within the token limit stays one.
      expect((await server.run('{ node { name }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect((await server.run('{ node { name @include(if: true) next @skip(if: false) { name } } }')).errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_DIRECTIVES', limit: 1 });
    } finally {
      await server.stop();
    }
  });

  it('counts the rows a page asks for, whether a literal, a variable or the default page says how many', async () => {
    const server = await serverWith(false, { ...DEFAULT_QUERY_LIMITS, maxCost: 1000 });
    const nested = 'query ($a: Int, $b: Int) { nodes(first: $a) { children(first: $b) { name } } }';
    try {
      // 100 rows of one scalar: (2 + 1.5 × 1) × 100.
      expect((await server.run('query ($n: Int) { nodes(first: $n) { name } }', { n: 100 })).errors).toBeUndefined();
      // 100 × 100 rows: (2 + 1.5 × 350) × 100 = 52 700, as variables or as literals; 20 × 20 by default.
      for (const [query, variables] of [
        [nested, { a: 100, b: 100 }],
        ['{ nodes(first: 100) { children(first: 100) { name } } }', {}],
        ['{ nodes { children { name } } }', {}],
        ['query ($a: Int) { nodes(last: $a) { children(first: 100) { name } } }', { a: 100 }],
      ] as const) {
        const refused = (await server.run(query, variables)).errors?.[0];
        expect(refused?.extensions, query).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 1000 });
        expect(refused?.message).toMatch(/^Query cost limit of 1000 exceeded, found \d+\.$/);
      }
      // 5 × 5 rows answer.
      expect((await server.run(nested, { a: 5, b: 5 })).data).toEqual({ nodes: Array.from({ length: 5 }, () => ({ children: Array.from({ length: 5 }, () => ({ name: 'n' })) })) });
      // A variable that is no number is execution's to refuse, as always.
      expect((await server.run(nested, { a: 'many' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await server.stop();
    }
  });

  it('refuses a document whose fragments spread into more fields than the cost counts (10 000), whatever the cost limit', async () => {
    // Each fragment spreads the one below 25 times: 25^3 fields to count, within the depth, alias and token limits.
    const spread = (name: string) => Array.from({ length: 25 }, () => `...${name}`).join(' ');
    const fragments = ['fragment F0 on Node { name }', `fragment F1 on Node { next { ${spread('F0')} } }`, `fragment F2 on Node { other { ${spread('F1')} } }`];
    const server = await serverWith(false, { ...DEFAULT_QUERY_LIMITS, maxCost: 10_000_000 });
    try {
      const refused = (await server.run(`{ nodes(first: 1) { ${spread('F2')} } } ${fragments.join(' ')}`)).errors?.[0];
      expect(refused).toMatchObject({ message: 'Query cost limit of 10000000 exceeded, found more fields than it counts.', extensions: { code: 'QUERY_TOO_COSTLY' } });
    } finally {
      await server.stop();
    }
  });

  it('with introspection off: refuses __schema and __type with INTROSPECTION_DISABLED and hides suggestions', async () => {
    const server = await serverWith(false);
    try {
      expect((await server.run('{ __schema { queryType { name } } }')).errors?.[0]).toMatchObject({
        message: 'Introspection is disabled on this server (GRAPHQL_INTROSPECTION).',
        extensions: { code: 'INTROSPECTION_DISABLED' },
      });
      expect((await server.run('{ __type(name: "Node") { name } }')).errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
      expect((await server.run('{ node { nam } }')).errors?.[0]?.message).toBe('Cannot query field "nam" on type "Node".');
      const badEnum = await server.run('query ($c: Color!) { color(value: $c) }', { c: 'REDD' });
      expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(badEnum.errors?.[0]?.message).not.toMatch(/Did you mean/);
      expect((await server.run('{ color(value: REDD) }')).errors?.[0]?.message).not.toMatch(/Did you mean/);
    } finally {
      await server.stop();
    }
  });

  it('with introspection on: answers __schema (deeper than the depth limit) and keeps suggestions', async () => {
    const server = await serverWith(true);
    try {
      const introspection = await server.run('{ __schema { types { name fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }');
      expect(introspection.errors).toBeUndefined();
      expect((await server.run('{ node { nam } }')).errors?.[0]?.message).toBe('Cannot query field "nam" on type "Node". Did you mean "name"?');
    } finally {
      await server.stop();
    }
  });
});

describe('TokenBuckets', () => {
  it('allows the capacity at once, then refills continuously, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, 60_000, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(20);
    expect(buckets.take('b')).toBe(0);
    now = 19_000;
    expect(buckets.take('a')).toBe(1);
    now = 20_000;
    expect(buckets.take('a')).toBe(0);
    // A cost larger than the whole allowance takes the whole allowance.
    now = 200_000;
    expect(buckets.take('a', 10)).toBe(0);
    expect(buckets.take('a')).toBe(20);
  });
});

describe('apiOptionsOf', () => {
  it('takes introspection from GRAPHQL_INTROSPECTION, else from the entry (npm start: on, api: off)', () => {
    expect(apiOptionsOf(loadConfig({}), { introspection: true }).introspection).toBe(true);
    expect(apiOptionsOf(loadConfig({}), { introspection: false }).introspection).toBe(false);
    expect(apiOptionsOf(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }), { introspection: true }).introspection).toBe(false);
    expect(apiOptionsOf(loadConfig({ GRAPHQL_INTROSPECTION: 'true' }), { introspection: false }).introspection).toBe(true);
  });

  it('passes the limits, the rate limit, the body limit and the log level through', () => {
    const options = apiOptionsOf(
      loadConfig({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_ALIASES: '4', GRAPHQL_MAX_COST: '900', GRAPHQL_MAX_TOKENS: '500', GRAPHQL_MAX_DIRECTIVES: '3', RATE_LIMIT_MUTATIONS_PER_MINUTE: '0', API_BODY_LIMIT_BYTES: '2048', LOG_LEVEL: 'warn' }),
      { introspection: false },
    );
    expect(options).toEqual({
      limits: { maxDepth: 8, maxAliases: 4, maxCost: 900, maxTokens: 500, maxDirectives: 3 },
      introspection: false,
      mutationsPerMinute: 0,
      bodyLimitBytes: 2048,
      log: { level: 'warn' },
    });
    expect(apiOptionsOf(loadConfig({}), { introspection: false }).limits).toEqual(DEFAULT_QUERY_LIMITS);
  });
});
