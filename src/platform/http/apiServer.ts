import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client as TemporalClient } from '@temporalio/client';
import express from 'express';
import { createLoaders, type GraphQLContext } from './graphqlContext.js';
import { formatGraphQLError } from './errorMapping.js';
import { allowOnly, answerClientErrors, correlateUnexpectedErrors, httpErrorHandler, notFound, refuseSubscriptionsOverHttp } from './httpErrors.js';
import { buildApiSchema } from './graphqlSchema.js';
import type { OutboundPolicy } from '../outbound/outboundPolicy.js';
import type { VerifyToken } from '../../identity/services/tokens.js';
import { viewerOfRequest } from './bearerToken.js';
import { apiFeatures, type ApiOptions } from './apiFeatures.js';
import { startSubscriptionServer } from './subscriptionServer.js';
import type { SlaAlerting } from '../../aftersales/domain/slaAlerting.js';
import { breachReportCsvRouter } from '../../aftersales/api/breachReportCsv.js';

export interface ApiDependencies {
  orm: MikroORM;
  temporal: TemporalClient;
  taskQueue: string;
  sopDayMs: number;
  /** When SLA warnings go out for new tickets (SLA_* settings). */
  slaAlerting?: SlaAlerting;
  outbound: OutboundPolicy;
  verifyToken: VerifyToken;
  /** The database the worker's projection NOTIFYs in; subscriptions LISTEN on it (src/platform/liveEvents.ts). */
  databaseUrl: string;
}

export interface RunningApi {
  url: string;
  graphqlUrl: string;
  stop(): Promise<void>;
}

async function readiness({ orm, temporal }: ApiDependencies) {
  const [postgres, temporalCheck] = await Promise.all([
    orm.checkConnection().then((result) => (result.ok ? { ok: true } : { ok: false, reason: result.reason })),
    temporal.connection.workflowService.getSystemInfo({}).then(
      () => ({ ok: true }),
      (error: unknown) => ({ ok: false, reason: error instanceof Error ? error.message : String(error) }),
    ),
  ]);
  return { ok: postgres.ok && temporalCheck.ok, checks: { postgres, temporal: temporalCheck } };
}

/** The HTTP face of the platform: `/graphql`, plus `/healthz` (alive), `/readyz` (Postgres and Temporal answer), `/metrics` and `/graphiql`. */
export async function startApi(deps: ApiDependencies, host: string, port: number, options: ApiOptions = {}): Promise<RunningApi> {
  const app = express();
  // GraphQL answers are POSTs, never revalidated: hashing every body for an ETag is wasted CPU.
  app.set('etag', false);
  const httpServer: Server = createServer(app);
  answerClientErrors(httpServer);
  // Limits, introspection switch, rate limit, request log and metrics, GraphiQL (src/platform/http/apiFeatures.ts).
  const features = await apiFeatures(options);
  features.mount(app);
  const schema = await buildApiSchema();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError: formatGraphQLError,
    ...features.apollo,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), correlateUnexpectedErrors, refuseSubscriptionsOverHttp, ...features.plugins],
    // Never, in any mode: Apollo decides from NODE_ENV otherwise, which `npm start` leaves unset.
    includeStacktraceInErrorResponses: false,
    // The entries own the signals and stop the parts in order (src/platform/runtime/shutdown.ts).
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const result = await readiness(deps);
    res.status(result.ok ? 200 : 503).json({ status: result.ok ? 'ready' : 'not-ready', ...result.checks });
  });
  app.use(
    '/graphql',
    allowOnly(['GET', 'POST', 'HEAD']),
    express.json({ limit: features.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const em = deps.orm.em.fork();
        return {
          em,
          temporal: deps.temporal,
          taskQueue: deps.taskQueue,
          sopDayMs: deps.sopDayMs,
          slaAlerting: deps.slaAlerting,
          outbound: deps.outbound,
          viewer: await viewerOfRequest(req.header('authorization'), deps.verifyToken),
          loaders: createLoaders(em),
          request: features.requestOf(res),
        };
      },
    }),
  );

  app.use(breachReportCsvRouter(deps));
  app.use(notFound);
  app.use(httpErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  // Subscriptions over graphql-ws on the same port and path (src/platform/http/subscriptionServer.ts).
  const subscriptions = await startSubscriptionServer({ httpServer, path: '/graphql', schema, deps, protection: { ...features.apollo, maxCost: features.maxCost } });
  const address = httpServer.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  const stop = async () => {
    // Sockets first: an open WebSocket would hold the HTTP drain until its grace period ends.
    await subscriptions.close();
    await apollo.stop();
  };
  return { url, graphqlUrl: `${url}/graphql`, stop };
}
