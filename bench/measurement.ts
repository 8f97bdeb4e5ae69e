/**
 * One measured cell: a system at a concurrency, warmed up, then driven for a fixed time,
 * with CPU seconds of every process and SQL statements counted around it. Cells of a
 * scenario run alternately with their floors' (A, floor, A, floor…) and are merged.
 */
import type pg from 'pg';
import type { LoadJob, LoadResult } from './loadGenerator.js';
import type { BenchChild } from './childProcess.js';
import { cpuSecondsOf, cpuSecondsOfTree } from './processStats.js';

export interface MeasuredProcess {
  name: string;
  pid: number;
  /** Postgres' backends are children of the postmaster: count the whole tree. */
  tree: boolean;
}

/** One scenario × system × concurrency: the load generator's figures (all rounds pooled), plus what the processes did. */
export interface CellResult extends Omit<LoadResult, 'maxMs' | 'latenciesMs'> {
  scenario: string;
  system: string;
  concurrency: number;
  statementsPerRequest: number;
  /** CPU seconds per process during the measured time (all rounds). */
  cpuSeconds: Record<string, number>;
}

export interface Measurement {
  loadGenerator: BenchChild<unknown>;
  processes: MeasuredProcess[];
  statements: StatementCounter;
  warmupMs: number;
  measureMs: number;
}

export interface StatementCounter {
  total(): Promise<number>;
}

/** Statements the bench database has run so far, by pg_stat_statements (BEGIN/COMMIT included); the bench's own queries run elsewhere. */
export function statementCounter(admin: pg.Client, databaseName: string): StatementCounter {
  return {
    async total() {
      const result = await admin.query<{ calls: string }>(
        `select coalesce(sum(s.calls), 0) as calls from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = $1`,
        [databaseName],
      );
      return Number(result.rows[0]!.calls);
    },
  };
}

function cpuSnapshot(processes: MeasuredProcess[]): Record<string, number> {
  return Object.fromEntries(processes.map((process) => [process.name, process.tree ? cpuSecondsOfTree(process.pid) : cpuSecondsOf(process.pid)]));
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

interface RoundSample {
  result: LoadResult;
  statements: number;
  cpu: Record<string, number>;
}

export interface CellSpec {
  scenario: string;
  system: string;
  concurrency: number;
  job: Omit<LoadJob, 'concurrency' | 'durationMs' | 'totalRequests' | 'keepLatencies'>;
  /** Runs alongside the warm-up, under the same load (the consistency samples). */
  duringWarmup?: () => Promise<void>;
}

async function measureOnce(measurement: Measurement, spec: CellSpec): Promise<RoundSample> {
  const warmup = measurement.loadGenerator.call<LoadResult>('drive', { ...spec.job, concurrency: spec.concurrency, durationMs: measurement.warmupMs });
  await Promise.all([warmup, spec.duringWarmup?.()]);
  const cpuBefore = cpuSnapshot(measurement.processes);
  const statementsBefore = await measurement.statements.total();
  const result = await measurement.loadGenerator.call<LoadResult>('drive', {
    ...spec.job,
    concurrency: spec.concurrency,
    durationMs: measurement.measureMs,
    keepLatencies: true,
  });
  const statementsAfter = await measurement.statements.total();
  const cpuAfter = cpuSnapshot(measurement.processes);
  // The counter's own query is one statement, in another database: nothing to subtract.
  return {
    result,
    statements: statementsAfter - statementsBefore,
    cpu: Object.fromEntries(Object.entries(cpuAfter).map(([name, seconds]) => [name, seconds - (cpuBefore[name] ?? 0)])),
  };
}

function mergeRounds(spec: CellSpec, samples: RoundSample[]): CellResult {
  const latencies = Float64Array.from(samples.flatMap((sample) => sample.result.latenciesMs ?? [])).sort();
  const requests = samples.reduce((sum, sample) => sum + sample.result.requests, 0);
  const seconds = samples.reduce((sum, sample) => sum + sample.result.seconds, 0);
  const cpuSeconds: Record<string, number> = {};
  for (const sample of samples) for (const [name, value] of Object.entries(sample.cpu)) cpuSeconds[name] = (cpuSeconds[name] ?? 0) + value;
  return {
    scenario: spec.scenario,
    system: spec.system,
    concurrency: spec.concurrency,
    requests,
    errors: samples.reduce((sum, sample) => sum + sample.result.errors, 0),
    firstError: samples.find((sample) => sample.result.firstError)?.result.firstError ?? null,
    seconds,
    requestsPerSecond: requests / seconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    statementsPerRequest: samples.reduce((sum, sample) => sum + sample.statements, 0) / Math.max(1, requests),
    cpuSeconds,
  };
}

/** Runs `specs` (a scenario and its floors) in alternation for `rounds` rounds; one merged result per spec. */
export async function measureAlternating(measurement: Measurement, specs: CellSpec[], rounds: number, log: (line: string) => void): Promise<CellResult[]> {
  const samples = specs.map(() => [] as RoundSample[]);
  for (let round = 0; round < rounds; round++) {
    for (const [index, spec] of specs.entries()) {
      const sample = await measureOnce(measurement, spec);
      samples[index]!.push(sample);
      const r = sample.result;
      log(
        `  ${spec.scenario} · ${spec.system} · c=${spec.concurrency}: ${r.requestsPerSecond.toFixed(1)} req/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ` +
          `${(sample.statements / Math.max(1, r.requests)).toFixed(2)} stmt/req${r.errors ? `, ${r.errors} errors: ${r.firstError}` : ''}`,
      );
    }
  }
  return specs.map((spec, index) => mergeRounds(spec, samples[index]!));
}
