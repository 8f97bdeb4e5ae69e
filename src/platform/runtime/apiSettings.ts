import type { ApiOptions } from '../http/apiFeatures.js';
import type { Config } from './config.js';

/**
 * The API's protections and request log as the configuration sets them. Introspection
 * (and field suggestions) follows GRAPHQL_INTROSPECTION when it is set; otherwise the
 * entry decides: `npm start` turns it on for development, the production `api` process
 * leaves it off. NODE_ENV plays no part.
 */
export function apiOptionsOf(config: Config, defaults: { introspection: boolean }): ApiOptions {
  return {
    limits: {
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxCost: config.GRAPHQL_MAX_COST,
      maxTokens: config.GRAPHQL_MAX_TOKENS,
      maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    },
    introspection: config.GRAPHQL_INTROSPECTION ?? defaults.introspection,
    mutationsPerMinute: config.RATE_LIMIT_MUTATIONS_PER_MINUTE,
    bodyLimitBytes: config.API_BODY_LIMIT_BYTES,
    log: { level: config.LOG_LEVEL },
  };
}
