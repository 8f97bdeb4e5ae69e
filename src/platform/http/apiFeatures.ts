import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Express, Response } from 'express';
import type { GraphQLContext } from './graphqlContext.js';
import { graphiqlRouter } from './graphiql.js';
import { ApiMetrics } from './metrics.js';
import { DEFAULT_QUERY_LIMITS, graphqlProtection, type QueryLimits } from './queryLimits.js';
import { mutationRateLimit } from './rateLimit.js';
import {
  annotateGraphQLRequests,
  assignRequestId,
  createRequestLogger,
  graphqlRequestOf,
  trackGraphQLRequests,
  type GraphQLRequestRecord,
  type RequestLogOptions,
} from './requestLog.js';

/** How the API protects itself and reports on itself; every field has a production default. */
export interface ApiOptions {
  /** Depth, alias, cost, token and directive limits (README: GRAPHQL_MAX_*). */
  limits?: QueryLimits;
  /** Introspection and field suggestions in errors; off unless set. */
  introspection?: boolean;
  /** Mutations a minute for each user (each address when anonymous), per API process; 0: no limit. */
  mutationsPerMinute?: number;
  /** Largest request body accepted. */
  bodyLimitBytes?: number;
  /** Level and destination of the request log. */
  log?: RequestLogOptions;
}

export const DEFAULT_API_OPTIONS = {
  limits: DEFAULT_QUERY_LIMITS,
  introspection: false,
  mutationsPerMinute: 120,
  bodyLimitBytes: 1_048_576,
} satisfies ApiOptions;

/**
 * Every GraphQL answer is the viewer's own and must not be stored: `Cache-Control: no-store`,
 * as Apollo's cache-control plugin said when nothing was cacheable. That plugin is off
 * because it hooks every field of every response to collect cache hints (the schema gives
 * none), which cost the board read about a tenth of its CPU.
 */
const neverCached: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

export interface ApiFeatures {
  /** For the ApolloServer constructor: limits and the introspection switch. */
  apollo: ReturnType<typeof graphqlProtection>['apollo'];
  /** Apollo plugins: no CDN landing page, no per-field cache hints (`no-store` instead), limit codes, the request log's annotations, the mutation rate limit. */
  plugins: ApolloServerPlugin<GraphQLContext>[];
  /** The cost limit (GRAPHQL_MAX_COST), for the subscription socket, which Apollo's plugins do not reach. */
  maxCost: number;
  /** For `express.json({ limit })`. */
  bodyLimit: number;
  /** Mounts the request id, the request log and metrics of `/graphql`, `GET /metrics` and `GET /graphiql`; call first. */
  mount(app: Express): void;
  /** What the GraphQL context carries about the HTTP request (`context.request`). */
  requestOf(res: Response): GraphQLRequestRecord | undefined;
}

/** The API's protections, request log, metrics and IDE, ready to plug into the server. */
export async function apiFeatures(options: ApiOptions = {}): Promise<ApiFeatures> {
  const metrics = new ApiMetrics();
  const logger = createRequestLogger(options.log);
  const limits = options.limits ?? DEFAULT_API_OPTIONS.limits;
  const protection = graphqlProtection({
    limits,
    introspection: options.introspection ?? DEFAULT_API_OPTIONS.introspection,
  });
  const graphiql = await graphiqlRouter({ endpoint: '/graphql' });
  return {
    apollo: protection.apollo,
    plugins: [
      // Apollo's own landing page loads from a CDN; GraphiQL is served from /graphiql instead.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      neverCached,
      protection.plugin,
      annotateGraphQLRequests,
      mutationRateLimit(options.mutationsPerMinute ?? DEFAULT_API_OPTIONS.mutationsPerMinute),
    ],
    maxCost: limits.maxCost,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_API_OPTIONS.bodyLimitBytes,
    mount(app) {
      app.use(assignRequestId);
      app.get('/metrics', metrics.handler);
      app.use(graphiql);
      app.use('/graphql', trackGraphQLRequests(logger, metrics));
    },
    requestOf: graphqlRequestOf,
  };
}
