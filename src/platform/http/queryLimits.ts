import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
// The CommonJS build: its ESM build imports graphql's .mjs copy, another realm than the schema's.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination.js';

/** How big a GraphQL document may be; anything over a limit is refused before it runs. */
export interface QueryLimits {
  /** Nesting of selections (introspection's `__schema` is not counted). */
  maxDepth: number;
  /** Aliased fields in an operation. */
  maxAliases: number;
  /** 1 a scalar, 2 plus 1.5 × its selections an object, times the page a connection asks for. */
  maxCost: number;
  /** Lexical tokens in the document, checked while parsing. */
  maxTokens: number;
  /** Directives in an operation. */
  maxDirectives: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 15, maxCost: 20_000, maxTokens: 2000, maxDirectives: 50 };

/** The stable `extensions.code` of each refusal (README, "error codes"). */
export const QUERY_LIMIT_CODES = {
  maxDepth: 'QUERY_TOO_DEEP',
  maxAliases: 'TOO_MANY_ALIASES',
  maxCost: 'QUERY_TOO_COSTLY',
  maxTokens: 'TOO_MANY_TOKENS',
  maxDirectives: 'TOO_MANY_DIRECTIVES',
} as const satisfies Record<keyof QueryLimits, string>;

export const INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED';

export interface GraphQLProtection {
  limits: QueryLimits;
  /** Schema introspection (`__schema`, `__type`) and "Did you mean ...?" suggestions in errors. */
  introspection: boolean;
}

/** A refusal by one of the limits; Apollo wraps it as a validation error, the plugin puts its code back. */
class QueryLimitError extends GraphQLError {
  constructor(
    message: string,
    readonly limitCode: string,
    readonly limit: number,
  ) {
    super(message);
  }
}

const reporter =
  (kind: keyof QueryLimits, limits: QueryLimits): GraphQLArmorRejectCallback =>
  (context, error) => {
    // Armor says "Syntax Error: ..." for every limit; the code says which, the message says by how much.
    const message = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(new QueryLimitError(message, QUERY_LIMIT_CODES[kind], limits[kind]));
  };

/**
 * Whether a document that failed to parse has more than `max` tokens: graphql-js's own
 * limit (parse option `maxTokens`) says so only in its message, so count them again.
 */
function exceedsTokens(source: string | undefined, max: number): boolean {
  if (source === undefined) return false;
  try {
    const lexer = new Lexer(new Source(source));
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; ) if (++count > max) return true;
  } catch {
    // Not a lexical token: a syntax error before the limit.
  }
  return false;
}

/**
 * Rows an unpaged list counts as unless its field declares more (listRows): the ones that
 * grow with use (a project's timeline, a ticket's messages, versions, a report's rows)
 * declare their usual length; the rest (a policy's rules, a calendar's days) are short.
 */
const UNPAGED_LIST_ROWS = 1;

/** Field extensions (type-graphql `@Extensions`) for an unpaged list that grows with use: its usual length. */
export function listRows(rows: number): { listRows: number } {
  return { listRows: rows };
}
/** The most rows one field is counted for: above every page or limit the resolvers accept. */
const MAX_COUNTED_ROWS = 1000;

/**
 * The rows one field asks for: a connection's `first` or `last` (from a literal, a variable
 * or the default page), `ids` or `limit` where those say how many; what a list's field
 * declares (listRows), else 1, as for a single object. A connection's own `edges` and `nodes` are its page, not more.
 */
function rowsAsked(field: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType, args: Record<string, unknown>): number {
  const argument = (name: string) => field.args.some((arg) => arg.name === name);
  const count = (value: unknown, otherwise: number) => {
    const rows = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : otherwise;
    return Math.min(Math.max(rows, 1), MAX_COUNTED_ROWS);
  };
  if (argument('first') || argument('last')) return count(args.first ?? args.last, DEFAULT_PAGE_SIZE);
  if (argument('ids')) return count(Array.isArray(args.ids) ? args.ids.length : undefined, MAX_PAGE_SIZE);
  if (argument('limit')) return count(args.limit, MAX_PAGE_SIZE);
  if (!isListType(getNullableType(field.type)) || parent.name.endsWith('Connection')) return 1;
  const declared = field.extensions?.listRows;
  return typeof declared === 'number' ? declared : UNPAGED_LIST_ROWS;
}

/**
 * The cost of one field: 1 a scalar; an object 2 plus 1.5 × the cost of its selections,
 * times the rows it asks for (rowsAsked). graphql-armor's cost rule has the same base
 * formula but counts a page only when `first` is a literal: `projects(first: $n)` cost
 * what one project costs, so nested pages passed as variables got through at any size.
 */
const pageAwareCost: ComplexityEstimator = ({ field, type, args, childComplexity }) => {
  // Introspection is served only where it is switched on, and costs the schema, not the data (graphql-armor skipped it too).
  if (field.name.startsWith('__')) return 0;
  if (!isCompositeType(getNamedType(field.type))) return 1;
  return (2 + 1.5 * childComplexity) * rowsAsked(field, type, args);
};

/**
 * Refuses `operation` of `document` when its cost, with `variables`, is over `maxCost`:
 * for queries and mutations (the Apollo plugin below) and for subscriptions (their socket).
 * Nothing to say when there is no operation or the variables do not coerce: execution
 * refuses those itself, with its own codes.
 */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): GraphQLError | undefined {
  if (!operation || getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return undefined;
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operation.name?.value, estimators: [pageAwareCost] });
  } catch {
    cost = Infinity; // more than 10 000 fields once fragments are spread: too many to count
  }
  if (cost <= maxCost) return undefined;
  return new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${Number.isFinite(cost) ? Math.ceil(cost) : 'more fields than it counts'}.`, {
    extensions: { code: QUERY_LIMIT_CODES.maxCost, limit: maxCost },
  });
}

/** graphql-js appends suggestions ("Did you mean "name"?", "Did you mean the enum value "A"?") to several messages. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * What the ApolloServer constructor takes to apply the limits and the introspection
 * switch: graphql-armor's depth, alias, cost and directive rules (reporting through the
 * validation context, so Apollo answers 400 before anything executes), graphql-js's
 * token limit while parsing, and Apollo's own introspection switch. Plus a plugin that
 * gives each refusal its stable code and, with introspection off, strips field
 * suggestions from every error message.
 */
export function graphqlProtection({ limits, introspection }: GraphQLProtection): {
  apollo: { introspection: boolean; validationRules: ValidationRule[]; parseOptions: ParseOptions };
  plugin: ApolloServerPlugin;
} {
  const callbacks = (kind: keyof QueryLimits) => ({ onReject: [reporter(kind, limits)], propagateOnRejection: false, exposeLimits: true });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...callbacks('maxDepth') },
    maxAliases: { n: limits.maxAliases, ...callbacks('maxAliases') },
    // Cost is checked once the variables are known (didResolveOperation below).
    costLimit: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...callbacks('maxDirectives') },
    // Tokens are counted by graphql-js's parser itself (parseOptions below), field
    // suggestions are stripped by the plugin below, from every error, not only validation's.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const refusal = costRefusal(schema, document, operation, request.variables, limits.maxCost);
          if (refusal) throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 400 } } });
        },
        async didEncounterErrors({ errors, source }) {
          for (const error of errors) {
            const extensions = error.extensions as Record<string, unknown>;
            const original = error.originalError;
            if (original instanceof QueryLimitError) {
              extensions.code = original.limitCode;
              extensions.limit = original.limit;
            } else if (extensions.code === 'GRAPHQL_PARSE_FAILED' && exceedsTokens(source, limits.maxTokens)) {
              extensions.code = QUERY_LIMIT_CODES.maxTokens;
              extensions.limit = limits.maxTokens;
              error.message = `Token limit of ${limits.maxTokens} exceeded.`;
            } else if (extensions.validationErrorCode === 'INTROSPECTION_DISABLED') {
              extensions.code = INTROSPECTION_DISABLED;
              delete extensions.validationErrorCode;
              error.message = 'Introspection is disabled on this server (GRAPHQL_INTROSPECTION).';
            }
            if (!introspection) error.message = error.message.replace(SUGGESTION, '');
          }
        },
      };
    },
  };

  return {
    apollo: { introspection, validationRules: armor.validationRules, parseOptions: { maxTokens: limits.maxTokens } },
    plugin,
  };
}
