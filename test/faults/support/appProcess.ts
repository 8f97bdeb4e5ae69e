import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/**
 * `src/bin/api.ts` or `src/bin/worker.ts` as its own OS process, started the way
 * `npm run api` / `npm run worker` start it, so a drill can SIGKILL it like a crash.
 */
export interface AppProcess {
  readonly role: 'api' | 'worker';
  readonly pid: number;
  /** The last lines it wrote, for a failure message. */
  output(): string;
  /** Resolves with its exit signal or code. */
  readonly exited: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<string>;
}

/**
 * Starts the process and resolves once it says it is running (its `running ...` line).
 * Everything it writes is also appended to `logFile`, for reading after a failed drill.
 */
export async function startAppProcess(role: 'api' | 'worker', env: Record<string, string>, logFile?: string, timeoutMs = 120_000): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', `src/bin/${role}.ts`], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let announce: () => void = () => {};
  const running = new Promise<void>((resolve) => (announce = resolve));
  const collect = (chunk: Buffer) => {
    if (logFile) appendFileSync(logFile, chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > 60) lines.shift();
      if (line.startsWith(`[${role}] running`)) announce();
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => {
      if (logFile) appendFileSync(logFile, `--- ${role} ${child.pid} exited: ${signal ?? `code ${code}`} at ${new Date().toISOString()}\n`);
      resolve(signal ?? `code ${code}`);
    }),
  );
  const output = () => lines.join('\n');
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    running.then(() => 'running' as const),
    exited.then((how) => `exited (${how})`),
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`not running after ${timeoutMs} ms`), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'running') {
    child.kill('SIGKILL');
    throw new Error(`${role} process ${outcome}:\n${output()}`);
  }
  return {
    role,
    pid: child.pid!,
    output,
    exited,
    kill(signal) {
      child.kill(signal);
      // A process that does not stop on SIGTERM within 15 s is killed.
      const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
      return exited.finally(() => clearTimeout(forced));
    },
  };
}
