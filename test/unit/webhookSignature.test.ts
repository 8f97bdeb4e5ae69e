import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE_SECONDS, signWebhook, verifyWebhookSignature } from '../../src/platform/notifications/webhookSignature.js';

const SECRET = 'whsec-0123456789abcdef0123456789abcdef';
const OLD_SECRET = 'whsec-old-fedcba9876543210fedcba9876543210';
const BODY = JSON.stringify({ deliveryId: 't1:FIRST_RESPONSE:1:SHARE_WARNING', kind: 'SLA_WARNING', summary: 'Ünïcode ✓' });
const T = 1_767_607_200; // 2026-01-05T10:00:00Z
const NOW = T * 1000;

describe('signWebhook', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`, 'utf8').digest('hex');
    expect(signWebhook(BODY, SECRET, T)).toBe(`t=${T},v1=${expected}`);
    // Bytes or string: the same signature.
    expect(signWebhook(Buffer.from(BODY, 'utf8'), SECRET, T)).toBe(signWebhook(BODY, SECRET, T));
  });

  it('signs with every secret given, one v1 entry each', () => {
    const header = signWebhook(BODY, [OLD_SECRET, SECRET], T);
    expect(header.split(',')).toEqual([`t=${T}`, expect.stringMatching(/^v1=[0-9a-f]{64}$/), expect.stringMatching(/^v1=[0-9a-f]{64}$/)]);
  });

  it('refuses a bad timestamp or no secret', () => {
    expect(() => signWebhook(BODY, SECRET, 1.5)).toThrow(RangeError);
    expect(() => signWebhook(BODY, SECRET, -1)).toThrow(RangeError);
    expect(() => signWebhook(BODY, [], T)).toThrow(RangeError);
    expect(() => signWebhook(BODY, '', T)).toThrow(RangeError);
  });
});

describe('verifyWebhookSignature', () => {
  const header = signWebhook(BODY, SECRET, T);

  it('accepts its own signature, as a string or as bytes', () => {
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: NOW })).toEqual({ ok: true, code: 'OK', timestamp: T });
    expect(verifyWebhookSignature(Buffer.from(BODY), header, SECRET, { now: NOW + 299_000 })).toMatchObject({ ok: true });
  });

  it('refuses a tampered body', () => {
    expect(verifyWebhookSignature(BODY.replace('WARNING', 'BREACH'), header, SECRET, { now: NOW })).toEqual({ ok: false, code: 'MISMATCH' });
    expect(verifyWebhookSignature(`${BODY} `, header, SECRET, { now: NOW })).toEqual({ ok: false, code: 'MISMATCH' });
  });

  it('refuses a changed timestamp: it is signed too', () => {
    const replayed = header.replace(`t=${T}`, `t=${T + 600}`);
    expect(verifyWebhookSignature(BODY, replayed, SECRET, { now: (T + 600) * 1000 })).toEqual({ ok: false, code: 'MISMATCH' });
  });

  it('refuses a wrong secret', () => {
    expect(verifyWebhookSignature(BODY, header, OLD_SECRET, { now: NOW })).toEqual({ ok: false, code: 'MISMATCH' });
  });

  it('refuses a correct signature made too long ago or too far ahead (five minutes by default)', () => {
    expect(DEFAULT_TOLERANCE_SECONDS).toBe(300);
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: NOW + 300_000 })).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: NOW + 301_000 })).toEqual({ ok: false, code: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: NOW - 301_000 })).toEqual({ ok: false, code: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: NOW + 3_600_000, toleranceSeconds: 3600 })).toMatchObject({ ok: true });
    // Reads the real clock by default: a signature from 2026-01-05 is long stale by then or still ahead.
    expect(verifyWebhookSignature(BODY, signWebhook(BODY, SECRET, Math.floor(Date.now() / 1000)), SECRET)).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(BODY, signWebhook(BODY, SECRET, 1_000_000), SECRET)).toEqual({ ok: false, code: 'TIMESTAMP_OUT_OF_TOLERANCE' });
  });

  it('accepts any secret matching any v1 entry, for rotation', () => {
    // The sender signs with the old and the new secret; a receiver knowing either accepts.
    const both = signWebhook(BODY, [OLD_SECRET, SECRET], T);
    expect(verifyWebhookSignature(BODY, both, SECRET, { now: NOW })).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(BODY, both, OLD_SECRET, { now: NOW })).toMatchObject({ ok: true });
    // The receiver holds both secrets while the sender switches.
    expect(verifyWebhookSignature(BODY, signWebhook(BODY, OLD_SECRET, T), [SECRET, OLD_SECRET], { now: NOW })).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(BODY, signWebhook(BODY, SECRET, T), [SECRET, OLD_SECRET], { now: NOW })).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(BODY, signWebhook(BODY, 'x'.repeat(32), T), [SECRET, OLD_SECRET], { now: NOW })).toEqual({ ok: false, code: 'MISMATCH' });
    // An empty secret never verifies anything.
    expect(verifyWebhookSignature(BODY, header, ['', ''], { now: NOW })).toEqual({ ok: false, code: 'MISMATCH' });
  });

  it('ignores unknown schemes and spaces around entries', () => {
    const v1 = header.split(',')[1]!;
    expect(verifyWebhookSignature(BODY, `t=${T}, v0=abc, ${v1}, v2=zzz`, SECRET, { now: NOW })).toMatchObject({ ok: true });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['an empty array', []],
  ])('says MISSING for %s', (_what, value) => {
    expect(verifyWebhookSignature(BODY, value, SECRET, { now: NOW })).toEqual({ ok: false, code: 'MISSING' });
  });

  const v1 = header.split(',')[1]!;
  it.each([
    ['no timestamp', v1],
    ['no v1', `t=${T}`],
    ['only unknown schemes', `t=${T},v0=${'a'.repeat(64)}`],
    ['two timestamps', `t=${T},t=${T},${v1}`],
    ['a non-numeric timestamp', `t=now,${v1}`],
    ['a negative timestamp', `t=-${T},${v1}`],
    ['a fractional timestamp', `t=${T}.5,${v1}`],
    ['a short v1', `t=${T},v1=abcd`],
    ['a non-hex v1', `t=${T},v1=${'g'.repeat(64)}`],
    ['an entry without =', `t=${T},${v1},junk`],
    ['an entry without a key', `t=${T},=x,${v1}`],
    ['a repeated header (array)', [header, header]],
    ['an overlong header', `t=${T},${Array.from({ length: 100 }, () => v1).join(',')}`],
    ['a Bearer token', 'Bearer abc'],
  ])('says MALFORMED for %s', (_what, value) => {
    expect(verifyWebhookSignature(BODY, value, SECRET, { now: NOW })).toEqual({ ok: false, code: 'MALFORMED' });
  });
});
