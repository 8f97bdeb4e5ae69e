import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, Stripe-style. Every webhook request carries
 *
 *     X-Sop-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
 *     X-Sop-Delivery:  <delivery id>
 *
 * The HMAC key is the shared secret (NOTIFY_WEBHOOK_SECRET) as UTF-8 bytes; the signed
 * message is the timestamp, a dot and the raw request body exactly as received (verify
 * before parsing the JSON). The timestamp bounds replays: a receiver refuses a signature
 * older (or newer) than its tolerance, five minutes by default. The delivery id is the
 * same on every retry of one notification, so a receiver drops what it has seen.
 *
 * Secret rotation: a header may carry several `v1=` entries (one per secret the sender
 * signs with) and a receiver may hold several secrets; any secret matching any entry
 * verifies. Rotate by letting the receiver accept the old and the new secret, switching
 * the sender to the new one, then dropping the old one. Unknown schemes (`v0=`, `v2=`)
 * are ignored, so a later scheme can be added beside `v1`.
 */

export const SIGNATURE_HEADER = 'X-Sop-Signature';
export const DELIVERY_HEADER = 'X-Sop-Delivery';

/** How far a signature's timestamp may lie from the receiver's clock, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Longer headers are refused unread (MALFORMED): verifying costs one HMAC per entry. */
const MAX_HEADER_LENGTH = 4096;
const TIMESTAMP = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export type WebhookSignatureCode = 'OK' | 'MISSING' | 'MALFORMED' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'MISMATCH';

export type WebhookVerification =
  | { ok: true; code: 'OK'; /** The signed timestamp, unix seconds. */ timestamp: number }
  | { ok: false; code: Exclude<WebhookSignatureCode, 'OK'> };

type RawBody = string | Uint8Array;

function hmac(secret: string, timestamp: number, rawBody: RawBody): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

/**
 * The `X-Sop-Signature` value for `rawBody` sent at `timestampSeconds`, with one `v1`
 * entry per secret (give the old and the new secret while a receiver rotates).
 */
export function signWebhook(rawBody: RawBody, secrets: string | readonly string[], timestampSeconds: number): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new RangeError('timestampSeconds must be a whole, non-negative number of seconds');
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  if (list.length === 0 || list.some((secret) => secret === '')) throw new RangeError('a webhook is signed with at least one non-empty secret');
  return [`t=${timestampSeconds}`, ...list.map((secret) => `v1=${hmac(secret, timestampSeconds, rawBody).toString('hex')}`)].join(',');
}

/** The timestamp and the v1 signatures of a header; null when it does not read as one. */
function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | null {
  if (header.length > MAX_HEADER_LENGTH) return null;
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) return null;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !TIMESTAMP.test(value)) return null;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return null;
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * Checks a webhook request's `X-Sop-Signature` against the raw body and the secret(s):
 * `MISSING` (no header), `MALFORMED` (not `t=...,v1=...`), `MISMATCH` (no entry matches
 * any secret: a wrong secret or a changed body or timestamp), `TIMESTAMP_OUT_OF_TOLERANCE`
 * (signed correctly, but too long ago or ahead: a replay or a skewed clock), or `OK`.
 * Signatures are compared in constant time.
 */
export function verifyWebhookSignature(
  rawBody: RawBody,
  header: string | readonly string[] | null | undefined,
  secrets: string | readonly string[],
  options: { toleranceSeconds?: number; now?: number } = {},
): WebhookVerification {
  const { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now() } = options;
  // Node joins repeated headers into an array; a signature header comes once.
  if (header === null || header === undefined || (typeof header !== 'string' && header.length === 0)) return { ok: false, code: 'MISSING' };
  if (typeof header !== 'string') return { ok: false, code: 'MALFORMED' };
  if (header.trim() === '') return { ok: false, code: 'MISSING' };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, code: 'MALFORMED' };

  const keys = (typeof secrets === 'string' ? [secrets] : secrets).filter((secret) => secret !== '');
  let matched = false;
  for (const secret of keys) {
    const expected = hmac(secret, parsed.timestamp, rawBody);
    // Every entry is compared, match or not, so the time taken says nothing about which matched.
    for (const signature of parsed.signatures) matched = timingSafeEqual(expected, signature) || matched;
  }
  if (!matched) return { ok: false, code: 'MISMATCH' };
  if (Math.abs(Math.floor(now / 1000) - parsed.timestamp) > toleranceSeconds) return { ok: false, code: 'TIMESTAMP_OUT_OF_TOLERANCE' };
  return { ok: true, code: 'OK', timestamp: parsed.timestamp };
}
