import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import pino from 'pino';
import type { Viewer } from '../../identity/domain/role.js';
import type { GraphQLContext } from './graphqlContext.js';
import type { ApiMetrics, RequestOutcome } from './metrics.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming `x-request-id` is kept when it is a short token of safe characters; otherwise a UUID is made. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** What is known about one GraphQL request, filled in as it goes; logged and counted when it ends. */
export interface GraphQLRequestRecord {
  /** The request id: in the `x-request-id` response header, the log line, and `correlationId` of an unexpected error. */
  id: string;
  /** The peer address (the proxy's, behind one): the rate limit's key for anonymous callers. */
  clientAddress: string;
  startedAt: bigint;
  /** Set once the document parsed and validated and its operation was found. */
  resolved: boolean;
  executed: boolean;
  operationName: string | null;
  operationType: string | null;
  viewer: Viewer | null;
  outcome: RequestOutcome | null;
  errorCodes: string[];
}

/** Gives every response an `x-request-id` (the caller's, if it sent a safe one). */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const incoming = req.header(REQUEST_ID_HEADER)?.trim();
  const id = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
};

/** The id `assignRequestId` gave this response, if it ran. */
export function requestIdOf(res: Response): string | undefined {
  return typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined;
}

/** The record `trackGraphQLRequests` keeps for this response (it goes into the GraphQL context). */
export function graphqlRequestOf(res: Response): GraphQLRequestRecord | undefined {
  return res.locals.graphqlRequest as GraphQLRequestRecord | undefined;
}

export interface RequestLogOptions {
  /** LOG_LEVEL; request lines are written at `info` (`warn` for failures). */
  level?: pino.LevelWithSilent;
  /** Where the JSON lines go; stdout unless given (tests pass a collector). */
  destination?: pino.DestinationStream;
}

export function createRequestLogger({ level = 'info', destination }: RequestLogOptions = {}): pino.Logger {
  const options: pino.LoggerOptions = { level, base: { service: 'api' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * For each request to the GraphQL endpoint: one JSON log line and the metrics when the
 * answer has gone out (or the caller went away). Covers refusals before GraphQL runs
 * too (body too large, malformed JSON, an unusable token).
 */
export function trackGraphQLRequests(logger: pino.Logger, metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    const record: GraphQLRequestRecord = {
      id: requestIdOf(res) ?? randomUUID(),
      clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      startedAt: process.hrtime.bigint(),
      resolved: false,
      executed: false,
      operationName: null,
      operationType: null,
      viewer: null,
      outcome: null,
      errorCodes: [],
    };
    res.locals.graphqlRequest = record;
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - record.startedAt) / 1e9;
      const status = res.statusCode;
      const outcome: RequestOutcome = aborted
        ? 'aborted'
        : status >= 500
          ? 'failure'
          : (record.outcome ?? (status >= 400 ? 'rejected' : 'success'));
      const operation = record.resolved ? (record.operationName ?? 'anonymous') : 'unknown';
      metrics.observe(operation, outcome, seconds);
      const line = {
        requestId: record.id,
        method: req.method,
        status,
        operationName: record.operationName,
        operationType: record.operationType,
        outcome,
        durationMs: Math.round(seconds * 10_000) / 10,
        userId: record.viewer?.userId ?? null,
        username: record.viewer?.username ?? null,
        role: record.viewer?.role ?? null,
        ...(record.errorCodes.length > 0 ? { errorCodes: record.errorCodes } : {}),
      };
      if (outcome === 'failure') logger.warn(line, 'graphql request');
      else logger.info(line, 'graphql request');
    };
    res.once('finish', () => finish(false));
    res.once('close', () => finish(!res.writableFinished));
    next();
  };
}

/** Fills the request's record from inside Apollo: viewer, operation, whether it ran, error codes. */
export const annotateGraphQLRequests: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    const record = contextValue.request;
    if (!record) return;
    record.viewer = contextValue.viewer;
    return {
      async didResolveOperation({ operationName, operation }) {
        record.resolved = true;
        record.operationName = operationName;
        record.operationType = operation?.operation ?? null;
      },
      async executionDidStart() {
        record.executed = true;
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') {
          record.outcome = 'success';
          return;
        }
        const errors = response.body.singleResult.errors ?? [];
        record.errorCodes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
        record.outcome =
          errors.length === 0
            ? 'success'
            : record.errorCodes.includes('INTERNAL_SERVER_ERROR')
              ? 'failure'
              : record.executed
                ? 'error'
                : 'rejected';
      },
    };
  },
};
