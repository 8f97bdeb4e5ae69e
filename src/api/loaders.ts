import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { AddOnPack, ChangeOrder, Client, CostEntry, MonitoringReport, Project, Requirement, ServicePackage, StageEvent } from '../db/entities/index.js';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | undefined)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key));
}

function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** A batcher of the rows of `entity` that belong to each project id. */
function childrenOf<T extends { project: { id: string } }>(em: EntityManager, entity: EntityName<T>, orderBy: QueryOrderMap<T>) {
  return new DataLoader<string, T[]>(async (projectIds) =>
    groupByKey(
      projectIds,
      (await em.find(entity, { project: { $in: [...projectIds] } } as FilterQuery<T>, { orderBy })) as T[],
      (row) => row.project.id,
    ),
  );
}

/** Per-request batchers so that a list of projects costs one query per relation, not one per row. */
export function createLoaders(em: EntityManager) {
  return {
    client: new DataLoader<string, Client | undefined>(async (ids) =>
      byKey(ids, await em.find(Client, { id: { $in: [...ids] } }), (row) => row.id),
    ),
    servicePackage: new DataLoader<string, ServicePackage | undefined>(async (codes) =>
      byKey(codes, await em.find(ServicePackage, { code: { $in: [...codes] } }), (row) => row.code),
    ),
    addOnsOfProject: new DataLoader<string, AddOnPack[]>(async (projectIds) => {
      const projects = await em.find(Project, { id: { $in: [...projectIds] } }, { populate: ['addOns'] });
      return byKey(projectIds, projects, (row) => row.id).map((project) => project?.addOns.getItems() ?? []);
    }),
    timelineOfProject: new DataLoader<string, StageEvent[]>(async (projectIds) =>
      groupByKey(
        projectIds,
        await em.find(StageEvent, { project: { $in: [...projectIds] } }, { orderBy: { seq: 'asc' } }),
        (row) => row.project.id,
      ),
    ),
    requirementsOfProject: childrenOf(em, Requirement, { id: 'asc' }),
    changeOrdersOfProject: childrenOf(em, ChangeOrder, { id: 'asc' }),
    costEntriesOfProject: childrenOf(em, CostEntry, { recordedAt: 'asc' }),
    monitoringReportsOfProject: childrenOf(em, MonitoringReport, { month: 'asc' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
