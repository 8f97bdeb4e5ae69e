import type { MikroORM } from '@mikro-orm/postgresql';
import type { OutboundPolicy } from '../../platform/outbound/outboundPolicy.js';
import { createMonitoringReportActivities } from './monitoringReports.js';
import { createProjectRecordActivities } from './projectRecords.js';
import { createSiteProbeActivities } from './siteProbes.js';
import { createTimelineProjectionActivities } from './timelineProjection.js';

/** Every activity of the delivery context, bound to the ORM and the outbound request policy. */
export function createDeliveryActivities(orm: MikroORM, outbound: OutboundPolicy) {
  return {
    ...createProjectRecordActivities(orm),
    ...createTimelineProjectionActivities(orm),
    ...createSiteProbeActivities(orm, outbound),
    ...createMonitoringReportActivities(orm),
  };
}

export type DeliveryActivities = ReturnType<typeof createDeliveryActivities>;
