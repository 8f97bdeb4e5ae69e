import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CatalogResolver } from './resolvers/CatalogResolver.js';
import { ChangeOrderResolver } from './resolvers/ChangeOrderResolver.js';
import { ClientResolver } from './resolvers/ClientResolver.js';
import { DeliveryResolver } from './resolvers/DeliveryResolver.js';
import { DevelopmentResolver } from './resolvers/DevelopmentResolver.js';
import { ProjectResolver } from './resolvers/ProjectResolver.js';
import { RequirementsResolver } from './resolvers/RequirementsResolver.js';

/** Where the emitted SDL is committed; a test fails when it drifts from the code. */
export const SCHEMA_FILE = 'schema/schema.graphql';

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [CatalogResolver, ClientResolver, ProjectResolver, RequirementsResolver, DevelopmentResolver, DeliveryResolver, ChangeOrderResolver],
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL as committed: printed by graphql-js so the file is stable across runs. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
