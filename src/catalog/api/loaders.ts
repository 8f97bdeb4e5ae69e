import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byKey } from '../../platform/http/batchLoads.js';
import { Client, ServicePackage } from '../entities/index.js';

/** Batchers of catalog rows that other contexts' types point at. */
export function createCatalogLoaders(em: EntityManager) {
  return {
    client: new DataLoader<string, Client | undefined>(async (ids) => byKey(ids, await em.find(Client, { id: { $in: [...ids] } }), (row) => row.id)),
    servicePackage: new DataLoader<string, ServicePackage | undefined>(async (codes) =>
      byKey(codes, await em.find(ServicePackage, { code: { $in: [...codes] } }), (row) => row.code),
    ),
  };
}
