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
import { allowOnly, correlateUnexpectedErrors, httpErrorHandler, notFound } from './httpErrors.js';
import { buildApiSchema } from './graphqlSchema.js';
import type { OutboundPolicy } from '../outbound/outboundPolicy.js';
import type { VerifyToken } from '../../identity/services/tokens.js';
import { viewerOfRequest } from './bearerToken.js';

export interface ApiDependencies {
  orm: MikroORM;
  temporal: TemporalClient;
  taskQueue: string;
  sopDayMs: number;
  outbound: OutboundPolicy;
  verifyToken: VerifyToken;
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

/** The HTTP face of the platform: `/graphql`, plus `/healthz` (alive) and `/readyz` (Postgres and Temporal answer). */
export async function startApi(deps: ApiDependencies, host: string, port: number): Promise<RunningApi> {
  const app = express();
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildApiSchema(),
    formatError: formatGraphQLError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), correlateUnexpectedErrors],
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
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const em = deps.orm.em.fork();
        return {
          em,
          temporal: deps.temporal,
          taskQueue: deps.taskQueue,
          sopDayMs: deps.sopDayMs,
          outbound: deps.outbound,
          viewer: await viewerOfRequest(req.header('authorization'), deps.verifyToken),
          loaders: createLoaders(em),
        };
      },
    }),
  );

  app.use(notFound);
  app.use(httpErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  return { url, graphqlUrl: `${url}/graphql`, stop: () => apollo.stop() };
}
