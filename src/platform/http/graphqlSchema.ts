import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CatalogResolver } from '../../catalog/api/resolvers/CatalogResolver.js';
import { ClientResolver } from '../../catalog/api/resolvers/ClientResolver.js';
import { AcceptanceResolver } from '../../delivery/api/resolvers/AcceptanceResolver.js';
import { AftercareResolver } from '../../delivery/api/resolvers/AftercareResolver.js';
import { ChangeOrderResolver } from '../../delivery/api/resolvers/ChangeOrderResolver.js';
import { CostResolver } from '../../delivery/api/resolvers/CostResolver.js';
import { DevelopmentResolver } from '../../delivery/api/resolvers/DevelopmentResolver.js';
import { ProjectResolver } from '../../delivery/api/resolvers/ProjectResolver.js';
import { RequirementsResolver } from '../../delivery/api/resolvers/RequirementsResolver.js';
import { StressTestResolver } from '../../delivery/api/resolvers/StressTestResolver.js';
import { TimelineEventResolver } from '../../delivery/api/resolvers/TimelineEventResolver.js';
import { authChecker } from './authChecker.js';
import { StorableArguments } from './storableArguments.js';

/** Where the emitted SDL is committed; a test fails when it drifts from the code. */
export const SCHEMA_FILE = 'schema/schema.graphql';

/** Every context's resolvers: the API is composed here and nowhere else. */
const RESOLVERS = [
  CatalogResolver,
  ClientResolver,
  ProjectResolver,
  TimelineEventResolver,
  RequirementsResolver,
  DevelopmentResolver,
  StressTestResolver,
  AcceptanceResolver,
  AftercareResolver,
  ChangeOrderResolver,
  CostResolver,
] as const;

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, globalMiddlewares: [StorableArguments], authChecker, validate: { forbidUnknownValues: false } });
}

/** The SDL as committed: printed by graphql-js so the file is stable across runs. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
