import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { BreachReportResolver } from '../../aftersales/api/resolvers/BreachReportResolver.js';
import { BusinessCalendarResolver } from '../../aftersales/api/resolvers/BusinessCalendarResolver.js';
import { SlaPolicyResolver } from '../../aftersales/api/resolvers/SlaPolicyResolver.js';
import { AFTERSALES_NODES } from '../../aftersales/api/nodes.js';
import { SlaAlertsResolver } from '../../aftersales/api/resolvers/SlaAlertsResolver.js';
import { TicketResolver } from '../../aftersales/api/resolvers/TicketResolver.js';
import { CATALOG_NODES } from '../../catalog/api/nodes.js';
import { CatalogResolver } from '../../catalog/api/resolvers/CatalogResolver.js';
import { ClientListResolver } from '../../catalog/api/resolvers/ClientListResolver.js';
import { ClientResolver } from '../../catalog/api/resolvers/ClientResolver.js';
import { DELIVERY_NODES } from '../../delivery/api/nodes.js';
import { AcceptanceResolver } from '../../delivery/api/resolvers/AcceptanceResolver.js';
import { AftercareResolver } from '../../delivery/api/resolvers/AftercareResolver.js';
import { ChangeOrderResolver } from '../../delivery/api/resolvers/ChangeOrderResolver.js';
import { CostResolver } from '../../delivery/api/resolvers/CostResolver.js';
import { DevelopmentResolver } from '../../delivery/api/resolvers/DevelopmentResolver.js';
import { LiveUpdatesResolver } from '../../delivery/api/resolvers/LiveUpdatesResolver.js';
import { ProjectListResolver } from '../../delivery/api/resolvers/ProjectListResolver.js';
import { ProjectResolver } from '../../delivery/api/resolvers/ProjectResolver.js';
import { RequirementsResolver } from '../../delivery/api/resolvers/RequirementsResolver.js';
import { StressTestResolver } from '../../delivery/api/resolvers/StressTestResolver.js';
import { TimelineEventResolver } from '../../delivery/api/resolvers/TimelineEventResolver.js';
import { ClientTierResolver } from '../../insights/api/resolvers/ClientTierResolver.js';
import { DashboardResolver } from '../../insights/api/resolvers/DashboardResolver.js';
import { RiskSignalResolver } from '../../insights/api/resolvers/RiskSignalResolver.js';
import { IDENTITY_NODES } from '../../identity/api/nodes.js';
import { ViewerResolver } from '../../identity/api/resolvers/ViewerResolver.js';
import { authChecker } from './authChecker.js';
import { createNodeResolver } from './NodeResolver.js';
import { guardArgumentsOfResolvers } from './storableArguments.js';

/** Where the emitted SDL is committed; a test fails when it drifts from the code. */
export const SCHEMA_FILE = 'schema/schema.graphql';

/** `node(id)` over every context's node types (src/platform/http/node.ts). */
const NodeResolver = createNodeResolver([...CATALOG_NODES, ...DELIVERY_NODES, ...IDENTITY_NODES, ...AFTERSALES_NODES]);

/** Every context's resolvers: the API is composed here and nowhere else. */
const RESOLVERS = [
  ViewerResolver,
  CatalogResolver,
  ClientResolver,
  ClientListResolver,
  ProjectResolver,
  ProjectListResolver,
  TimelineEventResolver,
  RequirementsResolver,
  DevelopmentResolver,
  StressTestResolver,
  AcceptanceResolver,
  AftercareResolver,
  ChangeOrderResolver,
  CostResolver,
  LiveUpdatesResolver,
  SlaPolicyResolver,
  BusinessCalendarResolver,
  TicketResolver,
  ClientTierResolver,
  DashboardResolver,
  RiskSignalResolver,
  SlaAlertsResolver,
  BreachReportResolver,
  NodeResolver,
] as const;

/**
 * type-graphql refuses to build subscriptions without a PubSub, even when each one
 * brings its own `subscribe` (ours read src/platform/liveEvents.ts): this one is never used.
 */
const NO_PUBSUB = {
  publish() {
    throw new Error('Subscriptions bring their own event source; nothing publishes through type-graphql.');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('Subscriptions bring their own event source; nothing subscribes through type-graphql.');
  },
};

export function buildApiSchema(): Promise<GraphQLSchema> {
  guardArgumentsOfResolvers();
  return buildSchema({ resolvers: RESOLVERS, authChecker, validate: { forbidUnknownValues: false }, pubSub: NO_PUBSUB });
}

/** The SDL as committed: printed by graphql-js so the file is stable across runs. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
