import { describe, expect, it } from 'vitest';
import { parseTimelineNotice } from '../../src/delivery/domain/timelineNotice.js';
import { LiveEventHub, mapLiveStream, SKIP, SubscriberTooSlowError } from '../../src/platform/liveEvents.js';

/** The in-memory fan-out behind subscriptions (src/platform/liveEvents.ts), without Postgres. */
const hubOf = () => new LiveEventHub<{ numbers: number }>({ numbers: (payload) => (/^\d+$/.test(payload) ? Number(payload) : null) });

describe('LiveEventHub', () => {
  it('hands each event to every subscriber its filter admits, in order', async () => {
    const hub = hubOf();
    const all = hub.listen('numbers');
    const even = hub.listen('numbers', { accept: (n) => n % 2 === 0 });
    for (const payload of ['1', '2', '3', '4']) expect(hub.publish('numbers', payload)).toBe(true);
    expect([(await all.next()).value, (await all.next()).value, (await all.next()).value, (await all.next()).value]).toEqual([1, 2, 3, 4]);
    expect([(await even.next()).value, (await even.next()).value]).toEqual([2, 4]);
  });

  it('ignores a payload its parser refuses, and says so', async () => {
    const hub = hubOf();
    const stream = hub.listen('numbers');
    expect(hub.publish('numbers', 'not a number')).toBe(false);
    hub.publish('numbers', '7');
    expect(await stream.next()).toEqual({ value: 7, done: false });
  });

  it('drops a subscriber that falls more than its buffer behind, and frees its buffer', async () => {
    const hub = hubOf();
    const slow = hub.listen('numbers', { bufferSize: 3 });
    const fast = hub.listen('numbers', { bufferSize: 3 });
    const drained: number[] = [];
    for (let n = 0; n < 5; n++) {
      hub.publish('numbers', String(n));
      drained.push((await fast.next()).value!);
    }
    expect(drained).toEqual([0, 1, 2, 3, 4]);
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect(hub.size).toBe(1);
  });

  it('ends a waiting next() at once when the stream is returned, and unsubscribes', async () => {
    const hub = hubOf();
    const stream = hub.listen('numbers');
    const waiting = stream.next();
    expect(hub.size).toBe(1);
    await stream.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(hub.size).toBe(0);
  });

  it('completes every stream when stopped', async () => {
    const hub = hubOf();
    const stream = hub.listen('numbers');
    hub.stop();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(await hub.listen('numbers').next()).toEqual({ value: undefined, done: true });
  });
});

describe('mapLiveStream', () => {
  it('maps, skips, and ends its source as soon as it is returned, even while waiting', async () => {
    const hub = hubOf();
    const mapped = mapLiveStream(hub.listen('numbers'), async (n) => (n === 2 ? SKIP : `#${n}`));
    hub.publish('numbers', '1');
    hub.publish('numbers', '2');
    hub.publish('numbers', '3');
    expect((await mapped.next()).value).toBe('#1');
    expect((await mapped.next()).value).toBe('#3');
    const waiting = mapped.next();
    await mapped.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(hub.size).toBe(0);
  });

  it('fails and unsubscribes when the mapper throws', async () => {
    const hub = hubOf();
    const mapped = mapLiveStream(hub.listen('numbers'), async () => {
      throw new Error('lookup failed');
    });
    hub.publish('numbers', '1');
    await expect(mapped.next()).rejects.toThrow('lookup failed');
    expect(hub.size).toBe(0);
  });
});

describe('parseTimelineNotice', () => {
  const notice = { projectId: '00000000-0000-4000-8000-000000000001', seq: 3, type: 'COST_RECORDED', clientId: '00000000-0000-4000-8000-00000000c001' };

  it('reads what the projection sends', () => {
    expect(parseTimelineNotice(JSON.stringify(notice))).toEqual(notice);
  });

  it('refuses anything else', () => {
    for (const payload of ['', 'null', '[]', '{', JSON.stringify({ ...notice, type: 'NOPE' }), JSON.stringify({ ...notice, seq: -1 }), JSON.stringify({ ...notice, seq: '3' }), JSON.stringify({ ...notice, clientId: 'x' })]) {
      expect(parseTimelineNotice(payload), payload).toBeNull();
    }
  });
});
