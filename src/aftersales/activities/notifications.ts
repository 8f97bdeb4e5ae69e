import { Context } from '@temporalio/activity';
import type { OutboundPolicy } from '../../platform/outbound/outboundPolicy.js';
import { createNotificationSinks, type Notification, type NotificationSettings, type NotificationSink } from '../../platform/notifications/notificationSinks.js';

/**
 * The `notify` activity as the worker registers it: it delivers any notification with a
 * `deliveryId` and a `kind`, an SLA notification (src/aftersales/domain/slaNotification.ts)
 * or a service audit's (src/insights/domain/riskSignal.ts).
 */
export interface NotificationActivities {
  notify(notification: Notification): Promise<void>;
}

/** Delivery ids remembered per process, so a retried `notify` skips the sinks already done. */
const REMEMBERED_DELIVERIES = 10_000;

/** The running activity's cancellation signal; none when called outside an activity (tests, scripts). */
function cancellationSignal(): AbortSignal | undefined {
  try {
    return Context.current().cancellationSignal;
  } catch {
    return undefined;
  }
}

/**
 * The notification activity, bound to the configured sinks (the log always, the signed
 * webhook when NOTIFY_WEBHOOK_URL is set) and `extraSinks` (the worker adds the live
 * `slaAlerts` sink). Throws ConfigError for a webhook configuration
 * that could never deliver, so the worker fails at start-up rather than on every
 * notification.
 */
export function createNotificationActivities(settings: NotificationSettings, outbound: OutboundPolicy, extraSinks: readonly NotificationSink[] = []): NotificationActivities {
  const sinks = [...createNotificationSinks(settings, outbound), ...extraSinks];
  // `${sink}\0${deliveryId}` of what this process delivered, oldest first (a Set keeps insertion order).
  const delivered = new Set<string>();
  const remember = (key: string) => {
    delivered.add(key);
    if (delivered.size > REMEMBERED_DELIVERIES) delivered.delete(delivered.values().next().value!);
  };

  return {
    /**
     * Delivers one notification to every configured sink, in order. Idempotent per
     * `deliveryId` within a process (best effort): a retry skips the sinks that already
     * delivered it, so a webhook failing after the log line does not log it twice. Across
     * processes a receiver dedups by `X-Sop-Delivery`.
     *
     * A retryable failure (webhook 5xx, 408, 429, no answer) is thrown for Temporal to
     * retry with backoff; a permanent one (4xx, redirect, refused destination) is a
     * non-retryable ApplicationFailure whose `type` is the code (`WEBHOOK_*`). The
     * workflow sets the retry policy; recommended:
     * `{ startToCloseTimeout: '30 seconds', retry: { initialInterval: '5 seconds',
     * backoffCoefficient: 2, maximumInterval: '10 minutes' }, scheduleToCloseTimeout: '24 hours' }`.
     */
    async notify(notification: Notification): Promise<void> {
      const signal = cancellationSignal();
      for (const sink of sinks) {
        const key = `${sink.name}\u0000${notification.deliveryId}`;
        if (delivered.has(key)) continue;
        try {
          await sink.deliver(notification, { signal });
        } catch (error) {
          // A cancelled activity reports the cancellation itself, not what it cut short.
          signal?.throwIfAborted();
          throw error;
        }
        remember(key);
      }
    },
  };
}
