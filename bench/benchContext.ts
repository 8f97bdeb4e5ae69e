/** What every scenario works with: the processes, the bench's database connection and the cell runner. */
import type pg from 'pg';
import type { BenchChild } from './childProcess.js';
import type { BenchRequest, LoadJob, LoadResult } from './loadGenerator.js';
import type { Measurement } from './measurement.js';
import type { BenchOptions } from './options.js';
import type { SystemUnderTestReady } from './systemUnderTest.js';

export interface BenchContext {
  options: BenchOptions;
  measurement: Measurement;
  loadGenerator: BenchChild<unknown>;
  systemUnderTest: BenchChild<SystemUnderTestReady>;
  /** Origin of the application's API. */
  appOrigin: string;
  sqlFloorOrigin: string;
  postGraphileOrigin: string;
  temporalFloor: BenchChild<{ origin: string }>;
  /** The bench's own connection to the stack's database (data set-up and checks, never inside a measured cell). */
  db: pg.Client;
  log(line: string): void;
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

export function bearer(token: string): Record<string, string> {
  return { ...JSON_HEADERS, authorization: `Bearer ${token}` };
}

/** Sends `total` requests at `concurrency` through the load generator (data set-up, not measured); fails on any error. */
export async function sendAll(context: BenchContext, origin: string, headers: Record<string, string>, requests: BenchRequest[], concurrency: number): Promise<LoadResult> {
  const job: LoadJob = { origin, headers, requests, concurrency, totalRequests: requests.length };
  const result = await context.loadGenerator.call<LoadResult>('drive', job);
  if (result.errors > 0) throw new Error(`${result.errors} of ${result.requests} set-up requests failed: ${result.firstError}`);
  return result;
}

/** One GraphQL request from the bench itself (checks); throws on errors. */
export async function askGraphql<Data>(origin: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await fetch(`${origin}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL errors from ${origin}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function realProjectIds(context: BenchContext, limit: number): Promise<string[]> {
  const result = await context.db.query<{ id: string }>(
    `select id from project where workflow_id not like 'bench-copy-%' and stage = 'REQUIREMENTS' order by created_at limit $1`,
    [limit],
  );
  return result.rows.map((row) => row.id);
}
