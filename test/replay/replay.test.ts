import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import * as workflows from '../../workflows/index.js';
import { bundleWorkflows } from '../../src/platform/runtime/workflowBundle.js';

const HISTORIES = path.resolve('test/replay/histories');

let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  bundle = await bundleWorkflows();
});

const historyFiles = (await readdir(HISTORIES)).filter((file) => file.endsWith('.json')).sort();

async function workflowTypeOf(file: string): Promise<string> {
  const history = JSON.parse(await readFile(path.join(HISTORIES, file), 'utf8'));
  return history.events[0].workflowExecutionStartedEventAttributes.workflowType.name;
}

describe('committed workflow histories replay against the current code', () => {
  it('has a history for every workflow type the worker registers', async () => {
    // project-replay-standard.json is from the first shipped projectSop (requirements only),
    // kept so that older running workflows stay replayable.
    const recorded = new Set(await Promise.all(historyFiles.map(workflowTypeOf)));
    expect([...recorded].sort()).toEqual(Object.keys(workflows).sort());
  });

  it.each(historyFiles)('%s replays without non-determinism', async (file) => {
    const history = JSON.parse(await readFile(path.join(HISTORIES, file), 'utf8'));
    // Files are named by workflow id: child workflow ids derive from the parent's.
    await Worker.runReplayHistory({ workflowBundle: bundle }, history, path.basename(file, '.json'));
  });
});
