import type { TestProject } from 'vitest/node';
import { startBackingServices } from '../../src/platform/runtime/stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    temporalAddress: string;
    temporalUiUrl: string;
  }
}

/**
 * One real Postgres and one real Temporal dev server for the whole integration run, on
 * free ports and in a scratch folder, so the tests pass beside a running `npm start`.
 * Each test file makes its own database and task queue on them.
 */
export default async function setup(project: TestProject) {
  const services = await startBackingServices();
  project.provide('postgresUrl', services.postgresUrl);
  project.provide('temporalAddress', services.temporalAddress);
  project.provide('temporalUiUrl', services.temporalUiUrl);
  return () => services.stop();
}
