import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { testServerExecutable } from '../../src/platform/runtime/temporalBinaries.js';
import { bundleWorkflows } from '../../src/platform/runtime/workflowBundle.js';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes.js';

/** The time-skipping server starts without our custom search attributes; the workflow sets them. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      CUSTOM_SEARCH_ATTRIBUTES.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!]),
    ),
  });
}

/** The time-skipping server and the workflow bundle that a workflow test runs against. */
export interface TimeSkipping {
  readonly env: TestWorkflowEnvironment;
  readonly bundle: WorkflowBundleWithSourceMap;
}

/**
 * Registers hooks that give every test a fresh time-skipping server (about 130 ms to
 * start) with our search attributes, and bundle the workflows once per file.
 *
 * Why not one server per file: the server counts locks on its clock, and a workflow
 * terminated while one of its workflow or activity tasks is outstanding never gives its
 * lock back (temporalio/sdk-java#1138). The next test's `env.sleep('7 days')` then ran in
 * real time and timed out, about one run in six.
 */
export function useTimeSkipping(): TimeSkipping {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundleWithSourceMap | undefined;
  beforeAll(async () => {
    bundle = await bundleWorkflows();
  });
  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: testServerExecutable() } });
    await registerSearchAttributes(env);
  });
  afterEach(async () => {
    await env?.teardown();
    env = undefined;
  });
  return {
    get env() {
      if (!env) throw new Error('the time-skipping server runs only inside a test');
      return env;
    },
    get bundle() {
      if (!bundle) throw new Error('the workflow bundle is built in beforeAll');
      return bundle;
    },
  };
}
