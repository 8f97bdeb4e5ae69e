import type { MikroORM } from '@mikro-orm/postgresql';
import type { NotificationSink } from '../../platform/notifications/notificationSinks.js';
import { SLA_ALERTS_CHANNEL } from '../domain/slaAlertNotice.js';
import { SLA_NOTIFICATION_KINDS } from '../domain/slaNotification.js';

/**
 * The live sink: announces each SLA notification on the `sla_alerts` channel, where the
 * API's `slaAlerts` subscription picks it up (src/platform/liveEvents.ts). At most once,
 * like every live event: a subscriber that was not connected reads the tickets instead.
 * A notification is about 1 KB, far below Postgres's 8000-byte NOTIFY limit. Other kinds
 * the `notify` activity delivers (service audits) are not SLA alerts and are not announced.
 */
export function createSlaAlertSink(orm: MikroORM): NotificationSink {
  return {
    name: 'live',
    async deliver(notification) {
      if (!(SLA_NOTIFICATION_KINDS as readonly string[]).includes(notification.kind)) return;
      await orm.em.fork().getConnection().execute('select pg_notify(?, ?)', [SLA_ALERTS_CHANNEL, JSON.stringify(notification)]);
    },
  };
}
