// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SEND_OUTBOUND = 'Send requests out of the platform with sendOutbound (src/platform/outbound/outboundRequest.ts).';
const OUTBOUND_GLOBALS = [
  { name: 'fetch', message: SEND_OUTBOUND },
  { name: 'WebSocket', message: SEND_OUTBOUND },
];
const OUTBOUND_MODULES = [
  { name: 'node:http', importNames: ['default', 'request', 'get', 'Agent'], message: SEND_OUTBOUND },
  { name: 'node:https', message: SEND_OUTBOUND },
  { name: 'undici', message: SEND_OUTBOUND },
];
const START_NO_PROCESS = 'Only the runtime harness (src/platform/runtime) starts processes: nothing a request or workflow carries may reach a command line.';
const PROCESS_MODULES = [
  { name: 'node:child_process', message: START_NO_PROCESS },
  { name: 'child_process', message: START_NO_PROCESS },
];

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
    // applies the outbound policy (no loopback, private or metadata addresses). And no
    // process is ever started from request or workflow code (no command injection): only
    // the runtime harness (src/platform/runtime) starts Postgres and Temporal.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/outbound/**', 'src/platform/runtime/**'],
    rules: {
      'no-restricted-globals': ['error', ...OUTBOUND_GLOBALS],
      'no-restricted-imports': ['error', { paths: [...OUTBOUND_MODULES, ...PROCESS_MODULES] }],
    },
  },
  {
    files: ['src/platform/runtime/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...OUTBOUND_GLOBALS],
      'no-restricted-imports': ['error', { paths: OUTBOUND_MODULES }],
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
