import { isAgencyStaff, requireViewer } from '../../identity/services/access.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { ChangeOrder, CostEntry, MonitoringReport, Requirement, SiteCheck, TimelineEvent } from '../entities/index.js';
import { findProject } from './projectService.js';
import { visibleTimeline } from './timelineService.js';

/**
 * One row that hangs off a project, found by its key, under the same row scope as the
 * project's own fields: null when the row does not exist or when the viewer may not read
 * its project (`findProject`) or the row itself (internal timeline events and cost entries
 * for all but agency staff). What `node(id)` reads.
 */

export async function findTimelineEvent(ctx: ServiceContext, projectId: string, seq: number): Promise<TimelineEvent | null> {
  if (!(await findProject(ctx, projectId))) return null;
  const event = await ctx.em.findOne(TimelineEvent, { project: projectId, seq });
  return event ? (visibleTimeline(ctx, [event])[0] ?? null) : null;
}

export async function findRequirement(ctx: ServiceContext, projectId: string, id: string): Promise<Requirement | null> {
  if (!(await findProject(ctx, projectId))) return null;
  return ctx.em.findOne(Requirement, { project: projectId, id });
}

export async function findChangeOrder(ctx: ServiceContext, projectId: string, id: string): Promise<ChangeOrder | null> {
  if (!(await findProject(ctx, projectId))) return null;
  return ctx.em.findOne(ChangeOrder, { project: projectId, id });
}

/** A cost entry: agency staff (ADMIN, LEAD) only, like `Project.costEntries`; null for anyone else. */
export async function findCostEntry(ctx: ServiceContext, projectId: string, id: string): Promise<CostEntry | null> {
  if (!isAgencyStaff(requireViewer(ctx))) return null;
  if (!(await findProject(ctx, projectId))) return null;
  return ctx.em.findOne(CostEntry, { id, project: projectId });
}

export async function findSiteCheck(ctx: ServiceContext, key: { projectId: string; run: string; slot: string; index: number }): Promise<SiteCheck | null> {
  if (!(await findProject(ctx, key.projectId))) return null;
  return ctx.em.findOne(SiteCheck, { project: key.projectId, run: key.run, slot: key.slot, index: key.index });
}

export async function findMonitoringReport(ctx: ServiceContext, projectId: string, month: number): Promise<MonitoringReport | null> {
  if (!(await findProject(ctx, projectId))) return null;
  return ctx.em.findOne(MonitoringReport, { project: projectId, month });
}
