import type { EntityManager } from '@mikro-orm/postgresql';
import { createAftersalesLoaders } from '../../aftersales/api/loaders.js';
import { createCatalogLoaders } from '../../catalog/api/loaders.js';
import { createDeliveryLoaders } from '../../delivery/api/loaders.js';
import { createIdentityLoaders } from '../../identity/api/loaders.js';
import type { ServiceContext } from '../serviceContext.js';
import type { GraphQLRequestRecord } from './requestLog.js';

/** Per-request batchers of every context, so that a list costs one query per relation, not one per row. */
export function createLoaders(em: EntityManager) {
  return { ...createCatalogLoaders(em), ...createDeliveryLoaders(em), ...createIdentityLoaders(em), ...createAftersalesLoaders(em) };
}

/** What resolvers receive: the service context plus the request's DataLoaders (an API concern). */
export interface GraphQLContext extends ServiceContext {
  loaders: ReturnType<typeof createLoaders>;
  /** The HTTP request's id, address and what its log line will say; absent outside HTTP. */
  request?: GraphQLRequestRecord;
}
