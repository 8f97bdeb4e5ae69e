import { intPart, nodeLookup, uuidPart, type NodeLookup } from '../../platform/http/node.js';
import type { MonitoringReport, SiteCheck } from '../entities/index.js';
import { findChangeOrder, findCostEntry, findMonitoringReport, findRequirement, findSiteCheck, findTimelineEvent } from '../services/projectChildren.js';
import { findProject } from '../services/projectService.js';
import type { TimelineEventView } from '../services/timelineService.js';

/** A site check's run or slot (`stress-2`, `day3-probe7`): letters, digits and dashes. */
const schedulePart = (part: string | undefined) => (part !== undefined && /^[A-Za-z0-9_-]{1,40}$/.test(part) ? part : undefined);

/** The SQL key of a project's child keyed by a UUID: its project and its own id, for `load`. */
const CHILD_KEY = `project_id::text || ':' || id::text`;

/**
 * How `node(id)` finds delivery's objects (src/platform/http/node.ts). Every one of them
 * is read through its project (`findProject`), so a CLIENT gets null for another client's.
 */
export const DELIVERY_NODES: NodeLookup[] = [
  nodeLookup({
    type: 'Project',
    uuid: { table: 'project', idColumn: 'uuid', key: 'id::text' },
    load: (ctx, [id]) => findProject(ctx, id!),
  }),
  nodeLookup({
    type: 'Requirement',
    uuid: { table: 'requirement', idColumn: 'text', key: CHILD_KEY },
    load: (ctx, [projectId, id]) => findRequirement(ctx, projectId!, id!),
  }),
  nodeLookup({
    type: 'ChangeOrder',
    uuid: { table: 'change_order', idColumn: 'text', key: CHILD_KEY },
    load: (ctx, [projectId, id]) => findChangeOrder(ctx, projectId!, id!),
  }),
  nodeLookup({
    type: 'CostEntry',
    uuid: { table: 'cost_entry', idColumn: 'uuid', key: CHILD_KEY },
    load: (ctx, [projectId, id]) => findCostEntry(ctx, projectId!, id!),
  }),
  nodeLookup<TimelineEventView>({
    type: 'TimelineEvent',
    keyOf: (row) => [row.project.id, row.seq],
    load: async (ctx, parts) => {
      const [projectId, seq] = parts.length === 2 ? [uuidPart(parts[0]), intPart(parts[1])] : [];
      return projectId === undefined || seq === undefined ? null : findTimelineEvent(ctx, projectId, seq);
    },
  }),
  nodeLookup<SiteCheck>({
    type: 'SiteCheck',
    keyOf: (row) => [row.project.id, row.run, row.slot, row.index],
    load: async (ctx, parts) => {
      if (parts.length !== 4) return null;
      const [projectId, run, slot, index] = [uuidPart(parts[0]), schedulePart(parts[1]), schedulePart(parts[2]), intPart(parts[3])];
      if (projectId === undefined || run === undefined || slot === undefined || index === undefined) return null;
      return findSiteCheck(ctx, { projectId, run, slot, index });
    },
  }),
  nodeLookup<MonitoringReport>({
    type: 'MonitoringReport',
    keyOf: (row) => [row.project.id, row.month],
    load: async (ctx, parts) => {
      const [projectId, month] = parts.length === 2 ? [uuidPart(parts[0]), intPart(parts[1])] : [];
      return projectId === undefined || month === undefined ? null : findMonitoringReport(ctx, projectId, month);
    },
  }),
];
