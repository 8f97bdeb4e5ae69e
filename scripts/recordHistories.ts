/**
 * `npm run histories:record`: runs each workflow type through a representative path on a
 * real Temporal dev server and writes its event history to test/replay/histories/. The
 * replay test then checks that today's workflow code still replays every committed
 * history: the guard that tells you a change needs `patched()`.
 *
 * Record a new history when a workflow gains a path; never re-record one to make a
 * failing replay pass.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { ProjectionActivities } from '../src/activities/projection.js';
import type { CommunicationRound } from '../src/domain/communicationRound.js';
import { DEFAULT_PACKAGES } from '../src/domain/defaultPackages.js';
import { logCommunicationRoundUpdate, signOffRequirementsUpdate } from '../workflows/messages.js';
import { startTemporalDevServer } from '../src/runtime/temporalDevServer.js';
import { findFreePort } from '../test/support/ports.js';
import { devServerCli } from '../test/support/temporalBinaries.js';
import { bundleWorkflows } from '../test/support/workflowBundle.js';

const OUTPUT = 'test/replay/histories';

const scratch = await mkdtemp(path.join(tmpdir(), 'sop-histories-'));
const server = await startTemporalDevServer({
  port: await findFreePort(),
  uiPort: await findFreePort(),
  namespace: 'default',
  dbFile: path.join(scratch, 'temporal.sqlite'),
  cliPath: devServerCli(),
});
const nativeConnection = await NativeConnection.connect({ address: server.address });
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection });

/** The history as `temporal workflow show --output json` prints it: the format the replayer reads. */
async function exportHistory(workflowId: string): Promise<string> {
  const { stdout } = await promisify(execFile)(server.cli, ['workflow', 'show', '--address', server.address, '--workflow-id', workflowId, '--output', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

try {
  const activities: ProjectionActivities = { recordSopEvent: async () => {} };
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue: 'record',
    workflowBundle: await bundleWorkflows(),
    activities,
  });
  await worker.runUntil(async () => {
    // projectSop: a Standard project, two rounds, a refused and then an accepted sign-off.
    const policy = DEFAULT_PACKAGES.find((p) => p.code === 'STANDARD')!.policy;
    const handle = await client.workflow.start('projectSop', {
      taskQueue: 'record',
      workflowId: 'project-replay-standard',
      args: [{ projectId: 'replay-standard', packageCode: 'STANDARD', clientTier: 'B', projectLead: 'lin', policy }],
    });
    const round: CommunicationRound = { channel: 'MEETING', summary: 'workshop', attendees: ['client'], occurredAt: '2026-01-05T09:00:00.000Z', actor: 'lin' };
    await handle.executeUpdate(logCommunicationRoundUpdate, { args: [round] });
    await handle.executeUpdate(signOffRequirementsUpdate, { args: [{ actor: 'lin' }] }).catch(() => 'refused as expected');
    await handle.executeUpdate(logCommunicationRoundUpdate, { args: [{ ...round, channel: 'VIDEO' }] });
    await handle.executeUpdate(signOffRequirementsUpdate, { args: [{ actor: 'client', note: 'approved' }] });
    await writeFile(`${OUTPUT}/projectSop.json`, await exportHistory(handle.workflowId));
    console.log(`wrote ${OUTPUT}/projectSop.json`);
  });
} finally {
  await connection.close();
  await nativeConnection.close();
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}
