import { registerEnumType } from 'type-graphql';

/**
 * Registers a domain list of names as a GraphQL enum and returns the `{ NAME: 'NAME' }`
 * object type-graphql refers to, so each enum is declared from the domain's own list.
 */
export function graphqlEnum<T extends string>(values: readonly T[], name: string, description: string): { [K in T]: K } {
  const object = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  registerEnumType(object, { name, description });
  return object;
}
