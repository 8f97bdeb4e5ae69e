import { registerEnumType } from 'type-graphql';

/**
 * Registers a domain list of names as a GraphQL enum and returns the `{ NAME: 'NAME' }`
 * object type-graphql refers to, so each enum is declared from the domain's own list.
 * `valueDescriptions` documents every value for the schema's readers: the domain keeps
 * the values, the API says what each one means, and a value added to the domain list
 * without a description fails the type-check here.
 */
export function graphqlEnum<T extends string>(
  values: readonly T[],
  name: string,
  description: string,
  valueDescriptions: { readonly [K in T]: string },
): { [K in T]: K } {
  const object = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  const valuesConfig = Object.fromEntries(values.map((value) => [value, { description: valueDescriptions[value] }])) as { [K in T]: { description: string } };
  registerEnumType(object, { name, description, valuesConfig });
  return object;
}
