import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer } from 'ws';
import { parseSlaAlertNotice, SLA_ALERTS_CHANNEL } from '../../aftersales/domain/slaAlertNotice.js';
import type { SlaNotification } from '../../aftersales/domain/slaNotification.js';
import { parseTimelineNotice, TIMELINE_EVENTS_CHANNEL, type TimelineNotice } from '../../delivery/domain/timelineNotice.js';
import type { Viewer } from '../../identity/domain/role.js';
import { startPostgresLiveEvents, SubscriberTooSlowError, type LiveEvents, type PostgresLiveEvents } from '../liveEvents.js';
import type { ApiDependencies } from './apiServer.js';
import { viewerOfRequest } from './bearerToken.js';
import { formatGraphQLError } from './errorMapping.js';
import { costRefusal } from './queryLimits.js';
import { createLoaders, type GraphQLContext } from './graphqlContext.js';

/**
 * GraphQL subscriptions over the graphql-ws protocol (`graphql-transport-ws`), on the
 * API's own HTTP server and path. The socket serves subscriptions only: queries and
 * mutations stay on HTTP, where the rate limit and CSRF prevention apply.
 *
 * Signing in: the client sends `{ authorization: "Bearer <token>" }` as the
 * `connection_init` payload (graphql-ws `connectionParams`). A token that is sent but not
 * valid closes the socket with 4401; without a token the connection is accepted, and
 * every subscription is refused with UNAUTHENTICATED as an anonymous query would be.
 * The socket is closed with 4401 when its token expires.
 */

/** The channels the API listens on, with the events each carries. */
export type LiveChannels = { [TIMELINE_EVENTS_CHANNEL]: TimelineNotice; [SLA_ALERTS_CHANNEL]: SlaNotification };

/** What subscription resolvers receive: the query context plus the live feed. */
export interface SubscriptionContext extends GraphQLContext {
  liveEvents: LiveEvents<LiveChannels>;
}

/** Subscriptions one connection may hold at once; each has a buffer of its own. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** Largest message a client may send; a subscription document is small. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** How long closing waits for clients to answer the close handshake before cutting them off. */
const CLOSE_GRACE_MS = 2000;

export interface SubscriptionServerOptions {
  httpServer: Server;
  /** The HTTP path upgrades are accepted on; `/graphql`, like the queries. */
  path: string;
  schema: GraphQLSchema;
  deps: ApiDependencies;
  /** The document limits queries are held to (src/platform/http/queryLimits.ts), so subscriptions are too. */
  protection?: { validationRules?: readonly ValidationRule[]; parseOptions?: ParseOptions; maxCost?: number };
}

export interface RunningSubscriptions {
  /** The LISTEN connection and its subscribers (for readiness and tests). */
  readonly liveEvents: PostgresLiveEvents<LiveChannels>;
  /** Closes every socket (1001, going away), then the LISTEN connection. */
  close(): Promise<void>;
}

type ConnectionParams = { authorization?: unknown };
type ConnectionExtra = { viewer: Viewer | null; expiry: NodeJS.Timeout };

/** graphql-js appends "Did you mean ...?" to several messages; they describe the schema, so they are left out. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

const coded = (message: string, code: string, extra: Record<string, unknown> = {}) => new GraphQLError(message, { extensions: { code, ...extra } });

/** Parse and validation refusals, coded as the HTTP side codes them. */
function checkDocument(schema: GraphQLSchema, query: string, protection: SubscriptionServerOptions['protection']): DocumentNode | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(query, protection?.parseOptions);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The document could not be parsed.';
    return [coded(message, 'GRAPHQL_PARSE_FAILED')];
  }
  const errors = validate(schema, document, [...specifiedRules, ...(protection?.validationRules ?? [])]);
  if (errors.length === 0) return document;
  return errors.map((error) => {
    // graphql-armor's refusals carry their own code and limit (queryLimits.ts QueryLimitError).
    const { limitCode, limit } = error as GraphQLError & { limitCode?: string; limit?: number };
    return new GraphQLError(error.message.replace(SUGGESTION, ''), {
      nodes: error.nodes,
      extensions: limitCode ? { code: limitCode, limit } : { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
}

/** One result error as a client may see it: domain errors coded, the unexpected masked and logged once. */
function formatError(error: GraphQLError, operationId: string): GraphQLFormattedError {
  const original = error.originalError;
  if (original instanceof SubscriberTooSlowError) {
    return { message: original.message, extensions: { code: 'SUBSCRIBER_TOO_SLOW', bufferSize: original.bufferSize } };
  }
  const formatted = formatGraphQLError(error.toJSON(), error);
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const correlationId = randomUUID();
  const cause = original ?? error;
  console.error(JSON.stringify({ level: 'error', msg: 'unexpected error in GraphQL subscription', correlationId, operationId, error: String(cause), stack: cause.stack }));
  return { ...formatted, extensions: { ...formatted.extensions, correlationId } };
}

/** `map` over an async iterable, ending the source as soon as it is ended (graphql-js's own helper is internal). */
function mapAsyncIterable<T, U>(source: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncGenerator<U, undefined, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const end = async () => {
    await iterator.return?.();
    return { value: undefined, done: true as const };
  };
  const mapped: AsyncGenerator<U, undefined, undefined> = {
    async next() {
      const result = await iterator.next();
      return result.done ? { value: undefined, done: true } : { value: await map(result.value), done: false };
    },
    return: end,
    async throw(error) {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
    async [Symbol.asyncDispose]() {
      await end();
    },
  };
  return mapped;
}

/**
 * Starts the LISTEN connection and the graphql-ws server on `httpServer`'s upgrades to
 * `path`. Call once the HTTP server listens; close it before the HTTP server drains.
 */
export async function startSubscriptionServer({ httpServer, path, schema, deps, protection }: SubscriptionServerOptions): Promise<RunningSubscriptions> {
  const liveEvents = await startPostgresLiveEvents<LiveChannels>({
    connectionString: deps.databaseUrl,
    channels: { [TIMELINE_EVENTS_CHANNEL]: parseTimelineNotice, [SLA_ALERTS_CHANNEL]: parseSlaAlertNotice },
  });
  const wsServer = new WebSocketServer({ server: httpServer, path, maxPayload: MAX_MESSAGE_BYTES });

  /** A context for one subscription, or for one of its events: an ORM session and loaders of its own. */
  const contextFor = (viewer: Viewer | null): SubscriptionContext => {
    const em = deps.orm.em.fork();
    return { em, temporal: deps.temporal, taskQueue: deps.taskQueue, sopDayMs: deps.sopDayMs, slaAlerting: deps.slaAlerting, outbound: deps.outbound, viewer, loaders: createLoaders(em), liveEvents };
  };

  const server = useServer<ConnectionParams, ConnectionExtra>(
    {
      schema,
      // Never send an internal error's text as a close reason, in any mode.
      isProd: true,
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        if (authorization === undefined || authorization === null) {
          ctx.extra.viewer = null;
          return true;
        }
        try {
          if (typeof authorization !== 'string') throw coded('authorization must be "Bearer <token>".', 'UNAUTHENTICATED');
          ctx.extra.viewer = await viewerOfRequest(authorization, deps.verifyToken);
        } catch (error) {
          if (!(error instanceof GraphQLError) || error.extensions.code !== 'UNAUTHENTICATED') throw error;
          ctx.extra.socket.close(CloseCode.Unauthorized, `Unauthorized: ${error.message}`.slice(0, 120));
          return false;
        }
        // The token was valid when the socket opened; the socket does not outlive it.
        const { exp } = decodeJwt(authorization.trim().replace(/^Bearer +/, ''));
        const remainingMs = Math.min(2 ** 31 - 1, Math.max(0, (exp ?? 0) * 1000 - Date.now()));
        ctx.extra.expiry = setTimeout(() => ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: the token has expired.'), remainingMs);
        ctx.extra.expiry.unref();
        return true;
      },
      onClose(ctx) {
        clearTimeout(ctx.extra.expiry);
      },
      onSubscribe(ctx, _id, payload) {
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [coded(`A connection may hold at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions.`, 'TOO_MANY_SUBSCRIPTIONS', { limit: MAX_SUBSCRIPTIONS_PER_CONNECTION })];
        }
        const document = checkDocument(schema, payload.query, protection);
        if (Array.isArray(document)) return document;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [coded('The document names no operation to run (operationName).', 'BAD_USER_INPUT')];
        if (operation.operation !== 'subscription') {
          return [coded('This socket serves subscriptions only; send queries and mutations as HTTP POST /graphql.', 'OPERATION_NOT_SUPPORTED')];
        }
        // Every event runs the selection again: what it costs is checked as a query's is.
        const tooCostly = protection?.maxCost === undefined ? undefined : costRefusal(schema, document, operation, payload.variables, protection.maxCost);
        if (tooCostly) return [tooCostly];
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx) => contextFor(ctx.extra.viewer ?? null),
      // graphql-js's `subscribe`, except that each event runs with a fresh ORM session and
      // loaders: a subscription lives for hours, its first context's caches would go stale.
      async subscribe(args: ExecutionArgs) {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        const { viewer } = args.contextValue as SubscriptionContext;
        return mapAsyncIterable(stream, async (event) => (await execute({ ...args, rootValue: event, contextValue: contextFor(viewer) })) as ExecutionResult);
      },
      onNext(_ctx, id, _payload, _args, result) {
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((error) => formatError(error, id)) };
      },
      onError(_ctx, id, _payload, errors) {
        return errors.map((error) => formatError(error, id));
      },
    },
    wsServer,
  );

  return {
    liveEvents,
    async close() {
      const disposed = server.dispose();
      const graceOver = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
      await Promise.race([disposed, graceOver]);
      for (const socket of wsServer.clients) socket.terminate();
      await disposed;
      await liveEvents.stop();
    },
  };
}
