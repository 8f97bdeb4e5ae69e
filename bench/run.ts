/**
 * `npm run bench [-- --quick] [--root <checkout>] [--label <name>]`: the benchmark of
 * issue 11. Starts Postgres and Temporal, the application under test, the floors and the
 * load generator as separate processes, runs the five scenarios, and writes
 * bench/results/<timestamp>[-label].json and .md (bench/README.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startBenchServices } from './backingServices.js';
import type { BenchContext } from './benchContext.js';
import { startChild, type BenchChild } from './childProcess.js';
import { statementCounter } from './measurement.js';
import { parseBenchOptions } from './options.js';
import { judgeGoals, renderMarkdown, type BenchResults } from './report.js';
import { boardRead } from './scenarios/boardRead.js';
import { setUpData } from './scenarios/dataSetUp.js';
import { longLivedProject } from './scenarios/longLivedProject.js';
import { projectCreation } from './scenarios/projectCreation.js';
import { scale } from './scenarios/scale.js';
import { stageAction } from './scenarios/stageAction.js';
import type { SystemUnderTestReady } from './systemUnderTest.js';

const options = parseBenchOptions(process.argv.slice(2));
const started = Date.now();
const log = (line: string) => console.log(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);
const startedAt = new Date().toISOString();
const loadAverage = () => loadavg().map((value) => value.toFixed(2)).join(' / ');
const loadAverageAtStart = loadAverage();
const commit = (() => {
  try {
    const head = execFileSync('git', ['-C', options.root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', options.root, 'status', '--porcelain', '--', 'src', 'workflows'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes in src/workflows` : head;
  } catch {
    return 'unknown';
  }
})();
log(`${options.quick ? 'quick' : 'full'} run of ${options.root} (${commit})`);

const children: BenchChild<unknown>[] = [];
const connections: pg.Client[] = [];
const services = await startBenchServices(options.root, log);
try {
  const env = { BENCH_ROOT: options.root, BENCH_POSTGRES_URL: services.postgresUrl, BENCH_TEMPORAL_ADDRESS: services.temporalAddress };
  const systemUnderTest = await startChild<SystemUnderTestReady>('app', './systemUnderTest.ts', { cwd: options.root, env });
  children.push(systemUnderTest);
  log(`app (API + worker) pid ${systemUnderTest.pid} at ${systemUnderTest.ready.graphqlUrl}`);
  const floorEnv = { ...env, BENCH_DATABASE_URL: systemUnderTest.ready.databaseUrl };
  const benchDir = path.dirname(fileURLToPath(import.meta.url));
  const sqlFloor = await startChild<{ origin: string }>('sql-floor', './floors/sqlFloor.ts', { cwd: benchDir, env: floorEnv });
  children.push(sqlFloor);
  const postGraphile = await startChild<{ origin: string }>('postgraphile', './floors/postGraphileFloor.ts', { cwd: benchDir, env: { ...floorEnv, GRAPHILE_ENV: 'production' } });
  children.push(postGraphile);
  const temporalFloor = await startChild<{ origin: string }>('temporal-floor', './floors/temporalFloor.ts', { cwd: benchDir, env: floorEnv });
  children.push(temporalFloor);
  const loadGenerator = await startChild<unknown>('loadgen', './loadGenerator.ts', { cwd: benchDir, env: {} });
  children.push(loadGenerator);
  log('floors and load generator ready');

  const admin = new pg.Client({ connectionString: services.postgresUrl });
  await admin.connect();
  connections.push(admin);
  await admin.query('create extension if not exists pg_stat_statements');
  const db = new pg.Client({ connectionString: systemUnderTest.ready.databaseUrl });
  await db.connect();
  connections.push(db);
  const databaseName = new URL(systemUnderTest.ready.databaseUrl).pathname.slice(1);

  const context: BenchContext = {
    options,
    measurement: {
      loadGenerator,
      processes: [
        { name: 'app', pid: systemUnderTest.pid, tree: false },
        { name: 'postgres', pid: services.postgresPid, tree: true },
        { name: 'temporal', pid: services.temporalPid, tree: true },
        { name: 'sql-floor', pid: sqlFloor.pid, tree: false },
        { name: 'postgraphile', pid: postGraphile.pid, tree: false },
        { name: 'temporal-floor', pid: temporalFloor.pid, tree: false },
        { name: 'loadgen', pid: loadGenerator.pid, tree: false },
      ],
      statements: statementCounter(admin, databaseName),
      warmupMs: options.warmupMs,
      measureMs: options.measureMs,
    },
    loadGenerator,
    systemUnderTest,
    appOrigin: new URL(systemUnderTest.ready.graphqlUrl).origin,
    sqlFloorOrigin: sqlFloor.ready.origin,
    postGraphileOrigin: postGraphile.ready.origin,
    temporalFloor,
    db,
    log,
  };

  const data = await setUpData(context);
  log('scenario 1: board read');
  const board = await boardRead(context);
  log('scenario 2: stage action');
  const action = await stageAction(context);
  log('scenario 3: project creation');
  const creation = await projectCreation(context);
  log('scenario 4: long-lived project');
  const longLived = await longLivedProject(context);
  log('scenario 5: scale');
  const scaleResult = await scale(context);

  const results: BenchResults = {
    meta: {
      startedAt,
      mode: options.quick ? 'quick' : 'full',
      label: options.label,
      root: options.root,
      commit,
      command: `npm run bench --${options.quick ? ' --quick' : ''}${options.root !== process.cwd() ? ` --root ${options.root}` : ''}${options.label ? ` --label ${options.label}` : ''}`,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
      node: process.version,
      loadAverageAtStart,
      loadAverageAtEnd: loadAverage(),
      noiseNote:
        (loadavg()[0]! > cpus().length ? `The machine was busy (1-minute load average above its ${cpus().length} cores): other work shared the cores, so absolute numbers are low and noisy. ` : '') +
        'Compare ratios within this run (alternated cells), not absolute numbers across runs.',
      durationSeconds: Math.round((Date.now() - started) / 1000),
      options,
    },
    data,
    shapes: board.shapes,
    consistency: action.consistency,
    cells: [...board.cells, ...action.cells, ...creation],
    longLived,
    scale: scaleResult,
  };
  const goals = judgeGoals(results);
  const markdown = renderMarkdown(results, goals);
  const resultsDir = path.join(benchDir, 'results');
  await mkdir(resultsDir, { recursive: true });
  const base = path.join(resultsDir, `${startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}${options.label ? `-${options.label}` : ''}`);
  await writeFile(`${base}.json`, JSON.stringify({ ...results, goals }, null, 2) + '\n');
  await writeFile(`${base}.md`, markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${base}.json and .md`);
} catch (error) {
  console.error('[bench] failed:', error);
  process.exitCode = 1;
} finally {
  for (const connection of connections) await connection.end().catch(() => {});
  for (const child of children.reverse()) await child.stop().catch((error: unknown) => console.error(error));
  await services.stop();
}
