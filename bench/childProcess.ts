/**
 * The bench's processes talk over Node's IPC channel: a child announces itself with one
 * `ready` message, then answers numbered calls. Each piece of the benchmark (system under
 * test, floors, load generator) thus runs in a process of its own, as the issue asks.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface CallMessage {
  callId: number;
  method: string;
  args: unknown;
}

interface ReplyMessage {
  callId: number;
  result?: unknown;
  error?: string;
}

export interface BenchChild<Ready> {
  name: string;
  pid: number;
  ready: Ready;
  call<Result>(method: string, args?: unknown): Promise<Result>;
  stop(): Promise<void>;
}

/** Starts `bench/<script>` under tsx with `cwd` (whose tsconfig tsx then uses) and waits for its `ready` message. */
export async function startChild<Ready>(name: string, script: string, options: { cwd: string; env?: Record<string, string> }): Promise<BenchChild<Ready>> {
  const child: ChildProcess = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    cwd: options.cwd,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextCallId = 1;
  const ready = await new Promise<Ready>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${name} exited (${code}) before it was ready`));
    child.once('exit', onExit);
    child.once('message', (message: { ready: Ready }) => {
      child.off('exit', onExit);
      resolve(message.ready);
    });
  });
  child.on('message', (message: ReplyMessage) => {
    const waiter = pending.get(message.callId);
    if (!waiter) return;
    pending.delete(message.callId);
    if (message.error !== undefined) waiter.reject(new Error(`${name}: ${message.error}`));
    else waiter.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${name} exited (${code})`));
    pending.clear();
  });
  return {
    name,
    pid: child.pid!,
    ready,
    call<Result>(method: string, args?: unknown) {
      const callId = nextCallId++;
      return new Promise<Result>((resolve, reject) => {
        pending.set(callId, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ callId, method, args } satisfies CallMessage);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The child's side: sends `ready`, then serves calls with `handlers` until SIGTERM,
 * when `stop` runs and the process exits.
 */
export function serveParent(ready: unknown, handlers: Record<string, (args: never) => Promise<unknown>>, stop: () => Promise<void>): void {
  process.on('message', (message: CallMessage) => {
    const handler = handlers[message.method];
    if (!handler) {
      process.send!({ callId: message.callId, error: `no method ${message.method}` } satisfies ReplyMessage);
      return;
    }
    handler(message.args as never).then(
      (result) => process.send!({ callId: message.callId, result } satisfies ReplyMessage),
      (error: unknown) => process.send!({ callId: message.callId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ReplyMessage),
    );
  });
  process.once('SIGTERM', () => {
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  process.send!({ ready });
}
