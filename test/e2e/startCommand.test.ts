import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/platform/runtime/freePort.js';

/**
 * The main command as a user runs it: the whole stack from `src/bin/start.ts` on
 * embedded defaults (own data folder and ports), stopped with SIGTERM, started again.
 */
interface StartedStack {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let dataDir: string;
let env: NodeJS.ProcessEnv;
let ports: { api: number; temporal: number; ui: number; postgres: number };

function launch(extraEnv: NodeJS.ProcessEnv = {}): StartedStack {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/start.ts'], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitForBanner(stack: StartedStack, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (!stack.output().includes('Press Ctrl-C to stop.')) {
    if (stack.child.exitCode !== null) throw new Error(`start exited early:\n${stack.output()}`);
    if (Date.now() > deadline) throw new Error(`start not up in time:\n${stack.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stop(stack: StartedStack) {
  stack.child.kill('SIGTERM');
  return stack.exited;
}

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`http://127.0.0.1:${ports.api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const LOG_ROUND = `mutation ($id: UUID!) {
  logCommunicationRound(input: { projectId: $id, channel: CALL, summary: "call", attendees: ["client"] }) { progress { communicationRounds } }
}`;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sop-start-'));
  await chmod(dataDir, 0o755);
  ports = { api: await findFreePort(), temporal: await findFreePort(), ui: await findFreePort(), postgres: await findFreePort() };
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    API_PORT: String(ports.api),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
    EMBEDDED_PG_PORT: String(ports.postgres),
    LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start (src/bin/start.ts)', () => {
  it('brings the stack up, stops cleanly on SIGTERM and keeps everything across a restart', async () => {
    const first = launch();
    await waitForBanner(first);
    expect(first.output()).toContain(`GraphQL API   http://127.0.0.1:${ports.api}/graphql`);
    expect(first.output()).toContain(`Temporal UI   http://127.0.0.1:${ports.ui}`);

    const client = await gql(`mutation { createClient(input: { name: "Restart Co", tier: B }) { id } }`);
    const project = await gql(`mutation ($clientId: UUID!) {
      createProject(input: { clientId: $clientId, name: "Durable", packageCode: "STANDARD", projectLead: "ops" }) { id workflowId }
    }`, { clientId: client.data.createClient.id });
    const { id, workflowId } = project.data.createProject;
    expect((await gql(LOG_ROUND, { id })).data.logCommunicationRound.progress.communicationRounds).toBe(1);

    // The Web UI answers, and ops can find the project by its search attributes.
    expect((await fetch(`http://127.0.0.1:${ports.ui}/`)).status).toBe(200);
    const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
    try {
      const temporal = new Client({ connection });
      let found: string[] = [];
      for (let attempt = 0; attempt < 40 && found.length === 0; attempt++) {
        found = [];
        for await (const execution of temporal.workflow.list({ query: `SopStage = "REQUIREMENTS" AND PackageCode = "STANDARD" AND ClientTier = "B"` })) {
          found.push(execution.workflowId);
        }
        if (found.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(found).toContain(workflowId);
    } finally {
      await connection.close();
    }

    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('Stopped cleanly.');

    const second = launch();
    await waitForBanner(second);
    const again = await gql(`query ($id: UUID!) { project(id: $id) { name stage progress { communicationRounds } client { name } } }`, { id });
    expect(again.data.project).toEqual({ name: 'Durable', stage: 'REQUIREMENTS', progress: { communicationRounds: 1 }, client: { name: 'Restart Co' } });
    // The workflow survived the restart and still takes updates.
    expect((await gql(LOG_ROUND, { id })).data.logCommunicationRound.progress.communicationRounds).toBe(2);
    expect(await stop(second)).toBe(0);
  });

  it('refuses a bad configuration with a machine-readable error and exit status 2', async () => {
    const stack = launch({ API_PORT: 'eighty', EMBEDDED_PG_PORT: '5432' });
    expect(await stack.exited).toBe(2);
    const problems = JSON.parse(stack.output().trim().split('\n').at(-1)!);
    expect(problems.error).toBe('CONFIG_INVALID');
    expect(problems.problems.map((p: { variable: string }) => p.variable).sort()).toEqual(['API_PORT', 'EMBEDDED_PG_PORT']);
  });
});
