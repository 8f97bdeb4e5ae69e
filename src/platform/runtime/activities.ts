import type { MikroORM } from '@mikro-orm/postgresql';
import type { OutboundPolicy } from '../outbound/outboundPolicy.js';
import type { NotificationSettings } from '../notifications/notificationSinks.js';
import { createDeliveryActivities } from '../../delivery/activities/index.js';
import { createNotificationActivities } from '../../aftersales/activities/notifications.js';
import { createSlaAlertSink } from '../../aftersales/activities/slaAlertSink.js';
import { createTicketProjectionActivities } from '../../aftersales/activities/ticketProjection.js';
import { createRiskSignalActivities } from '../../insights/activities/riskSignal.js';

/**
 * Every activity the worker registers, bound to its dependencies. Notifications go to the
 * log and to live `slaAlerts` subscribers, and to a webhook when `notifications` names one.
 */
export function createActivities(orm: MikroORM, outbound: OutboundPolicy, notifications: NotificationSettings = {}) {
  return {
    ...createDeliveryActivities(orm, outbound),
    ...createTicketProjectionActivities(orm),
    ...createNotificationActivities(notifications, outbound, [createSlaAlertSink(orm)]),
    ...createRiskSignalActivities(orm),
  };
}

export type Activities = ReturnType<typeof createActivities>;
