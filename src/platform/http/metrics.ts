import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** How a GraphQL request ended (label `outcome`). */
export type RequestOutcome =
  /** Executed without errors. */
  | 'success'
  /** Executed, with errors (a refused action, a forbidden field...). */
  | 'error'
  /** Refused before executing: body, parse, validation, a limit, the rate limit, a bad token. */
  | 'rejected'
  /** Failed on the server's side (HTTP 5xx or INTERNAL_SERVER_ERROR). */
  | 'failure'
  /** The client went away before the answer was sent. */
  | 'aborted';

/** Distinct operation names kept as labels; past that, `other`, so callers cannot grow the series without bound. */
const MAX_OPERATION_LABELS = 200;

let processRegistry: Registry | undefined;

/** Node's default metrics (CPU, memory, event loop, GC), collected once per process. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The API's Prometheus metrics: `graphql_requests_total{operation,outcome}` and the
 * `graphql_request_duration_seconds{operation}` histogram, plus Node's default metrics.
 * A registry per API instance (tests run several in one process).
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (success, error, rejected, failure, aborted).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its answer, by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  /** The label for an operation name: the name while fewer than 200 are known, else `other`. */
  operationLabel(name: string): string {
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  observe(operation: string, outcome: RequestOutcome, seconds: number): void {
    const label = this.operationLabel(operation);
    this.requests.inc({ operation: label, outcome });
    this.duration.observe({ operation: label }, seconds);
  }

  /** `GET /metrics`, in Prometheus's text format. */
  readonly handler: RequestHandler = async (_req, res) => {
    const merged = Registry.merge([processMetrics(), this.registry]);
    res.set('content-type', merged.contentType).send(await merged.metrics());
  };
}
