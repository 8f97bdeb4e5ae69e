/** `npm run schema:emit`: writes the SDL the code defines to schema/schema.graphql. */
import { writeFile } from 'node:fs/promises';
import { buildApiSchema, printApiSchema, SCHEMA_FILE } from '../src/platform/http/graphqlSchema.js';

await writeFile(SCHEMA_FILE, printApiSchema(await buildApiSchema()));
console.log(`wrote ${SCHEMA_FILE}`);
