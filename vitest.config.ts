import { defineConfig } from 'vitest/config';

// Four groups, so that only the tests that need real servers pay for starting them.
export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) copies. Node, and so Apollo and
    // type-graphql, load the CJS one; Vite would hand our own code the ESM one, and then
    // `instanceof GraphQLError` fails across the two. One copy, as in production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // Workers and native Temporal connections are happiest in child processes.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // A hang guard, not a speed limit: the property tests take about 2 s alone and
        // went past the default 5 s with the other groups' servers beside them.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'workflow',
          include: ['test/workflow/**/*.test.ts', 'test/replay/**/*.test.ts'],
          setupFiles: ['test/support/quietTemporal.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          setupFiles: ['test/support/quietTemporal.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The fault drills: they start, kill and restart real processes, so they run alone
        // (one file at a time) and get minutes, not seconds (`npm run test:faults`).
        extends: true,
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          setupFiles: ['test/support/quietTemporal.ts'],
          fileParallelism: false,
          testTimeout: 420_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
