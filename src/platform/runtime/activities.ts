import type { MikroORM } from '@mikro-orm/postgresql';
import type { OutboundPolicy } from '../outbound/outboundPolicy.js';
import type { NotificationSettings } from '../notifications/notificationSinks.js';
import { createDeliveryActivities } from '../../delivery/activities/index.js';
import { createNotificationActivities } from '../../aftersales/activities/notifications.js';

/**
 * Every activity the worker registers, bound to its dependencies. Notifications go to the
 * log unless `notifications` names a webhook too.
 */
export function createActivities(orm: MikroORM, outbound: OutboundPolicy, notifications: NotificationSettings = {}) {
  return { ...createDeliveryActivities(orm, outbound), ...createNotificationActivities(notifications, outbound) };
}

export type Activities = ReturnType<typeof createActivities>;
