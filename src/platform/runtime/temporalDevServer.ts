import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../../workflows/searchAttributes.js';
import { resolveTemporalCli } from './temporalCli.js';

export interface TemporalDevServerOptions {
  port: number;
  uiPort: number;
  namespace: string;
  /** SQLite file that keeps workflows across restarts. */
  dbFile: string;
  cliPath?: string;
  log?: (line: string) => void;
}

export interface RunningTemporal {
  address: string;
  uiUrl: string;
  cli: string;
  stop(): Promise<void>;
}

/**
 * The dev server's SQLite file in write-ahead-log mode, synced at checkpoints rather than
 * at every commit. Each workflow task commits several times (an update with one activity
 * costs ~36 fsyncs with the defaults); WAL + NORMAL ran 77 workflow starts/s and 250
 * updates/s against 40–44 and 150 with the defaults (issue 11's outside measurement on a
 * 2-core machine like this one). The trade-off: a power cut or OS crash
 * can lose the last commits before a checkpoint; a killed or crashed server process loses
 * nothing (the WAL is on disk). The dev server is for one machine's development and tests;
 * production runs a Temporal cluster (DESIGN.md), where this does not apply.
 */
export const DEV_SERVER_SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'] as const;

function sqlitePragmaFlags(): string[] {
  return DEV_SERVER_SQLITE_PRAGMAS.flatMap((pragma) => ['--sqlite-pragma', pragma]);
}

const SEARCH_ATTRIBUTE_TYPE_NAMES: Record<string, string> = {
  KEYWORD: 'Keyword',
  BOOL: 'Bool',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/** `Name=Type` pairs for `--search-attribute`, derived from the keys the workflows use. */
export function searchAttributeFlags(): string[] {
  return CUSTOM_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${SEARCH_ATTRIBUTE_TYPE_NAMES[key.type]}`]);
}

async function waitUntilServing(address: string, exited: () => string | undefined, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = exited();
    if (exit) throw new Error(`Temporal dev server exited before it was ready: ${exit}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Temporal dev server at ${address} not ready after ${timeoutMs} ms`, { cause: error });
      await sleep(250);
    }
  }
}

/**
 * Starts `temporal server start-dev` with its Web UI, an SQLite file and the custom search
 * attributes registered, and resolves once it answers gRPC. Stopping sends SIGTERM and
 * waits for the process to exit, so the SQLite file is closed cleanly.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const address = `127.0.0.1:${options.port}`;
  const uiUrl = `http://127.0.0.1:${options.uiPort}`;
  await mkdir(path.dirname(path.resolve(options.dbFile)), { recursive: true });
  const source = resolveTemporalCli(options.cliPath);

  if (source.kind === 'sdk-download') {
    // Last resort for machines without the wheel or a CLI on the PATH: the SDK downloads one.
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        ip: '127.0.0.1',
        port: options.port,
        ui: true,
        uiPort: options.uiPort,
        dbFilename: path.resolve(options.dbFile),
        namespace: options.namespace,
        searchAttributes: [...CUSTOM_SEARCH_ATTRIBUTES],
        extraArgs: sqlitePragmaFlags(),
      },
    });
    return { address, uiUrl, cli: 'SDK download', stop: () => env.teardown() };
  }

  const args = [
    'server',
    'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--db-filename', path.resolve(options.dbFile),
    '--namespace', options.namespace,
    '--log-level', 'warn',
    ...sqlitePragmaFlags(),
    ...searchAttributeFlags(),
  ];
  // Its own process group: a Ctrl-C reaches only us, and we stop the server after the worker.
  const child = spawn(source.path, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  let exitReason: string | undefined;
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output.push(text);
    if (output.length > 40) output.shift();
    options.log?.(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exitReason = `code ${code ?? '-'} signal ${signal ?? '-'}: ${output.join('').trim().split('\n').slice(-5).join(' | ')}`;
      resolve();
    });
  });
  child.on('error', (error) => {
    exitReason = error.message;
  });

  const stop = async () => {
    process.off('exit', killOnExit);
    if (exitReason === undefined) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    }
  };

  try {
    await waitUntilServing(address, () => exitReason);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, uiUrl, cli: source.path, stop };
}
