import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { formatGraphQLError } from './errorMapping.js';
import { isDatabaseUnavailable } from '../orm/sqlState.js';
import type { GraphQLContext } from './graphqlContext.js';
import { requestIdOf } from './requestLog.js';

/** The GraphQL error shape for a failure that happened before GraphQL ran. */
function graphqlShaped(message: string, code: string, correlationId?: string) {
  return { errors: [{ message, extensions: { code, ...(correlationId ? { correlationId } : {}) } }] };
}

/**
 * Express's own failures (body too large, malformed JSON, anything unexpected) answered
 * in the GraphQL error shape with a code, never Express's HTML page or a stack trace.
 */
export const httpErrorHandler: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, _next) => {
  if (error.type === 'entity.too.large') {
    res.status(413).json(graphqlShaped('The request body is too large.', 'PAYLOAD_TOO_LARGE'));
  } else if (error.type === 'entity.parse.failed') {
    res.status(400).json(graphqlShaped('The request body is not valid JSON.', 'MALFORMED_JSON'));
  } else if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    res.status(415).json(graphqlShaped('The request body encoding is not supported.', 'UNSUPPORTED_MEDIA_TYPE'));
  } else if (isDatabaseUnavailable(error)) {
    res.status(503).json(graphqlShaped('The database is unavailable; try again shortly.', 'SERVICE_UNAVAILABLE'));
  } else if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    res.status(error.status).json(graphqlShaped('The request is not acceptable.', 'BAD_REQUEST'));
  } else {
    const correlationId = requestIdOf(res) ?? randomUUID();
    console.error(JSON.stringify({ level: 'error', msg: 'unexpected HTTP error', correlationId, error: String(error) }));
    res.status(500).json(graphqlShaped('Internal server error', 'INTERNAL_SERVER_ERROR', correlationId));
  }
};

/** Refuses other HTTP methods with 405 METHOD_NOT_ALLOWED. */
export function allowOnly(methods: string[]): RequestHandler {
  return (req, res, next) => {
    if (methods.includes(req.method)) return next();
    res.status(405).set('allow', methods.join(', ')).json(graphqlShaped(`Use ${methods.join(', ')}.`, 'METHOD_NOT_ALLOWED'));
  };
}

/** Any path the API does not serve. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json(graphqlShaped('Not found.', 'NOT_FOUND'));
};

/**
 * Logs each unexpected error once, with a correlation id that the response carries too
 * (`extensions.correlationId`), so a report from a client finds the log line. The id is
 * the request's own (`x-request-id`, and the request's log line), when it came over HTTP.
 */
export const correlateUnexpectedErrors: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    const correlationId = contextValue.request?.id ?? randomUUID();
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          // Only what the client will see as INTERNAL_SERVER_ERROR is unexpected; coded refusals are not.
          if (formatGraphQLError({ message: error.message, extensions: error.extensions }, error).extensions?.code === 'INTERNAL_SERVER_ERROR') {
            console.error(JSON.stringify({ level: 'error', msg: 'unexpected error in GraphQL request', correlationId, error: String(error.originalError ?? error), stack: (error.originalError ?? error).stack }));
          }
        }
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') (error.extensions as Record<string, unknown>).correlationId = correlationId;
        }
      },
    };
  },
};

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers over Node's
 * 16 KB limit, malformed request lines) get the same coded JSON as every other refusal,
 * instead of Node's bare status line with an empty body.
 */
export function answerClientErrors(httpServer: Server): void {
  httpServer.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, message, code] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are too large.', 'REQUEST_HEADER_FIELDS_TOO_LARGE']
        : [400, 'The request is not valid HTTP.', 'BAD_REQUEST'];
    const body = JSON.stringify(graphqlShaped(message, code));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Subscriptions are served over WebSocket (graphql-ws, src/platform/http/subscriptionServer.ts).
 * Over HTTP their resolvers would run without an event to resolve: refused before execution.
 */
export const refuseSubscriptionsOverHttp: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws protocol) at this same path, not over HTTP.', {
            extensions: { code: 'SUBSCRIPTION_OVER_HTTP', http: { status: 400 } },
          });
        }
      },
    };
  },
};
