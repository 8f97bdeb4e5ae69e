/**
 * The application's modules, loaded from the checkout under test (`--root`), so one
 * harness measures this tree and an older one alike. Types come from this tree: the
 * harness uses only entry points that both keep.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function load<Module>(root: string, modulePath: string): Promise<Module> {
  return import(pathToFileURL(path.join(root, modulePath)).href) as Promise<Module>;
}

export const loadStack = (root: string) => load<typeof import('../src/platform/runtime/stack.js')>(root, 'src/platform/runtime/stack.ts');
export const loadWorkflowBundle = (root: string) => load<typeof import('../src/platform/runtime/workflowBundle.js')>(root, 'src/platform/runtime/workflowBundle.ts');
export const loadEmbeddedPostgres = (root: string) => load<typeof import('../src/platform/runtime/embeddedPostgres.js')>(root, 'src/platform/runtime/embeddedPostgres.ts');
export const loadTemporalDevServer = (root: string) => load<typeof import('../src/platform/runtime/temporalDevServer.js')>(root, 'src/platform/runtime/temporalDevServer.ts');
export const loadTemporalBinaries = (root: string) => load<typeof import('../src/platform/runtime/temporalBinaries.js')>(root, 'src/platform/runtime/temporalBinaries.ts');
export const loadFreePort = (root: string) => load<typeof import('../src/platform/runtime/freePort.js')>(root, 'src/platform/runtime/freePort.ts');
