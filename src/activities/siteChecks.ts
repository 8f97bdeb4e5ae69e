import { performance } from 'node:perf_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SiteCheck as Check, SiteCheckKind, TallySummary } from '../domain/siteCheck.js';
import { MonitoringReport, SiteCheck } from '../db/entities/index.js';

export interface CheckSiteRequest {
  projectId: string;
  url: string;
  purpose: 'STRESS_TEST' | 'MONITORING';
  /** `stress-<attempt>` or `monitoring`. */
  run: string;
  /** Schedule slot, unique within the run. */
  slot: string;
  /** Requests sent at once: 1 for a probe, more for a burst. */
  concurrency: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

async function requestOnce(url: string): Promise<Check> {
  const started = performance.now();
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    const latencyMs = Math.round(performance.now() - started);
    return { ok: response.status < 400, status: response.status, latencyMs, error: response.status < 400 ? null : `HTTP ${response.status}` };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { ok: false, status: null, latencyMs, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Real HTTP checks of clients' sites, stored before they are reported. */
export function createSiteCheckActivities(orm: MikroORM) {
  return {
    /**
     * Requests the site (`concurrency` requests at once) and stores each result. A retry
     * of a slot that was already stored returns the stored results instead of probing
     * again, so a check is counted once.
     */
    async checkSite(request: CheckSiteRequest): Promise<Check[]> {
      const em = orm.em.fork();
      const where = { project: request.projectId, run: request.run, slot: request.slot };
      const stored = await em.find(SiteCheck, where, { orderBy: { index: 'asc' } });
      if (stored.length > 0) return stored.map(({ ok, status, latencyMs, error }) => ({ ok, status: status ?? null, latencyMs, error: error ?? null }));

      const checks = await Promise.all(Array.from({ length: Math.max(1, request.concurrency) }, () => requestOnce(request.url)));
      const kind: SiteCheckKind = request.purpose === 'MONITORING' ? 'MONITOR' : request.concurrency > 1 ? 'BURST' : 'PROBE';
      const checkedAt = new Date();
      await em
        .createQueryBuilder(SiteCheck)
        .insert(checks.map((check, index) => ({ ...where, index, kind, checkedAt, ...check })))
        .onConflict(['project', 'run', 'slot', 'index'])
        .ignore()
        .execute();
      return checks;
    },

    /** Stores one month's monitoring report (again for the same month: replaced). */
    async writeMonitoringReport(report: { projectId: string; month: number; summary: TallySummary }): Promise<void> {
      await orm.em.fork().upsert(MonitoringReport, {
        project: report.projectId,
        month: report.month,
        checks: report.summary.checks,
        failed: report.summary.failed,
        availability: report.summary.availability,
        p95LatencyMs: report.summary.p95LatencyMs,
        reportedAt: new Date(),
      });
    },
  };
}

export type SiteCheckActivities = ReturnType<typeof createSiteCheckActivities>;
