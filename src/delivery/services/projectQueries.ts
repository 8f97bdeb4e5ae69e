import type { EntityManager, LoggingOptions, QBFilterQuery } from '@mikro-orm/postgresql';
import type { ClientTier } from '../../catalog/domain/clientTier.js';
import { canReadClient, readableClientIds, requireViewer } from '../../identity/services/access.js';
import { escapeLike, keysetOperator, pageOf, queryDirection, type Page, type PageRequest, type SortDirection } from '../../platform/pagination.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import type { SopStage } from '../domain/sopStage.js';
import { Project, TimelineEvent } from '../entities/index.js';
import { hiddenEventTypes, type TimelineEventView } from './timelineService.js';

/**
 * Lists of projects and pages of their timelines, in the viewer's scope: a CLIENT reads
 * only its own client's projects, and only staff read the internal timeline events.
 * Pages are keyset pages (src/platform/pagination.ts): `(sort, id)` past the cursor,
 * `LIMIT size + 1`, never OFFSET.
 */

/** What a project list may be sorted by; `id` always breaks ties, so the order is total. */
export const PROJECT_ORDER_FIELDS = ['CREATED_AT', 'NAME', 'UPDATED_AT'] as const;
export type ProjectOrderField = (typeof PROJECT_ORDER_FIELDS)[number];

export interface ProjectOrder {
  field: ProjectOrderField;
  direction: SortDirection;
}

/** Newest first. */
export const DEFAULT_PROJECT_ORDER: ProjectOrder = { field: 'CREATED_AT', direction: 'desc' };

/**
 * A project's place in a list: its sort value, then its id. Timestamps are compared at
 * the millisecond precision of JavaScript dates, which is the precision the application
 * writes them with (every `createdAt`/`updatedAt` comes from a `Date`).
 */
export type ProjectKey = [sortValue: Date | string, id: string];

/** Narrows a list of projects; every criterion given must hold. A list criterion holds for any of its values (an empty list for none). */
export interface ProjectFilter {
  stage?: readonly SopStage[] | null;
  packageCode?: readonly string[] | null;
  clientId?: readonly string[] | null;
  projectLead?: readonly string[] | null;
  tier?: readonly ClientTier[] | null;
  /** Case-insensitive substring of the name, taken literally (`%` and `_` match themselves). */
  nameContains?: string | null;
  /** Strictly after this instant. */
  createdAfter?: Date | null;
  /** Strictly before this instant. */
  createdBefore?: Date | null;
}

const ORDER_COLUMNS = {
  CREATED_AT: { property: 'createdAt', column: 'created_at' },
  NAME: { property: 'name', column: 'name' },
  UPDATED_AT: { property: 'updatedAt', column: 'updated_at' },
} as const satisfies Record<ProjectOrderField, { property: keyof Project; column: string }>;

/**
 * A project as the read path shows it: the row's columns under their property names, and
 * its client and service package as bare references (`client.id`, `servicePackage.code`).
 * A `Project` entity has this shape too, so the API's project fields take either.
 */
export interface ProjectView
  extends Pick<
    Project,
    | 'id'
    | 'name'
    | 'projectLead'
    | 'stagingUrl'
    | 'workflowId'
    | 'policy'
    | 'policyVersion'
    | 'addOnVersions'
    | 'plannedDeliveryAt'
    | 'contractValue'
    | 'stage'
    | 'sopState'
    | 'projectedSeq'
    | 'createdAt'
    | 'updatedAt'
  > {
  client: { id: string };
  servicePackage: { code: string };
}

/** A row of `project` as the query builder maps it (columns under property names, relations as their keys). */
type ProjectRowData = Omit<ProjectView, 'client' | 'servicePackage' | 'contractValue'> & { client: string; servicePackage: string; contractValue: string | number | null };

/** The view of a mapped row; `numeric` arrives as text, as pg reads it. */
function projectView({ client, servicePackage, contractValue, ...columns }: ProjectRowData): ProjectView {
  return { ...columns, client: { id: client }, servicePackage: { code: servicePackage }, contractValue: contractValue === null ? null : Number(contractValue) };
}

/** The key a project has in a list sorted by `field`: what its cursor holds. */
export function projectKey(project: ProjectView, field: ProjectOrderField): ProjectKey {
  return [project[ORDER_COLUMNS[field].property], project.id];
}

export interface ProjectList {
  page: Page<ProjectView>;
  /** Counts every project the filter and the viewer's scope admit (one statement, run only when called). */
  countTotal: () => Promise<number>;
}

function projectConditions(ctx: Pick<ServiceContext, 'viewer'>, filter: ProjectFilter): QBFilterQuery<Project> {
  const scope = readableClientIds(requireViewer(ctx));
  const conditions: QBFilterQuery<Project>[] = [];
  if (scope) conditions.push({ client: { $in: scope } });
  if (filter.stage) conditions.push({ stage: { $in: [...filter.stage] } });
  if (filter.packageCode) conditions.push({ servicePackage: { $in: [...filter.packageCode] } });
  if (filter.clientId) conditions.push({ client: { $in: [...filter.clientId] } });
  if (filter.projectLead) conditions.push({ projectLead: { $in: [...filter.projectLead] } });
  if (filter.tier) conditions.push({ client: { tier: { $in: [...filter.tier] } } });
  if (filter.nameContains) conditions.push({ name: { $ilike: `%${escapeLike(filter.nameContains)}%` } });
  if (filter.createdAfter) conditions.push({ createdAt: { $gt: filter.createdAfter } });
  if (filter.createdBefore) conditions.push({ createdAt: { $lt: filter.createdBefore } });
  return conditions.length > 0 ? { $and: conditions } : {};
}

/**
 * One page of the projects the viewer may read that match `filter`, sorted by `order`
 * then id, in one statement. Read as plain rows, not entities: a page is only shown,
 * never changed, and building 50 entities (identity map, change-tracking snapshots of
 * the JSON columns) cost about five times the CPU of reading the rows. Clients and
 * packages are left to the request's batchers: one statement each for a whole page, and
 * joining them in made the ORM merge the same few rows once per project.
 */
export async function listProjects(ctx: ServiceContext, filter: ProjectFilter, order: ProjectOrder, request: PageRequest<ProjectKey>): Promise<ProjectList> {
  const where = projectConditions(ctx, filter);
  const { property, column } = ORDER_COLUMNS[order.field];
  const direction = queryDirection(request, order.direction);
  const qb = ctx.em
    .createQueryBuilder(Project, 'p')
    .select('*')
    .where(where);
  for (const bound of ['after', 'before'] as const) {
    const key = request[bound];
    if (key) qb.andWhere(`(p.${column}, p.id) ${keysetOperator(bound, order.direction)} (?, ?)`, [key[0], key[1]]);
  }
  const rows = await qb
    .orderBy([{ [property]: direction }, { id: direction }])
    .limit(request.size + 1)
    .execute<ProjectRowData[]>('all');
  return { page: pageOf(request, rows.map(projectView)), countTotal: () => ctx.em.createQueryBuilder(Project, 'p').where(where).getCount() };
}

/**
 * The project if the viewer may read it, else null (as `findProject` decides), with its
 * client and service package joined in: one statement for what a read of one project
 * shows, where reading the row alone and then each relation took three.
 */
export async function readProject(ctx: ServiceContext, projectId: string): Promise<Project | null> {
  const viewer = requireViewer(ctx);
  const project = await ctx.em.findOne(Project, { id: projectId }, { populate: ['client', 'servicePackage'], strategy: 'joined' });
  return project && canReadClient(viewer, project.client.id) ? project : null;
}

/** A row of `timeline_event` as the query builder maps it (the project as its key). */
type TimelineEventRowData = Omit<TimelineEventView, 'project'> & { project: string };

/**
 * Every event of each of `projectIds`, oldest first, in one statement; the caller keeps
 * what the viewer may see (`visibleTimeline`). Plain views, not entities, as the pages
 * below: a timeline is only shown, and a long one was mostly hydration.
 */
export async function timelinesOf(em: EntityManager, projectIds: readonly string[]): Promise<TimelineEventView[]> {
  const rows = await em
    .createQueryBuilder(TimelineEvent, 'e')
    .select('*')
    .where({ project: { $in: [...projectIds] } })
    .orderBy([{ project: 'asc' }, { seq: 'asc' }])
    .execute<TimelineEventRowData[]>('all');
  return rows.map(({ project, ...event }) => ({ ...event, project: { id: project } }));
}

/** One page of a project's timeline, and how many events of it the viewer may see in all. */
export interface TimelinePage {
  page: Page<TimelineEventView>;
  totalCount: number;
}

/** A raw row of the timeline page statement: a project's visible total, and one event of its page (all null when its page is empty). */
interface TimelinePageRow {
  listed_project_id: string;
  total_count: string | number;
  project_id: string;
  seq: number | null;
  type: TimelineEvent['type'];
  from_stage: TimelineEvent['fromStage'];
  to_stage: TimelineEvent['toStage'];
  actor: string;
  /** As Postgres writes it: the ORM leaves timestamps to its platform to parse. */
  occurred_at: string;
  summary: string;
  details: Record<string, unknown> | null;
}

/**
 * The same page (say, the last event: `direction: backward, size: 1`) of the timelines of
 * many projects, in one statement: a window numbers each project's visible events from
 * the page's end, and only the first `size + 1` of each are read. Internal events are
 * left out in SQL for all but staff, as `visibleTimeline` does, so pages keep their size
 * and counts are right. Projects the viewer may not read get an empty page.
 */
export async function timelinePages(
  ctx: Pick<ServiceContext, 'em' | 'viewer'>,
  projectIds: readonly string[],
  request: PageRequest<number>,
): Promise<Map<string, TimelinePage>> {
  const viewer = requireViewer(ctx);
  const scope = readableClientIds(viewer);
  const hidden = hiddenEventTypes(viewer);
  const visible: string[] = ['e.project_id in (?)'];
  const params: unknown[] = [[...projectIds]];
  if (hidden.length > 0) {
    visible.push('e.type not in (?)');
    params.push([...hidden]);
  }
  if (scope) {
    visible.push('e.project_id in (select id from project where client_id in (?))');
    params.push(scope);
  }
  const bounds: string[] = ['true'];
  for (const bound of ['after', 'before'] as const) {
    const seq = request[bound];
    if (seq !== null) {
      bounds.push(`v.seq ${keysetOperator(bound, 'asc')} ?`);
      params.push(seq);
    }
  }
  const direction = queryDirection(request, 'asc');
  params.push(request.size + 1);
  const rows = await ctx.em.execute<TimelinePageRow[]>(
    `with visible as (
       select e.* from timeline_event e where ${visible.join(' and ')}
     ), totals as (
       select project_id, count(*) as total_count from visible group by project_id
     ), numbered as (
       select v.*, row_number() over (partition by v.project_id order by v.seq ${direction}) as position
       from visible v where ${bounds.join(' and ')}
     )
     select t.project_id as listed_project_id, t.total_count, n.*
     from totals t left join numbered n on n.project_id = t.project_id and n.position <= ?
     order by t.project_id, n.position`,
    params,
    // Labelled with the session's id in the query log, as the ORM's query builder labels its
    // own statements (its LoggingOptions type leaves `id` out; the log context carries it).
    { method: 'all', loggerContext: { id: ctx.em.id } as LoggingOptions },
  );

  // Plain views, not entities: only shown, and each entity would bring a Project reference of its own into the session.
  const platform = ctx.em.getPlatform();
  const fetched = new Map<string, { events: TimelineEventView[]; totalCount: number }>(projectIds.map((id) => [id, { events: [], totalCount: 0 }]));
  for (const row of rows) {
    const entry = fetched.get(row.listed_project_id);
    if (!entry) continue;
    entry.totalCount = Number(row.total_count);
    if (row.seq === null) continue;
    entry.events.push({
      project: { id: row.project_id },
      seq: row.seq,
      type: row.type,
      fromStage: row.from_stage,
      toStage: row.to_stage,
      actor: row.actor,
      occurredAt: platform.parseDate(row.occurred_at),
      summary: row.summary,
      details: row.details,
    });
  }
  return new Map([...fetched].map(([id, { events, totalCount }]) => [id, { page: pageOf(request, events), totalCount }]));
}
