import pg from 'pg';
import { expect, inject } from 'vitest';
import type { WorkerOptions } from '@temporalio/worker';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from '../../src/platform/outbound/outboundPolicy.js';
import { startStack, type RunningStack } from '../../src/platform/runtime/stack.js';
import type { SlaAlerting } from '../../src/aftersales/domain/slaAlerting.js';
import type { ApiOptions } from '../../src/platform/http/apiFeatures.js';
import type { NotificationSettings } from '../../src/platform/notifications/notificationSinks.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/** The data of a response that must have no errors (the errors are the failure's message). */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

export interface RequestOptions {
  /** A seeded user's username (src/identity/domain/seedUsers.ts); null for an anonymous request. */
  as?: string | null;
  headers?: Record<string, string>;
}

/** The user tests act as unless they say otherwise: a LEAD, who leads the projects tests create. */
export const DEFAULT_USER = 'lin.pm';

export interface TestApplication extends RunningStack {
  /**
   * Sends one GraphQL operation over real HTTP, as a front-end would, signed in as a
   * seeded user (`lin.pm`, a LEAD, unless `as` names another; `as: null` is anonymous).
   */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** Runs SQL against the test database, to check the read model directly. */
  sql<R extends pg.QueryResultRow = Record<string, any>>(text: string, params?: unknown[]): Promise<R[]>;
}

/**
 * The stack of src/platform/runtime/stack.ts on the run's shared Postgres and Temporal
 * dev server (test/support/globalSetup.ts), with a database and a task queue of its own
 * so test files never see each other's data; plus helpers to talk to it.
 */
export async function startTestApplication(
  options: { sopDayMs?: number; workflowBundle?: WorkerOptions['workflowBundle']; outbound?: OutboundPolicy; api?: ApiOptions; notifications?: NotificationSettings; slaAlerting?: SlaAlerting; databasePoolSize?: number } = {},
): Promise<TestApplication> {
  const stack = await startStack({
    services: { postgresUrl: inject('postgresUrl'), temporalAddress: inject('temporalAddress') },
    // The tests' staging sites listen on loopback, which the policy refuses unless allowed.
    outbound: { ...DEFAULT_OUTBOUND_POLICY, allowedNetworks: ['127.0.0.0/8'] },
    ...options,
    // The log sink's lines would only flood the test output; its own test reads them.
    notifications: { writeLog: () => {}, ...options.notifications },
  });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });

  return {
    ...stack,
    async gql(query, variables = {}, { as = DEFAULT_USER, headers = {} } = {}) {
      const authorization: Record<string, string> = as === null ? {} : { authorization: `Bearer ${await stack.tokenFor(as)}` };
      const response = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorization, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async sql(text, params = []) {
      return (await pool.query(text, params)).rows;
    },
    async stop() {
      await pool.end();
      await stack.stop();
    },
  };
}
