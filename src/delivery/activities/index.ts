import type { MikroORM } from '@mikro-orm/postgresql';
import { createMonitoringReportActivities } from './monitoringReports.js';
import { createSiteProbeActivities } from './siteProbes.js';
import { createTimelineProjectionActivities } from './timelineProjection.js';

/** Every activity of the delivery context, bound to the ORM. */
export function createDeliveryActivities(orm: MikroORM) {
  return { ...createTimelineProjectionActivities(orm), ...createSiteProbeActivities(orm), ...createMonitoringReportActivities(orm) };
}

export type DeliveryActivities = ReturnType<typeof createDeliveryActivities>;
