import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildApiSchema, printApiSchema, SCHEMA_FILE } from '../../src/platform/http/graphqlSchema.js';

describe('schema/schema.graphql', () => {
  it('is the SDL the code defines (run `npm run schema:emit` after changing the API)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(printApiSchema(await buildApiSchema())).toBe(committed);
  });
});
