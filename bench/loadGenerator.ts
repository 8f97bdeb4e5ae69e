/**
 * The load generator, a process of its own: closed-loop virtual clients over undici
 * (keep-alive, one connection per client), each sending its next request as soon as the
 * previous answer is read. Latency is from send to the last byte of the body.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { serveParent } from './childProcess.js';

export interface BenchRequest {
  path: string;
  method: 'GET' | 'POST';
  body?: string;
}

export interface LoadJob {
  origin: string;
  headers: Record<string, string>;
  /** Sent in turn (a shared counter), so concurrent clients take neighbouring entries. */
  requests: BenchRequest[];
  concurrency: number;
  /** Stop after this long, or after `totalRequests` requests, whichever is given. */
  durationMs?: number;
  totalRequests?: number;
  /** Return every latency in send order (the long-lived project's drift). */
  keepLatencies?: boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  latenciesMs?: number[];
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** A 2xx answer without GraphQL `errors` counts as a success. */
function failureOf(status: number, text: string): string | null {
  if (status >= 300) return `HTTP ${status}: ${text.slice(0, 300)}`;
  if (text.startsWith('{"errors"') || text.includes('"errors":[')) return text.slice(0, 300);
  return null;
}

async function drive(job: LoadJob): Promise<LoadResult> {
  const pool = new Pool(job.origin, { connections: job.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  const order: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = job.durationMs !== undefined ? started + job.durationMs : Infinity;
  const limit = job.totalRequests ?? Infinity;
  const client = async () => {
    while (performance.now() < deadline && next < limit) {
      const index = next++;
      const request = job.requests[index % job.requests.length]!;
      const sent = performance.now();
      try {
        const response = await pool.request({ path: request.path, method: request.method, headers: job.headers, body: request.body });
        const text = await response.body.text();
        const failure = failureOf(response.statusCode, text);
        if (failure) {
          errors += 1;
          firstError ??= failure;
        }
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
      latencies.push(performance.now() - sent);
      order.push(index);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  const sorted = Float64Array.from(latencies).sort();
  let inSendOrder: number[] | undefined;
  if (job.keepLatencies) {
    inSendOrder = new Array<number>(latencies.length);
    order.forEach((index, position) => (inSendOrder![index] = latencies[position]!));
  }
  return {
    requests: latencies.length,
    errors,
    firstError,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? NaN,
    latenciesMs: inSendOrder,
  };
}

serveParent({ pid: process.pid }, { drive }, async () => {});
