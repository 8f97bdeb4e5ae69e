import { SLA_CLOCK_NAMES, SLA_NOTIFICATION_KINDS, type SlaNotification, type SlaRecipient } from './slaNotification.js';
import { isUuid } from '../../shared/domain/uuid.js';

/** The Postgres NOTIFY channel on which SLA notifications are announced to live subscribers (`slaAlerts`). */
export const SLA_ALERTS_CHANNEL = 'sla_alerts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown, max = 500): value is string => typeof value === 'string' && value.length <= max;
const isInstant = (value: unknown): value is string => typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
const isIn = (list: readonly string[], value: unknown) => typeof value === 'string' && list.includes(value);

function isRecipient(value: unknown): value is SlaRecipient {
  return isObject(value) && isIn(['ASSIGNEE', 'CSM', 'ADMIN'], value.role) && (value.username === null || isString(value.username, 200));
}

/**
 * The SLA notification a NOTIFY payload carries, or null when it is not one: anyone who
 * may connect to the database can NOTIFY on the channel, so every field is checked before
 * a subscriber sees it (and subscribers read the ticket back before trusting its scope).
 */
export function parseSlaAlertNotice(payload: string): SlaNotification | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const v = value;
  const valid =
    isString(v.deliveryId, 300) &&
    isString(v.ticketId, 100) &&
    isUuid(v.ticketId) &&
    isString(v.projectId, 100) &&
    isString(v.clientId, 100) &&
    isUuid(v.clientId) &&
    isIn(SLA_CLOCK_NAMES, v.clock) &&
    isIn(SLA_NOTIFICATION_KINDS, v.kind) &&
    isIn(['SHARE_WARNING', 'LEAD_TIME_WARNING', 'BREACH'], v.threshold) &&
    Number.isSafeInteger(v.round) &&
    [1, 2, 3].includes(v.escalationLevel as number) &&
    isRecipient(v.escalateTo) &&
    Array.isArray(v.recipients) &&
    v.recipients.length <= 3 &&
    v.recipients.every(isRecipient) &&
    isInstant(v.thresholdAt) &&
    (v.dueAt === null || isInstant(v.dueAt)) &&
    isInstant(v.sentAt) &&
    Number.isSafeInteger(v.lateByMillis) &&
    isString(v.summary, 1000);
  return valid ? (value as unknown as SlaNotification) : null;
}
