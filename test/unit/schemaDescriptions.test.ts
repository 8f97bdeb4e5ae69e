import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/platform/http/graphqlSchema.js';

const described = (description: string | null | undefined) => (description ?? '').trim() !== '';

/**
 * The root types' own descriptions are the one exemption (their fields are checked like
 * any other): type-graphql builds `Query`, `Mutation` and `Subscription` itself, as bare
 * `GraphQLObjectType`s with only a name and fields (`buildRootQueryType` and siblings in
 * its schema generator), and offers no option to describe them.
 */
function rootTypes(schema: GraphQLSchema): Set<GraphQLNamedType> {
  return new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((type) => type != null));
}

/** Every type, field, argument and enum value of the schema without a description, as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`. */
function missingDescriptions(schema: GraphQLSchema): string[] {
  const roots = rootTypes(schema);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    // graphql-js's own types: the introspection types and String, Int, Float, Boolean, ID.
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!roots.has(type) && !described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
    // Unions and custom scalars have nothing to describe but themselves, checked above.
  }
  return missing;
}

/**
 * Issue 8: every type, field, argument and enum value of the API has a description, so
 * schema/schema.graphql (and GraphiQL's docs) explain the API to a front-end developer
 * who does not know the domain. Describe new ones in their decorators (`@Field`, `@Arg`,
 * `@ObjectType`, `@InputType`, `@Query`/`@Mutation`/`@Subscription`) and enum values in
 * `graphqlEnum`'s value descriptions, then `npm run schema:emit`.
 */
describe('schema descriptions', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema();
  });

  it('describe every type, field, argument and enum value of the API', () => {
    const missing = missingDescriptions(schema);
    expect(missing, `${missing.length} without a description:\n${missing.join('\n')}`).toEqual([]);
  });

  it('exempt exactly the three root types themselves, not their fields', () => {
    expect([...rootTypes(schema)].map((type) => type.name).sort()).toEqual(['Mutation', 'Query', 'Subscription']);
  });
});
