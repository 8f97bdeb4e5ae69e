import type { MikroORM } from '@mikro-orm/postgresql';
import type { TallySummary } from '../domain/siteCheck.js';
import { MonitoringReport } from '../entities/index.js';

/** The monthly after-care monitoring report, written by the monitoring workflow at each month's end. */
export function createMonitoringReportActivities(orm: MikroORM) {
  return {
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

export type MonitoringReportActivities = ReturnType<typeof createMonitoringReportActivities>;
