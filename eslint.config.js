// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', '.data/', 'test/output/', 'bench/results/', 'examples/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A forgotten await in a workflow or an activity loses work silently.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read untyped JSON from HTTP responses; asserting on `any` there is the honest type.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    // Requests out of the platform go through src/platform/outbound, the one place that
    // applies the outbound policy (no loopback, private or metadata addresses).
    files: ['src/**/*.ts'],
    ignores: ['src/platform/outbound/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Send requests out of the platform with sendOutbound (src/platform/outbound/outboundRequest.ts).' },
        { name: 'WebSocket', message: 'Send requests out of the platform with sendOutbound (src/platform/outbound/outboundRequest.ts).' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:http', importNames: ['default', 'request', 'get', 'Agent'], message: 'Send requests out of the platform with sendOutbound (src/platform/outbound/outboundRequest.ts).' },
            { name: 'node:https', message: 'Send requests out of the platform with sendOutbound (src/platform/outbound/outboundRequest.ts).' },
            { name: 'undici', message: 'Send requests out of the platform with sendOutbound (src/platform/outbound/outboundRequest.ts).' },
          ],
        },
      ],
    },
  },
  {
    // Workflow code must stay deterministic: only the workflow SDK, its pure common
    // package, the pure domain modules of any context and other workflow files may be
    // imported (type-only imports are erased).
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/(workflow|common)$|(\\.\\./)+src/[a-z]+/domain/|\\./|\\.\\./[a-zA-Z])',
              message: 'Workflows may import only @temporalio/workflow, @temporalio/common, src/<context>/domain modules and other workflows.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Domain modules are pure rules, imported by workflows too: no I/O of any kind.
    files: ['src/*/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|@mikro-orm/|@temporalio/|pg$|express|graphql|type-graphql|dataloader)|/(entities|services|api|activities|platform)/|^\\.\\./\\.\\./platform/',
              message: 'Domain modules import nothing with I/O: no Node built-ins, ORM, Temporal client, HTTP or GraphQL, and no other layer.',
            },
          ],
        },
      ],
    },
  },
  {
    // Arrows point one way: api → services → domain. Services never reach back into the API layer.
    files: ['src/*/services/**/*.ts', 'src/*/activities/**/*.ts', 'src/platform/serviceContext.ts', 'src/platform/temporalFailures.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(api|http)/|type-graphql|^graphql$|dataloader',
              message: 'Services and activities must not import the API layer (resolvers, GraphQL types, loaders, the HTTP server).',
            },
          ],
        },
      ],
    },
  },
);
