import { ApplicationFailure } from '@temporalio/common';
import type { OutboundPolicy } from '../outbound/outboundPolicy.js';
import { sendOutbound, type OutboundFailure } from '../outbound/outboundRequest.js';
import { ConfigError } from '../runtime/config.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook } from './webhookSignature.js';
import { webhookSettingsProblems, type WebhookSettings } from './webhookSettings.js';

/**
 * What a sink delivers: a JSON object with an idempotent delivery id (the same on every
 * retry of one notification) and a kind. The after-sales SLA notification is one.
 */
export interface Notification {
  readonly deliveryId: string;
  readonly kind: string;
}

export interface DeliveryOptions {
  /** Stops a delivery under way, e.g. when the activity sending it is cancelled. */
  signal?: AbortSignal;
}

/**
 * One way of telling people. `deliver` resolves once the notification is delivered and
 * throws otherwise: a retryable `ApplicationFailure` when trying again may help, a
 * non-retryable one when it cannot.
 */
export interface NotificationSink {
  readonly name: string;
  deliver(notification: Notification, options?: DeliveryOptions): Promise<void>;
}

/** The codes (`ApplicationFailure.type`) a webhook delivery fails with. */
export const WEBHOOK_FAILURES = {
  /** The receiver answered 4xx (not 408 or 429) or another status that is not 2xx: not retried. */
  REJECTED: 'WEBHOOK_REJECTED',
  /** The receiver answered with a redirect; webhooks do not follow redirects: not retried. */
  REDIRECTED: 'WEBHOOK_REDIRECTED',
  /** The outbound policy refused the destination (a private, loopback or metadata address): not retried. */
  DESTINATION_REFUSED: 'WEBHOOK_DESTINATION_REFUSED',
  /** 5xx, 408, 429, or no answer (DNS, connection, TLS, timeout): retried with backoff. */
  UNAVAILABLE: 'WEBHOOK_UNAVAILABLE',
  /** The delivery was cancelled while it was under way. */
  CANCELLED: 'WEBHOOK_CANCELLED',
} as const;
export type WebhookFailureCode = (typeof WEBHOOK_FAILURES)[keyof typeof WEBHOOK_FAILURES];

/** What a webhook failure carries in its details: the HTTP status or the outbound failure code. */
export interface WebhookFailureDetails {
  deliveryId: string;
  status: number | null;
  failure: OutboundFailure | null;
}

function webhookFailure(code: WebhookFailureCode, message: string, details: WebhookFailureDetails, nonRetryable: boolean): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, details: [details], nonRetryable });
}

/** Statuses of "not now": worth a retry. */
const RETRYABLE_STATUS = new Set([408, 429]);

/**
 * The log sink, the default: one structured JSON line per notification (pino's shape:
 * level, time, service, msg), written with `write` (stdout by default).
 */
export function createLogSink(write: (line: string) => void = (line) => void process.stdout.write(`${line}\n`), now: () => number = Date.now): NotificationSink {
  return {
    name: 'log',
    async deliver(notification) {
      write(JSON.stringify({ level: 30, time: new Date(now()).toISOString(), service: 'worker', msg: 'notification', deliveryId: notification.deliveryId, kind: notification.kind, notification }));
    },
  };
}

/**
 * The webhook sink: POSTs the notification as JSON to the configured URL through
 * `sendOutbound` (so under the outbound policy), signed with `X-Sop-Signature` and named
 * by `X-Sop-Delivery`. 2xx is delivered. Redirects are not followed (a redirected POST
 * would not reach its receiver as sent). The URL and the secret appear in no error and
 * no log: a webhook URL often carries a token of its own.
 */
export function createWebhookSink(settings: WebhookSettings, outbound: OutboundPolicy, now: () => number = Date.now): NotificationSink {
  const policy: OutboundPolicy = { ...outbound, maxRedirects: 0 };
  return {
    name: 'webhook',
    async deliver(notification, options = {}) {
      const body = JSON.stringify(notification);
      const { deliveryId } = notification;
      const result = await sendOutbound(settings.url, policy, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'delivery-sop-webhook',
          [SIGNATURE_HEADER]: signWebhook(body, settings.secret, Math.floor(now() / 1000)),
          [DELIVERY_HEADER]: deliveryId,
        },
        body,
        signal: options.signal,
      });
      if (result.failure === null) {
        const { status } = result;
        if (status >= 200 && status < 300) return;
        const details = { deliveryId, status, failure: null };
        if (status >= 500 || RETRYABLE_STATUS.has(status)) throw webhookFailure(WEBHOOK_FAILURES.UNAVAILABLE, `Webhook answered HTTP ${status}; will retry`, details, false);
        throw webhookFailure(WEBHOOK_FAILURES.REJECTED, `Webhook refused the notification with HTTP ${status}`, details, true);
      }
      const details = { deliveryId, status: null, failure: result.failure };
      switch (result.failure) {
        case 'DESTINATION_REFUSED':
          throw webhookFailure(WEBHOOK_FAILURES.DESTINATION_REFUSED, 'The outbound policy refuses the webhook destination', details, true);
        case 'TOO_MANY_REDIRECTS':
        case 'BAD_REDIRECT':
          throw webhookFailure(WEBHOOK_FAILURES.REDIRECTED, 'Webhook answered with a redirect; webhooks do not follow redirects', details, true);
        case 'CANCELLED':
          throw webhookFailure(WEBHOOK_FAILURES.CANCELLED, 'Webhook delivery was cancelled', details, false);
        default:
          throw webhookFailure(WEBHOOK_FAILURES.UNAVAILABLE, `Webhook did not answer (${result.failure}); will retry`, details, false);
      }
    },
  };
}

export interface NotificationSettings {
  /** Also post notifications here (NOTIFY_WEBHOOK_URL and NOTIFY_WEBHOOK_SECRET). */
  webhook?: WebhookSettings;
  /** Where the log sink writes its lines; stdout by default. */
  writeLog?: (line: string) => void;
  /** The clock of log lines and signature timestamps; `Date.now` by default. */
  now?: () => number;
}

/**
 * The configured sinks: the log always, the webhook when configured. Throws ConfigError
 * (at start-up, as the worker binds its activities) for a webhook configuration that
 * could never deliver.
 */
export function createNotificationSinks(settings: NotificationSettings, outbound: OutboundPolicy): NotificationSink[] {
  const sinks = [createLogSink(settings.writeLog, settings.now)];
  if (settings.webhook) {
    const problems = webhookSettingsProblems(settings.webhook.url, settings.webhook.secret, outbound);
    if (problems.length > 0) throw new ConfigError(problems);
    sinks.push(createWebhookSink(settings.webhook, outbound, settings.now));
  }
  return sinks;
}
