import type { ServiceContext } from '../../platform/serviceContext.js';
import { SiteCheck } from '../entities/index.js';

/** The latest checks of a project's site, newest first; `limit` is clamped to 1..500. */
export async function listSiteChecks(ctx: ServiceContext, projectId: string, run: string | null, limit: number): Promise<SiteCheck[]> {
  return ctx.em.find(
    SiteCheck,
    { project: projectId, ...(run ? { run } : {}) },
    { orderBy: { checkedAt: 'desc', slot: 'desc', index: 'asc' }, limit: Math.min(500, Math.max(1, limit)) },
  );
}
