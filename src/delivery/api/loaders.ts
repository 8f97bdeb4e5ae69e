import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { AddOnPack } from '../../catalog/entities/index.js';
import { byKey, groupByKey } from '../../platform/http/batchLoads.js';
import type { Viewer } from '../../identity/domain/role.js';
import type { GraphQLContext } from '../../platform/http/graphqlContext.js';
import type { PageRequest } from '../../platform/pagination.js';
import { ChangeOrder, CostEntry, MonitoringReport, Project, Requirement } from '../entities/index.js';
import { timelinePages, timelinesOf, type TimelinePage } from '../services/projectQueries.js';
import type { TimelineEventView } from '../services/timelineService.js';

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

/** Which page of which project's timeline, for whom (the viewer decides which events are visible). */
export interface TimelinePageKey {
  projectId: string;
  request: PageRequest<number>;
  viewer: Viewer | null;
}

/**
 * Batches `Project.timelineItems` over a list: the same page (e.g. `last: 1`, the latest
 * event) of every project asked for in one statement per distinct page request, so a
 * list of projects with their latest events costs one statement for all the events.
 */
function timelinePageOfProject(em: EntityManager) {
  const requestOf = ({ request, viewer }: TimelinePageKey) => JSON.stringify([request, viewer?.userId ?? null]);
  const cacheKeyOf = (projectId: string, group: string) => `${projectId}|${group}`;
  return new DataLoader<TimelinePageKey, TimelinePage, string>(
    async (keys) => {
      const groups = new Map<string, TimelinePageKey[]>();
      for (const key of keys) groups.set(requestOf(key), [...(groups.get(requestOf(key)) ?? []), key]);
      const pages = new Map<string, TimelinePage>();
      for (const [group, members] of groups) {
        const { request, viewer } = members[0]!;
        const found = await timelinePages({ em, viewer }, members.map((key) => key.projectId), request);
        for (const [projectId, page] of found) pages.set(cacheKeyOf(projectId, group), page);
      }
      return keys.map((key) => pages.get(cacheKeyOf(key.projectId, requestOf(key)))!);
    },
    { cacheKeyFn: (key) => cacheKeyOf(key.projectId, requestOf(key)) },
  );
}

/**
 * Hands the clients and service packages that were read joined with `projects` (see
 * `readProject`) to the request's batchers, so that `Project.client` and
 * `Project.servicePackage` cost no statement of their own.
 */
export function primeProjectRelations(loaders: Pick<GraphQLContext['loaders'], 'client' | 'servicePackage'>, projects: readonly Project[]): void {
  for (const project of projects) {
    loaders.client.prime(project.client.id, project.client);
    loaders.servicePackage.prime(project.servicePackage.code, project.servicePackage);
  }
}

/** Per-request batchers of what hangs off a project. */
export function createDeliveryLoaders(em: EntityManager) {
  return {
    addOnsOfProject: new DataLoader<string, AddOnPack[]>(async (projectIds) => {
      const projects = await em.find(Project, { id: { $in: [...projectIds] } }, { populate: ['addOns'] });
      return byKey(projectIds, projects, (row) => row.id).map((project) => project?.addOns.getItems() ?? []);
    }),
    timelineOfProject: new DataLoader<string, TimelineEventView[]>(async (projectIds) => groupByKey(projectIds, await timelinesOf(em, projectIds), (event) => event.project.id)),
    timelinePageOfProject: timelinePageOfProject(em),
    requirementsOfProject: childrenOf(em, Requirement, { id: 'asc' }),
    changeOrdersOfProject: childrenOf(em, ChangeOrder, { id: 'asc' }),
    costEntriesOfProject: childrenOf(em, CostEntry, { recordedAt: 'asc' }),
    monitoringReportsOfProject: childrenOf(em, MonitoringReport, { month: 'asc' }),
  };
}
