import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { AddOnPack } from '../../catalog/entities/index.js';
import { byKey, groupByKey } from '../../platform/http/batchLoads.js';
import { ChangeOrder, CostEntry, MonitoringReport, Project, Requirement, TimelineEvent } from '../entities/index.js';

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

/** Per-request batchers of what hangs off a project. */
export function createDeliveryLoaders(em: EntityManager) {
  return {
    addOnsOfProject: new DataLoader<string, AddOnPack[]>(async (projectIds) => {
      const projects = await em.find(Project, { id: { $in: [...projectIds] } }, { populate: ['addOns'] });
      return byKey(projectIds, projects, (row) => row.id).map((project) => project?.addOns.getItems() ?? []);
    }),
    timelineOfProject: childrenOf(em, TimelineEvent, { seq: 'asc' }),
    requirementsOfProject: childrenOf(em, Requirement, { id: 'asc' }),
    changeOrdersOfProject: childrenOf(em, ChangeOrder, { id: 'asc' }),
    costEntriesOfProject: childrenOf(em, CostEntry, { recordedAt: 'asc' }),
    monitoringReportsOfProject: childrenOf(em, MonitoringReport, { month: 'asc' }),
  };
}
