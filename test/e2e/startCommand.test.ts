import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/platform/runtime/freePort.js';

/**
 * The main command exactly as a user runs it: `npm start` (its prestart, then
 * `src/bin/start.ts`) on embedded defaults (own data folder and ports), stopped by a
 * signal to the npm process (Ctrl-C, then SIGTERM), started again. Every process that
 * ran under npm (Postgres and its backends, the Temporal dev server, node) must be gone
 * afterwards and every port closed.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const STOP_WITHIN_MS = 20_000;

interface StartedStack {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every process seen below npm while it ran, with its program's name. */
  descendants: Map<number, string>;
  /** Takes a last look at the process tree and stops watching it. */
  stopWatching: () => void;
}

let dataDir: string;
let env: NodeJS.ProcessEnv;
let ports: { api: number; temporal: number; ui: number; postgres: number; workerMetrics: number };
const launched: StartedStack[] = [];

interface ProcessInfo {
  comm: string;
  state: string;
  ppid: number;
}

/** One line of /proc/<pid>/stat, or null when the process is gone. */
function readStat(pid: number): ProcessInfo | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the last ')'.
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const [state, ppid] = stat.slice(close + 2).split(' ');
  return { comm: stat.slice(open + 1, close), state: state!, ppid: Number(ppid) };
}

/** The program a process runs (node, postgres, temporal...): its executable's name, else its comm. */
function programOf(pid: number, comm: string): string {
  try {
    return path.basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return comm;
  }
}

/** The live descendants of `root`, walking the parent links of every process in /proc. */
function descendantsOf(root: number): Map<number, string> {
  const children = new Map<number, { pid: number; comm: string }[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readStat(Number(entry));
    if (!info) continue;
    const siblings = children.get(info.ppid) ?? [];
    siblings.push({ pid: Number(entry), comm: info.comm });
    children.set(info.ppid, siblings);
  }
  const found = new Map<number, string>();
  const queue = [root];
  while (queue.length > 0) {
    for (const { pid, comm } of children.get(queue.shift()!) ?? []) {
      if (found.has(pid)) continue;
      found.set(pid, programOf(pid, comm));
      queue.push(pid);
    }
  }
  return found;
}

/** Alive: signal 0 reaches it and it is not a zombie waiting for a parent to reap it. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
  const info = readStat(pid);
  return info !== null && info.state !== 'Z';
}

/** 'ECONNREFUSED' when nothing listens on 127.0.0.1:port, else the error code or 'connected'. */
function probePort(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(3000, () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

function launch(extraEnv: NodeJS.ProcessEnv = {}): StartedStack {
  // As a user types it: npm from the PATH, in the project folder, which runs prestart first.
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const descendants = new Map<number, string>();
  const look = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      for (const [pid, comm] of descendantsOf(child.pid)) descendants.set(pid, comm);
    }
  };
  const watcher = setInterval(look, 200);
  const stopWatching = () => {
    look();
    clearInterval(watcher);
  };
  void exited.then(() => clearInterval(watcher));
  const stack = { child, output: () => text, exited, descendants, stopWatching };
  launched.push(stack);
  return stack;
}

async function waitForBanner(stack: StartedStack, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (!stack.output().includes('Press Ctrl-C to stop.')) {
    if (stack.child.exitCode !== null) throw new Error(`npm start exited early:\n${stack.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start not up in time:\n${stack.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Sends `signal` to the npm process only (as a process manager would; a terminal's Ctrl-C
 * also reaches the whole foreground group), then checks that npm exits in time with
 * status 0, after a clean stop, leaving no process and no listening port behind.
 */
async function stopWith(stack: StartedStack, signal: 'SIGINT' | 'SIGTERM') {
  stack.stopWatching();
  const commands = [...stack.descendants.values()];
  // The watch saw the whole tree: the stack's node, Postgres (with its backends) and Temporal.
  expect(commands).toContain('node');
  expect(commands).toContain('postgres');
  expect(commands).toContain('temporal');

  const sentAt = Date.now();
  stack.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    stack.exited,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`npm did not exit within ${STOP_WITHIN_MS} ms of ${signal}:\n${stack.output()}`)), STOP_WITHIN_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  const tookMs = Date.now() - sentAt;

  expect(result, stack.output()).toEqual({ code: 0, signal: null });
  expect(stack.output()).toContain(`${signal} received: shutting down...`);
  expect(stack.output()).toContain('Stopped cleanly.');
  const survivors = [...stack.descendants].filter(([pid]) => isAlive(pid)).map(([pid, comm]) => `${pid} ${comm}`);
  expect(survivors, `still running after ${signal}`).toEqual([]);
  for (const [name, port] of Object.entries(ports)) {
    expect(`${name} ${await probePort(port)}`).toBe(`${name} ECONNREFUSED`);
  }
  return tookMs;
}

/** A bearer token as a user gets one: `npm run token -- admin`, signed with the secret `npm start` keeps in DATA_DIR. */
async function signIn(username: string): Promise<string> {
  const child = spawn('npm', ['run', '--silent', 'token', '--', username], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, `npm run token failed:\n${out}${err}`).toBe(0);
  return out.trim().split('\n').at(-1)!.trim();
}

let token: string;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`http://127.0.0.1:${ports.api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: any[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body;
}

const LOG_ROUND = `mutation ($id: UUID!) {
  logCommunicationRound(input: { projectId: $id, channel: CALL, summary: "call", attendees: ["client"] }) { progress { communicationRounds } }
}`;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sop-start-'));
  await chmod(dataDir, 0o755);
  ports = { api: await findFreePort(), temporal: await findFreePort(), ui: await findFreePort(), postgres: await findFreePort(), workerMetrics: await findFreePort() };
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    API_PORT: String(ports.api),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
    EMBEDDED_PG_PORT: String(ports.postgres),
    WORKER_METRICS_PORT: String(ports.workerMetrics),
    LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  // After a failed assertion: take down whatever is still up before deleting its data.
  for (const stack of launched) {
    stack.stopWatching();
    if (stack.child.exitCode === null && stack.child.signalCode === null) {
      stack.child.kill('SIGTERM');
      await Promise.race([stack.exited, new Promise((resolve) => setTimeout(resolve, STOP_WITHIN_MS))]);
    }
    for (const pid of stack.descendants.keys()) {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('brings the stack up, stops everything on Ctrl-C (SIGINT) and on SIGTERM to npm, and keeps everything across a restart', async () => {
    const first = launch();
    await waitForBanner(first);
    expect(first.output()).toContain(`GraphQL API   http://127.0.0.1:${ports.api}/graphql`);
    expect(first.output()).toContain(`Temporal UI   http://127.0.0.1:${ports.ui}`);
    // Signed in once: the token must still work after the restart (the secret stays in DATA_DIR).
    token = await signIn('admin');

    const client = await gql(`mutation { createClient(input: { name: "Restart Co", tier: B }) { id } }`);
    const project = await gql(`mutation ($clientId: UUID!) {
      createProject(input: { clientId: $clientId, name: "Durable", packageCode: "STANDARD", projectLead: "lin.pm" }) { id workflowId }
    }`, { clientId: client.data.createClient.id });
    const { id, workflowId } = project.data.createProject;
    expect((await gql(LOG_ROUND, { id })).data.logCommunicationRound.progress.communicationRounds).toBe(1);

    // The Web UI answers, and ops can find the project by its search attributes.
    expect((await fetch(`http://127.0.0.1:${ports.ui}/`)).status).toBe(200);
    // Prometheus scrapes the API's and the worker's metrics.
    expect(await (await fetch(`http://127.0.0.1:${ports.api}/metrics`)).text()).toContain('graphql_requests_total');
    expect(await (await fetch(`http://127.0.0.1:${ports.workerMetrics}/metrics`)).text()).toMatch(/^temporal_\w+/m);
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

    const firstStopMs = await stopWith(first, 'SIGINT');

    const second = launch();
    await waitForBanner(second);
    const again = await gql(`query ($id: UUID!) { project(id: $id) { name stage progress { communicationRounds } client { name } } }`, { id });
    expect(again.data.project).toEqual({ name: 'Durable', stage: 'REQUIREMENTS', progress: { communicationRounds: 1 }, client: { name: 'Restart Co' } });
    // The workflow survived the restart and still takes updates.
    expect((await gql(LOG_ROUND, { id })).data.logCommunicationRound.progress.communicationRounds).toBe(2);
    const secondStopMs = await stopWith(second, 'SIGTERM');
    console.info(`npm start stopped ${firstStopMs} ms after SIGINT, ${secondStopMs} ms after SIGTERM`);
  });

  it('refuses a bad configuration with a machine-readable error and exit status 2', async () => {
    // npm hands the script's exit status on unchanged.
    const stack = launch({ API_PORT: 'eighty', EMBEDDED_PG_PORT: '5432' });
    expect(await stack.exited).toEqual({ code: 2, signal: null });
    // npm prints its own lines around the script's: take the JSON one.
    const problems = JSON.parse(stack.output().trim().split('\n').findLast((line) => line.startsWith('{'))!);
    expect(problems.error).toBe('CONFIG_INVALID');
    expect(problems.problems.map((p: { variable: string }) => p.variable).sort()).toEqual(['API_PORT', 'EMBEDDED_PG_PORT']);
  });
});
