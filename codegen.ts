/**
 * Typed documents for front-ends: `npm run codegen` turns the example operations in
 * examples/operations/ into TypeScript types and TypedDocumentNodes in examples/generated/,
 * against the committed schema (schema/schema.graphql). test/unit/codegen.test.ts runs
 * this same configuration and fails when the committed output differs.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  // `./graphql.js` imports, as NodeNext ESM needs.
  importExtension: '.js',
  generates: {
    'examples/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Only the types the operations use, so unrelated schema changes leave the output alone.
        onlyOperationTypes: true,
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { UUID: 'string', DateTimeISO: 'string', EmailAddress: 'string', URL: 'string', LocalDate: 'string' },
      },
    },
  },
};

export default config;
