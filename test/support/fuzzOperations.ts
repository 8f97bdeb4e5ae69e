import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  getVariableValues,
  Kind,
  parse,
  validate,
  type OperationDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { mulberry32 } from '../../src/shared/domain/seededRandom.js';

/**
 * A schema-driven generator of hostile GraphQL operations (issue 11, "Hostile input"):
 * deterministic from a seed, every one of them either a query or a mutation that cannot
 * be accepted by construction — a variable of the wrong type, a missing required
 * argument, a document over the limits, or (for mutations) an unknown id in every
 * required id argument. test/integration/fuzz.test.ts sends them and judges the answers.
 */

/** A seeded generator (mulberry32) with the draws the fuzzer needs. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
export type Random = ReturnType<typeof prng>;

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Strings that are valid GraphQL Strings but hostile to whatever stores or echoes them. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'x'.repeat(100 * 1024),
  '\u0000',
  'a\u0000b',
  '\ud800',
  'tail \udfff',
  '\ud83d'.repeat(50),
  '🙂'.repeat(2000),
  "'; drop table project; --",
  '%00%s%n%x',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '\\u0000',
  '\r\n\t\f\v',
  'NaN',
  'Infinity',
  '-1',
  '1e308',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '\u202e\u200b\ufeff',
];

/** Ints that GraphQL accepts but no domain should: extremes and signs. */
export const HOSTILE_INTS: readonly number[] = [0, -1, 1_000_000, -1_000_000, 2_147_483_647, -2_147_483_648];
export const HOSTILE_FLOATS: readonly number[] = [0, -0, -1, 1e308, -1e308, 5e-324, 1.23456789012345e-7, 2 ** 53 + 1, 2_147_483_648.5];

/** Values of the wrong JSON type or out of GraphQL's range for a scalar; never coercible. */
function wrongValues(named: GraphQLNamedType, schema: GraphQLSchema): unknown[] {
  const common: unknown[] = [{}, [{}], { $ne: null }];
  switch (named.name) {
    case 'Int':
      return [...common, 2 ** 31, -(2 ** 31) - 1, 1e308, -1e308, 1.5, 'NaN', 'Infinity', '1', '', true, '\u0000'];
    case 'Float':
      return [...common, 'NaN', 'Infinity', '-Infinity', '1e309', '1', true, '\ud800'];
    case 'Boolean':
      return [...common, 'true', 1, 0, 'yes', ''];
    case 'String':
      return [...common, 12345, 1e308, true, [[]]];
    case 'ID':
      return [...common, true, 1.5, [[]]];
    case 'UUID':
      return [...common, 'not-a-uuid', '', '\u0000', '\ud800', "' OR 1=1 --", '00000000-0000-0000-0000-00000000000', '00000000-0000-4000-8000-00000000c001x', 'g0000000-0000-4000-8000-000000000000', 42, true, 'x'.repeat(100 * 1024)];
    case 'DateTimeISO':
      return [...common, 'yesterday', '', '2025-13-45T25:61:61Z', '\u0000', 'x'.repeat(100 * 1024), 1e308, -8.64e15 - 1, 'NaN', '+275760-09-13T00:00:00.001Z', true];
    case 'LocalDate':
      return [...common, '2025-02-30', '', '0000-00-00', '99999-01-01', '\u0000', 20250101, 'NaN'];
    case 'URL':
      return [...common, 'not a url', '', 'javascript:alert(1)', '\u0000', 'http://', 12, 'x'.repeat(100 * 1024)];
    case 'EmailAddress':
      return [...common, 'not-an-email', '', '@', 'a@', '\u0000@x.io', 12, `${'a'.repeat(100 * 1024)}@example.com`];
    default:
      if (isEnumType(named)) return [...common, 'NOT_A_VALUE', '', named.getValues()[0]!.value.toLowerCase(), 1, '\u0000', '__proto__'];
      if (isInputObjectType(named)) return ['a string', 1, [], true, { __proto__: { polluted: true }, constructor: { prototype: {} } }, { unknownField: 1 }];
      void schema;
      return common;
  }
}

export interface Built {
  /** `args` / input fields that are required (non-null without a default). */
  requiredIdPaths: string[][];
}

/** A type-valid value; ids are unknown random UUIDs, strings are benign. */
function validValue(type: GraphQLInputType, rng: Random, depth = 0): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, rng, depth);
  if (isListType(type)) return depth > 3 ? [] : [validValue(type.ofType, rng, depth + 1)];
  if (isEnumType(type)) return rng.pick(type.getValues()).value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (depth < 2 && rng.chance(0.3))) value[field.name] = validValue(field.type, rng, depth + 1);
    }
    return value;
  }
  switch (type.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'String':
      return 'fuzz';
    case 'ID':
      return b64(`Project:${rng.uuid()}`);
    case 'UUID':
      return rng.uuid();
    case 'DateTimeISO':
      return '2025-01-01T00:00:00.000Z';
    case 'LocalDate':
      return '2025-01-01';
    case 'URL':
      return 'https://example.com/';
    case 'EmailAddress':
      return 'fuzz@example.com';
    default:
      return 'fuzz';
  }
}

/** A type-valid value whose content is hostile: extreme numbers, NUL, surrogates, huge strings, malformed ids. */
function hostileValue(type: GraphQLInputType, rng: Random, nodeTypes: readonly string[], fieldName: string, depth = 0): unknown {
  if (isNonNullType(type)) return hostileValue(type.ofType, rng, nodeTypes, fieldName, depth);
  if (isListType(type)) {
    if (depth > 3) return [];
    const one = hostileValue(type.ofType, rng, nodeTypes, fieldName, depth + 1);
    // Many items, unless each is big: a body stays well under the 1 MiB limit's reach.
    const n = (JSON.stringify(one) ?? '').length > 1000 ? 1 : rng.pick([0, 1, 3, 101, 1000]);
    return Array.from({ length: n }, () => one);
  }
  if (isEnumType(type)) return rng.pick(type.getValues()).value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (depth < 3 && rng.chance(0.6))) value[field.name] = hostileValue(field.type, rng, nodeTypes, field.name, depth + 1);
    }
    return value;
  }
  switch (type.name) {
    case 'Int':
      return rng.pick(HOSTILE_INTS);
    case 'Float':
      return rng.pick(HOSTILE_FLOATS);
    case 'Boolean':
      return rng.chance(0.5);
    case 'String':
      if (fieldName === 'after' || fieldName === 'before') return rng.pick(hostileCursors());
      return rng.pick(HOSTILE_STRINGS);
    case 'ID':
      return rng.pick(hostileGlobalIds(rng, nodeTypes));
    case 'UUID':
      // Well-formed but unknown: never the id of anything.
      return rng.pick([rng.uuid(), '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', rng.uuid().toUpperCase()]);
    case 'DateTimeISO':
      return rng.pick(['1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '2025-01-01T00:00:00+14:00', '2025-03-30T02:30:00.000Z']);
    case 'LocalDate':
      return rng.pick(['0001-01-01', '9999-12-31', '2024-02-29', '1970-01-01']);
    case 'URL':
      return rng.pick(['http://127.0.0.1:1/', 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', `https://example.com/${'a'.repeat(100 * 1024)}`, 'https://[::1]/', 'gopher://x']);
    case 'EmailAddress':
      return rng.pick(['a@b.c', `${'a'.repeat(64)}@${'b'.repeat(250)}.com`, '"\\u0000"@example.com']);
    default:
      return rng.pick(HOSTILE_STRINGS);
  }
}

export function hostileCursors(): string[] {
  return [
    '',
    'not-base64!',
    b64('not json'),
    b64('[]'),
    b64('[null,null]'),
    b64('[1e308,"x"]'),
    b64('[{"$gt":""},"00000000-0000-4000-8000-000000000000"]'),
    b64('["2025-01-01T00:00:00.000Z","not-a-uuid"]'),
    b64('["9999999-01-01T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]'),
    b64(`["${'x'.repeat(5000)}","00000000-0000-4000-8000-000000000000"]`),
    b64('["\\u0000","00000000-0000-4000-8000-000000000000"]'),
    b64('["\\ud800","\\ud800"]'),
    b64(JSON.stringify(Array.from({ length: 1000 }, () => 1))),
    b64('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'),
    b64('"string"'),
    b64('{"__proto__":{"x":1}}'),
  ];
}

export function hostileGlobalIds(rng: Random, nodeTypes: readonly string[]): string[] {
  const type = rng.pick(nodeTypes);
  return [
    '',
    '!!!',
    b64(`${type}:${rng.uuid()}`),
    b64(`${type}:${rng.uuid()}:${rng.uuid()}`),
    b64(`${type}:${rng.uuid()}:99999999999`),
    b64(`${type}:-1`),
    b64(`${type}:2147483648`),
    b64(`${type}:0`),
    b64(`${type}:' OR 1=1 --`),
    b64(`${type}:`),
    b64(`${type}:a:b:c:d:e:f`),
    b64('Unknown:1'),
    b64('__proto__:1'),
    b64(`${type}:\u0000`),
    rng.uuid(),
    'x'.repeat(100 * 1024),
    '\ud800',
  ];
}

/** A selection of the output type: `__typename` and a few argument-free leaves, a level deep. */
export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named)) return '{ __typename }';
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) {
      if (parts.length < 8) parts.push(field.name);
    } else if (depth < 1 && parts.length < 10) {
      parts.push(`${field.name} ${selectionOf(field.type, depth + 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

export type OperationKind = 'wrong-type' | 'missing-arg' | 'hostile-value' | 'inline-literal' | 'deep-nesting' | 'alias-flood' | 'over-limit-page';

export interface Operation {
  kind: OperationKind;
  operation: 'query' | 'mutation' | 'subscription';
  field: string;
  query: string;
  variables: Record<string, unknown>;
  /** True when the generator guarantees it is refused (so it must not write). */
  refusedByConstruction: boolean;
}

function typeString(type: GraphQLInputType): string {
  return type.toString();
}

/** Every required UUID argument or required UUID field of a required input: the references a mutation must resolve. */
export function requiredReferences(field: GraphQLField<unknown, unknown>): string[] {
  const refs: string[] = [];
  const visit = (type: GraphQLInputType, path: string, depth: number) => {
    if (!isNonNullType(type)) return;
    const inner = getNullableType(type);
    if (!isListType(inner) && getNamedType(inner).name === 'UUID') refs.push(path);
    else if (isInputObjectType(inner) && depth < 2)
      for (const sub of Object.values(inner.getFields())) if (sub.defaultValue === undefined) visit(sub.type, `${path}.${sub.name}`, depth + 1);
  };
  for (const arg of field.args) if (arg.defaultValue === undefined) visit(arg.type, arg.name, 0);
  return refs;
}

/** Every input path of an argument (through input objects) with its type, for the wrong-type mutator. */
function inputPaths(arg: GraphQLArgument): { path: string[]; type: GraphQLInputType }[] {
  const paths: { path: string[]; type: GraphQLInputType }[] = [];
  const visit = (type: GraphQLInputType, path: string[], depth: number) => {
    paths.push({ path, type });
    const inner = getNullableType(type);
    if (isInputObjectType(inner) && depth < 3) for (const sub of Object.values(inner.getFields())) visit(sub.type, [...path, sub.name], depth + 1);
  };
  visit(arg.type, [arg.name], 0);
  return paths;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

export class OperationFactory {
  readonly queries: GraphQLField<unknown, unknown>[];
  readonly mutations: GraphQLField<unknown, unknown>[];
  readonly subscriptions: GraphQLField<unknown, unknown>[];
  readonly nodeTypes: string[];

  constructor(
    readonly schema: GraphQLSchema,
    readonly rng: Random,
  ) {
    this.queries = Object.values(schema.getQueryType()!.getFields());
    this.mutations = Object.values(schema.getMutationType()!.getFields());
    this.subscriptions = Object.values(schema.getSubscriptionType()?.getFields() ?? {});
    const node = schema.getType('Node');
    this.nodeTypes = node && isInterfaceType(node) ? schema.getPossibleTypes(node).map((t) => t.name) : ['Project'];
  }

  private document(operation: Operation['operation'], field: GraphQLField<unknown, unknown>, args: readonly GraphQLArgument[], alias = '') {
    const defs = args.map((arg) => `$${arg.name}: ${typeString(arg.type)}`).join(', ');
    const call = args.length ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
    return `${operation} Fuzz${defs ? `(${defs})` : ''} { ${alias}${field.name}${call} ${selectionOf(field.type)} }`;
  }

  private validArgs(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (required || this.rng.chance(0.5)) variables[arg.name] = validValue(arg.type, this.rng);
    }
    return variables;
  }

  /**
   * Whether the operation cannot be accepted: a query or subscription always counts (they
   * do not write); a mutation when graphql-js itself refuses the document or its variables
   * (the schema file's custom scalars accept anything here, so this errs towards "may be
   * accepted"), or when every required reference it names is an unknown UUID.
   */
  classify(op: Operation, field: GraphQLField<unknown, unknown>): Operation {
    if (op.operation !== 'mutation') return { ...op, refusedByConstruction: true };
    let refused: boolean;
    try {
      const document = parse(op.query);
      if (validate(this.schema, document).length > 0) refused = true;
      else {
        const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
        const coerced = getVariableValues(this.schema, definition.variableDefinitions ?? [], op.variables);
        refused = coerced.errors !== undefined || requiredReferences(field).length > 0;
      }
    } catch {
      refused = true;
    }
    return { ...op, refusedByConstruction: refused };
  }

  /** One variable (or a field inside it) gets a value of the wrong type: refused in coercion, before any resolver. */
  wrongType(operation: Operation['operation'], field: GraphQLField<unknown, unknown>): Operation {
    const variables = this.validArgs(field);
    if (field.args.length === 0) {
      // No argument to get wrong: pass one the field does not have.
      return { kind: 'wrong-type', operation, field: field.name, query: `${operation} { ${field.name}(bogus: 1) ${selectionOf(field.type)} }`, variables: {}, refusedByConstruction: true };
    }
    const arg = this.rng.pick(field.args);
    const { path, type } = this.rng.pick(inputPaths(arg));
    const named = getNamedType(type);
    let value: unknown = this.rng.pick(wrongValues(named, this.schema));
    // A list accepts a single value as a one-item list: keep wrong values wrong for the item type.
    if (isNonNullType(type) && this.rng.chance(0.15)) value = null;
    if (path.length === 1) variables[arg.name] = value;
    else {
      if (typeof variables[arg.name] !== 'object' || variables[arg.name] === null) variables[arg.name] = validValue(arg.type, this.rng);
      setPath(variables, path, value);
    }
    return this.classify({ kind: 'wrong-type', operation, field: field.name, query: this.document(operation, field, field.args), variables, refusedByConstruction: false }, field);
  }

  /** A required variable left out: refused in coercion. */
  missingArg(operation: Operation['operation'], field: GraphQLField<unknown, unknown>): Operation | undefined {
    const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    if (required.length === 0) return undefined;
    const variables = this.validArgs(field);
    delete variables[this.rng.pick(required).name];
    return { kind: 'missing-arg', operation, field: field.name, query: this.document(operation, field, field.args), variables, refusedByConstruction: true };
  }

  /** Type-valid, hostile content. For a mutation, only when every required reference is an unknown UUID. */
  hostile(operation: Operation['operation'], field: GraphQLField<unknown, unknown>): Operation {
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (required || this.rng.chance(0.7)) variables[arg.name] = hostileValue(arg.type, this.rng, this.nodeTypes, arg.name);
    }
    return this.classify({ kind: 'hostile-value', operation, field: field.name, query: this.document(operation, field, field.args), variables, refusedByConstruction: false }, field);
  }

  /** Hostile literals written into the document itself rather than variables. */
  inlineLiteral(operation: Operation['operation'], field: GraphQLField<unknown, unknown>): Operation | undefined {
    const arg = field.args.find((a) => isLeafType(getNamedType(a.type)));
    if (!arg) return undefined;
    const literal = this.rng.pick(['99999999999999999999', '-2147483649', '1e308', '"\\u0000"', '"\\ud800"', 'NaN', '$undefined', '"""x"""', '{ a: 1 }', '[[[[[[[]]]]]]]', 'null', '0x10', '"' + 'y'.repeat(20_000) + '"']);
    const query = `${operation} { ${field.name}(${arg.name}: ${literal}) ${selectionOf(field.type)} }`;
    return this.classify({ kind: 'inline-literal', operation, field: field.name, query, variables: {}, refusedByConstruction: false }, field);
  }

  /** Over-limit pages on a connection: first/last huge, negative, or both. */
  overLimitPage(field: GraphQLField<unknown, unknown>): Operation | undefined {
    if (!field.args.some((a) => a.name === 'first')) return undefined;
    const hasLast = field.args.some((a) => a.name === 'last');
    const variables: Record<string, unknown> = {};
    const choice = this.rng.int(hasLast ? 6 : 4);
    if (choice === 0) variables.first = 1_000_000;
    else if (choice === 1) variables.first = -1;
    else if (choice === 2) variables.first = 2_147_483_647;
    else if (choice === 3) variables.first = -2_147_483_648;
    else if (choice === 4) Object.assign(variables, { first: 1, last: 1 });
    else variables.last = -5;
    for (const arg of field.args) if (isNonNullType(arg.type) && arg.defaultValue === undefined && !(arg.name in variables)) variables[arg.name] = validValue(arg.type, this.rng);
    const used = field.args.filter((a) => a.name in variables);
    return { kind: 'over-limit-page', operation: 'query', field: field.name, query: this.document('query', field, used), variables, refusedByConstruction: true };
  }

  /** Nested inline fragments far past the depth limit, or nested selections of a self-referencing field. */
  deepNesting(operation: Operation['operation'], field: GraphQLField<unknown, unknown>): Operation {
    const levels = this.rng.pick([13, 20, 50, 200]);
    const type = operation === 'mutation' ? 'Mutation' : 'Query';
    // A mutation's inner call keeps a wrong-typed argument, so it could not run even under the limit.
    const inner = operation === 'mutation' ? `${field.name}(bogus: 1) { __typename }` : `__typename ${field.args.length === 0 ? `${field.name} ${selectionOf(field.type)}` : ''}`;
    const body = Array.from({ length: levels }).reduce<string>((selection) => `... on ${type} { ${selection} }`, inner);
    return { kind: 'deep-nesting', operation, field: field.name, query: `${operation} { ${body} }`, variables: {}, refusedByConstruction: true };
  }

  /** The same field under many aliases; mutations with an argument the field does not have. */
  aliasFlood(operation: Operation['operation'], field: GraphQLField<unknown, unknown>): Operation {
    const n = this.rng.pick([16, 50, 300, 2000]);
    const call = operation === 'mutation' || field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined) ? `${field.name}(bogus: 1)` : field.name;
    const selection = selectionOf(field.type);
    const body = Array.from({ length: n }, (_, i) => `a${i}: ${call} ${selection}`).join(' ');
    return { kind: 'alias-flood', operation, field: field.name, query: `${operation} { ${body} }`, variables: {}, refusedByConstruction: true };
  }
}
