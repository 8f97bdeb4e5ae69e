import pg from 'pg';

/**
 * Live events: Postgres `LISTEN/NOTIFY` fanned out to in-process subscribers.
 *
 * Whoever writes (the worker's projection activity) sends `pg_notify(channel, payload)`
 * inside its transaction, so a notification exists only once the write has committed.
 * Each API process holds one dedicated connection that LISTENs on every channel and
 * hands each payload, parsed once, to every subscriber whose filter accepts it. A
 * subscriber is an async iterator with a bounded buffer: one that falls behind is
 * dropped (its iterator fails with {@link SubscriberTooSlowError}) instead of growing
 * the process's memory. A lost connection is re-established with backoff; what was
 * sent while it was down is not delivered (at most once), so a client that must not
 * miss anything re-reads after it reconnects.
 */

/** An async iterator of live events; `return()` ends it at once, even while a `next()` waits. */
export interface LiveStream<T> extends AsyncIterableIterator<T, undefined, undefined> {
  next(): Promise<IteratorResult<T, undefined>>;
  return(): Promise<IteratorResult<T, undefined>>;
}

export interface ListenOptions<T> {
  /** Which events this subscriber wants; checked before buffering, so unwanted events cost no memory. */
  accept?: (event: T) => boolean;
  /** How many accepted events may wait for the consumer before it is dropped. */
  bufferSize?: number;
}

/** The subscriber side: what services see. `C` maps each channel to the type of its events. */
export interface LiveEvents<C> {
  /** Every event sent on `channel` from now on that `accept` admits, until the stream is returned, fails or the source stops. */
  listen<K extends keyof C & string>(channel: K, options?: ListenOptions<C[K]>): LiveStream<C[K]>;
}

/** A subscriber's consumer fell more than its buffer behind; it was dropped and may subscribe again. */
export class SubscriberTooSlowError extends Error {
  constructor(readonly bufferSize: number) {
    super(`The subscriber fell more than ${bufferSize} events behind and was dropped; subscribe again and re-read.`);
    this.name = 'SubscriberTooSlowError';
  }
}

export const DEFAULT_BUFFER_SIZE = 256;

type Waiter<T> = { resolve: (result: IteratorResult<T, undefined>) => void; reject: (error: unknown) => void };

const DONE = Object.freeze({ value: undefined, done: true as const });

/** One subscriber: a bounded queue between the fan-out (push) and its consumer (next). */
class BufferedStream<T> implements LiveStream<T> {
  private readonly queue: T[] = [];
  private readonly waiters: Waiter<T>[] = [];
  private ended = false;
  private failure: unknown = null;

  constructor(
    private readonly bufferSize: number,
    private readonly onEnd: () => void,
  ) {}

  push(event: T): void {
    if (this.ended) return;
    const waiter = this.waiters.shift();
    if (waiter) return waiter.resolve({ value: event, done: false });
    if (this.queue.length >= this.bufferSize) return this.fail(new SubscriberTooSlowError(this.bufferSize));
    this.queue.push(event);
  }

  /** Ends the stream with an error: a waiting consumer gets it now, an idle one on its next `next()`. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.end();
    const waiter = this.waiters.shift();
    if (waiter) waiter.reject(error);
    else this.failure = error;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure instanceof Error ? failure : new Error(String(failure)));
    }
    if (this.ended) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.end();
    this.failure = null;
    return Promise.resolve(DONE);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    for (const waiter of this.waiters.splice(0)) waiter.resolve(DONE);
    this.onEnd();
  }
}

/** What a {@link mapLiveStream} mapper returns for an event its stream should not yield. */
export const SKIP: unique symbol = Symbol('skip');

/**
 * A stream of `map(event)` for each event of `source`, leaving out those it maps to
 * {@link SKIP}. Ending it ends `source` at once (a plain async generator could not:
 * it would stay subscribed until its next event arrived). A mapper that throws fails
 * the stream and ends `source`.
 */
export function mapLiveStream<T, U>(source: LiveStream<T>, map: (event: T) => Promise<U | typeof SKIP>): LiveStream<U> {
  let ended = false;
  const stream: LiveStream<U> = {
    async next() {
      while (!ended) {
        const result = await source.next();
        if (result.done) break;
        let mapped: U | typeof SKIP;
        try {
          mapped = await map(result.value);
        } catch (error) {
          ended = true;
          await source.return();
          throw error;
        }
        if (mapped !== SKIP && !ended) return { value: mapped, done: false };
      }
      ended = true;
      return DONE;
    },
    async return() {
      ended = true;
      await source.return();
      return DONE;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

type Subscriber = { stream: BufferedStream<unknown>; accept: (event: unknown) => boolean };

/** The in-memory fan-out: parses each payload once, then offers it to every subscriber of its channel. */
export class LiveEventHub<C> implements LiveEvents<C> {
  private readonly subscribers = new Map<keyof C, Set<Subscriber>>();
  private stopped = false;

  constructor(private readonly parsers: { readonly [K in keyof C]: (payload: string) => C[K] | null }) {
    for (const channel of Object.keys(parsers) as (keyof C)[]) this.subscribers.set(channel, new Set());
  }

  get channels(): (keyof C & string)[] {
    return [...this.subscribers.keys()] as (keyof C & string)[];
  }

  /** How many subscribers are open, for logs and tests. */
  get size(): number {
    let size = 0;
    for (const set of this.subscribers.values()) size += set.size;
    return size;
  }

  listen<K extends keyof C & string>(channel: K, options: ListenOptions<C[K]> = {}): LiveStream<C[K]> {
    const set = this.subscribers.get(channel);
    if (!set) throw new Error(`Nothing listens on channel ${channel}.`);
    const bufferSize = options.bufferSize ?? DEFAULT_BUFFER_SIZE;
    const subscriber: Subscriber = {
      stream: new BufferedStream<unknown>(bufferSize, () => set.delete(subscriber)),
      accept: (options.accept as ((event: unknown) => boolean) | undefined) ?? (() => true),
    };
    if (this.stopped) void subscriber.stream.return();
    else set.add(subscriber);
    return subscriber.stream as BufferedStream<C[K]>;
  }

  /** Hands a raw payload to the channel's subscribers; a payload its parser refuses is dropped (and reported). */
  publish(channel: string, payload: string): boolean {
    const set = this.subscribers.get(channel as keyof C);
    if (!set || this.stopped) return true;
    const event = this.parsers[channel as keyof C](payload);
    if (event === null) return false;
    for (const subscriber of [...set]) {
      let accepted: boolean;
      try {
        accepted = subscriber.accept(event);
      } catch (error) {
        subscriber.stream.fail(error);
        continue;
      }
      if (accepted) subscriber.stream.push(event);
    }
    return true;
  }

  /** Ends every stream (consumers see them complete) and accepts no new ones. */
  stop(): void {
    this.stopped = true;
    for (const set of this.subscribers.values()) for (const subscriber of [...set]) void subscriber.stream.return();
  }
}

export interface PostgresLiveEventsOptions<C> {
  /** The database to LISTEN on: the one the writers NOTIFY in. */
  connectionString: string;
  /** Each channel to LISTEN on, with the parser of its payloads (null: not a valid payload). */
  channels: { readonly [K in keyof C]: (payload: string) => C[K] | null };
  /** Reconnect delays: doubling from `initialMs` up to `maxMs`, with jitter. */
  backoff?: { initialMs: number; maxMs: number };
  /** One JSON line per connection change; console by default. */
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
}

export interface PostgresLiveEvents<C> extends LiveEvents<C> {
  /** Whether the LISTEN connection is up right now. */
  readonly listening: boolean;
  /** How many subscribers are open. */
  readonly subscribers: number;
  /** Closes the connection and ends every stream. */
  stop(): Promise<void>;
}

/** `application_name` of the LISTEN connection, to find it in `pg_stat_activity`. */
export const LIVE_EVENTS_APPLICATION_NAME = 'delivery-sop live events';

const defaultLog: NonNullable<PostgresLiveEventsOptions<unknown>['log']> = (level, message, fields = {}) => {
  const line = JSON.stringify({ level, msg: message, ...fields });
  if (level === 'warn') console.warn(line);
  else console.log(line);
};

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Opens the dedicated LISTEN connection (one per process, whatever the number of
 * subscribers) and keeps it open: when it drops, it is re-opened after 0.1 s, 0.2 s, …
 * up to `backoff.maxMs`, until `stop()`. Resolves after the first attempt, connected or
 * not: the API serves queries while the live feed is still reconnecting.
 */
export async function startPostgresLiveEvents<C>(options: PostgresLiveEventsOptions<C>): Promise<PostgresLiveEvents<C>> {
  const hub = new LiveEventHub<C>(options.channels);
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 100, maxMs: 30_000 };
  const log = options.log ?? defaultLog;
  let client: pg.Client | null = null;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let attempt: Promise<void> = Promise.resolve();

  const lost = (candidate: pg.Client, error: unknown) => {
    if (candidate !== client || stopped) return;
    client = null;
    log('warn', 'live events: the LISTEN connection was lost; reconnecting', { error: describe(error) });
    candidate.end().catch(() => undefined);
    scheduleReconnect();
  };

  function scheduleReconnect() {
    if (stopped || retry) return;
    const delay = Math.min(maxMs, initialMs * 2 ** Math.min(failures, 30)) * (0.5 + Math.random() / 2);
    failures += 1;
    retry = setTimeout(() => {
      retry = null;
      attempt = connect();
    }, delay);
    retry.unref();
  }

  async function connect(): Promise<void> {
    const candidate = new pg.Client({
      connectionString: options.connectionString,
      application_name: LIVE_EVENTS_APPLICATION_NAME,
      // A dead peer is noticed by TCP keepalive; connecting and LISTEN never hang a restart or stop().
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
    });
    // Listeners stay on for the client's life: an 'error' without a listener would crash the process.
    candidate.on('notification', ({ channel, payload }) => {
      if (payload !== undefined && !hub.publish(channel, payload)) {
        log('warn', 'live events: a notification that is not a valid payload was ignored', { channel, bytes: Buffer.byteLength(payload) });
      }
    });
    candidate.on('error', (error) => lost(candidate, error));
    candidate.on('end', () => lost(candidate, new Error('connection ended')));
    try {
      await candidate.connect();
      for (const channel of hub.channels) await candidate.query(`LISTEN ${candidate.escapeIdentifier(channel)}`);
    } catch (error) {
      candidate.end().catch(() => undefined);
      if (stopped) return;
      log('warn', 'live events: could not LISTEN; retrying', { error: describe(error), failures: failures + 1 });
      scheduleReconnect();
      return;
    }
    if (stopped) {
      await candidate.end().catch(() => undefined);
      return;
    }
    if (failures > 0) log('info', 'live events: listening again', { after: failures });
    failures = 0;
    client = candidate;
  }

  attempt = connect();
  await attempt;

  return {
    listen: (channel, listenOptions) => hub.listen(channel, listenOptions),
    get listening() {
      return client !== null;
    },
    get subscribers() {
      return hub.size;
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      hub.stop();
      await attempt;
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
