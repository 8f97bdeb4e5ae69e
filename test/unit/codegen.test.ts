import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GENERATED = path.join(ROOT, 'examples/generated');

/**
 * The example operations (examples/operations/*.graphql) are valid against the committed
 * schema, and examples/generated/ is what `npm run codegen` makes of them today: codegen
 * runs here with the same configuration, in memory, and every file must match.
 */
describe('npm run codegen', () => {
  it('generates exactly the committed examples/generated/ from the schema and the example operations', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT, silent: true, verbose: false }, false);
    const generated = new Map(outputs.map((output) => [path.relative(GENERATED, path.resolve(ROOT, output.filename)), output.content]));
    expect([...generated.keys()].sort(), 'files: run `npm run codegen`').toEqual(readdirSync(GENERATED).sort());
    for (const [file, content] of generated) {
      expect(readFileSync(path.join(GENERATED, file), 'utf8'), `examples/generated/${file} is stale: run \`npm run codegen\``).toBe(content);
    }
  }, 60_000);
});
