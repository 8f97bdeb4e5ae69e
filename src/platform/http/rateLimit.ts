import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode, type FragmentDefinitionNode } from 'graphql';
import type { GraphQLContext } from './graphqlContext.js';

export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * Token buckets, one per caller: `capacity` tokens, refilled continuously at `capacity`
 * per `windowMs`. In memory, so per process: N API processes behind a load balancer
 * allow up to N times the limit.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes `cost` tokens from `key`'s bucket. Returns 0 when taken, otherwise the seconds
   * until enough have refilled (nothing is taken then).
   */
  take(key: string, cost = 1): number {
    const now = this.now();
    const rate = this.capacity / this.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) * rate);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    const wanted = Math.min(cost, this.capacity);
    if (bucket.tokens >= wanted) {
      bucket.tokens -= wanted;
      return 0;
    }
    return Math.max(1, Math.ceil((wanted - bucket.tokens) / rate / 1000));
  }

  /** Forgets buckets that have refilled: they hold nothing a new bucket would not. */
  private sweep(now: number) {
    const rate = this.capacity / this.windowMs;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * rate >= this.capacity) this.buckets.delete(key);
    }
  }
}

/** Root mutation fields of an operation (each a mutation), through fragments. */
function mutationFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += mutationFields(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (fragment) count += mutationFields(fragment.selectionSet, fragments, seen);
    }
  }
  return count;
}

/**
 * Limits mutations per caller: `perMinute` for each signed-in user (by user id), and for
 * each client address when anonymous. Every root mutation field counts one, a request
 * at most the whole allowance. Over the limit, the request is refused before anything
 * runs with `RATE_LIMITED` (HTTP 429, `Retry-After`, `extensions.retryAfterSeconds`).
 * 0 turns the limit off.
 */
export function mutationRateLimit(perMinute: number, buckets = new TokenBuckets(perMinute, 60_000)): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (perMinute <= 0) return;
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation !== 'mutation') return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const cost = mutationFields((operation as OperationDefinitionNode).selectionSet, fragments);
          if (cost === 0) return;
          const viewer = contextValue.viewer;
          const key = viewer ? `user:${viewer.userId}` : `address:${contextValue.request?.clientAddress ?? 'unknown'}`;
          const retryAfterSeconds = buckets.take(key, cost);
          if (retryAfterSeconds === 0) return;
          throw new GraphQLError(`Too many mutations: at most ${perMinute} a minute. Retry in ${retryAfterSeconds} s.`, {
            extensions: {
              code: RATE_LIMITED,
              retryAfterSeconds,
              limitPerMinute: perMinute,
              http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
            },
          });
        },
      };
    },
  };
}
