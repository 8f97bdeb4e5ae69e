import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { beforeEach, describe, expect, it } from 'vitest';
import { deadline, HOUR_MS, MINUTE_MS, utcOffsetAt, type BusinessCalendar } from '../../src/aftersales/domain/businessCalendar.js';
import type { SlaNotification } from '../../src/aftersales/domain/slaNotification.js';
import type { SlaPolicy, SlaTargets } from '../../src/aftersales/domain/slaPolicy.js';
import type { TicketSnapshot } from '../../src/aftersales/domain/ticketSnapshot.js';
import { ticketPriorityKey, ticketSummary, type TicketOpening, type TicketState, type TicketTransitionName } from '../../src/aftersales/domain/ticket.js';
import { openTicketUpdate, ticketSla, ticketStateQuery, ticketUpdate, type TicketSlaInput } from '../../workflows/aftersales/ticketSla.js';
import { useTimeSkipping } from '../support/temporalBinaries.js';

const H = HOUR_MS;
const MIN = MINUTE_MS;
const targets = (first: number, next: number, resolution: number, calendar: SlaTargets['calendar'] = 'ALWAYS'): SlaTargets => ({
  firstResponseMillis: first,
  nextResponseMillis: next,
  resolutionMillis: resolution,
  calendar,
});

/** Short, round targets so every threshold is easy to read: warnings at 80 % and 30 min before. */
const POLICY: SlaPolicy = {
  version: 7,
  defaults: { LOW: targets(8 * H, 8 * H, 40 * H), MEDIUM: targets(4 * H, 4 * H, 20 * H), HIGH: targets(1 * H, 2 * H, 10 * H) },
  rules: [],
  routing: { dedicatedCsmTiers: ['A'] },
};

const TICKET: TicketOpening = {
  ticketId: 'T-1',
  projectId: 'p-1',
  clientId: 'c-1',
  tier: 'B',
  severity: 'HIGH',
  category: 'BUSINESS',
  affectedUsers: 1,
  assignee: 'ana.agent',
  clientCsm: 'carl.csm',
};

const server = useTimeSkipping();
/** What the mocked notify activity was given, in order. */
const sent: SlaNotification[] = [];
/** What the mocked projection activity was given. */
const snapshots: TicketSnapshot[] = [];
beforeEach(() => {
  sent.length = 0;
  snapshots.length = 0;
});

let counter = 0;
type Handle = WorkflowHandle<typeof ticketSla>;

/**
 * Opens a ticket (start, then the openTicket update) on a task queue and worker of
 * its own, runs `test`, then checks that no notification went out twice.
 */
async function withTicket(overrides: Partial<TicketOpening>, test: (handle: Handle, opened: TicketState) => Promise<void>, input: Partial<TicketSlaInput> = {}) {
  const taskQueue = `ticket-${++counter}`;
  const worker = await Worker.create({
    connection: server.env.nativeConnection,
    taskQueue,
    workflowBundle: server.bundle,
    activities: {
      async notify(notification: SlaNotification) {
        sent.push(notification);
      },
      async recordTicket(snapshot: TicketSnapshot) {
        snapshots.push(snapshot);
      },
    },
  });
  const ticket = { ...TICKET, ticketId: `T-${counter}`, ...overrides };
  await worker.runUntil(async () => {
    // The API opens a ticket with Update-with-Start (WithStartWorkflowOperation + executeUpdateWithStart,
    // shown against the real dev server in scripts/recordHistories.ts). The time-skipping test server
    // does not implement ExecuteMultiOperation, so here the same two steps go as two calls.
    const handle = await server.env.client.workflow.start(ticketSla, {
      workflowId: `ticket-${ticket.ticketId}`,
      taskQueue,
      args: [{ ticket, policy: POLICY, ...input }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      priority: { priorityKey: ticketPriorityKey(ticket) },
      staticSummary: ticketSummary(ticket),
    });
    const opened = await handle.executeUpdate(openTicketUpdate);
    try {
      await test(handle, opened);
      const ids = sent.map((n) => n.deliveryId);
      expect(new Set(ids).size, `sent twice: ${ids.join(', ')}`).toBe(ids.length);
      // The read model got the opening and then one numbered snapshot per change, in order.
      const seqs = snapshots.filter((s) => s.state.ticketId === ticket.ticketId).map((s) => s.seq);
      expect(seqs[0]).toBe(1);
      expect(new Set(seqs).size).toBe(seqs.length);
    } finally {
      await handle.terminate('test finished').catch(() => undefined);
    }
  });
}

/** Lets the worker finish what the last timer or update started (the test clock is locked meanwhile). */
async function settle(handle: Handle) {
  await handle.query(ticketStateQuery);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return handle.query(ticketStateQuery);
}

async function advance(handle: Handle, millis: number) {
  await server.env.sleep(millis);
  return settle(handle);
}

/** Sends an update as any client could: payloads are untyped on the wire. */
const update = (handle: Handle, name: TicketTransitionName, payload: unknown): Promise<TicketState> => handle.executeUpdate(ticketUpdate(name), { args: [payload as never] });

// The read model stores each message by its id; the workflow only needs one there.
const agentReply = { actor: 'ana.agent', kind: 'PUBLIC_REPLY', authorRole: 'AGENT', messageId: '00000000-0000-4000-8000-0000000000a1', body: 'On it.' } as const;
const clientMessage = { actor: 'client', kind: 'PUBLIC_REPLY', authorRole: 'CLIENT', messageId: '00000000-0000-4000-8000-0000000000c1', body: 'Still broken.' } as const;
const status = (s: TicketState['status']) => ({ actor: 'ana.agent', status: s });

const at = (iso: string) => Date.parse(iso);
const sentFor = (clock: string) => sent.filter((n) => n.clock === clock);
const brief = (n: SlaNotification) => ({ clock: n.clock, round: n.round, kind: n.kind, level: n.escalationLevel, at: at(n.thresholdAt) });

/** Berlin business hours, Mon–Fri 09:00–17:00. */
const BERLIN_9_TO_5: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  week: { MON: [[540, 1020]], TUE: [[540, 1020]], WED: [[540, 1020]], THU: [[540, 1020]], FRI: [[540, 1020]] },
  holidays: [],
};

/** Moves the test clock forward to the next `weekday` (0 Sunday … 6 Saturday) at `minuteOfDay` in Berlin, at least a minute ahead. */
async function moveClockTo(weekday: number, minuteOfDay: number) {
  const now = await server.env.currentTimeMs();
  for (let day = now + 2 * MIN; ; day += 24 * H) {
    const local = new Date(day + utcOffsetAt('Europe/Berlin', day));
    if (local.getUTCDay() !== weekday) continue;
    const target = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) + minuteOfDay * MIN - utcOffsetAt('Europe/Berlin', day);
    if (target > now + MIN) return server.env.sleep(target - now);
  }
}

/** An instant as Berlin's weekday and wall-clock time, e.g. 'Fri 16:00'. */
const berlin = (t: number) => {
  const d = new Date(t + utcOffsetAt('Europe/Berlin', t));
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]} ${d.toISOString().slice(11, 16)}`;
};

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; details?: unknown[] };
  return { type: cause.type, details: cause.details?.[0] as Record<string, unknown> | undefined };
}

describe('ticket SLA workflow', () => {
  it('opens idempotently (a retried start attaches), sets its search attributes, and sends nothing for a response in time', () =>
    withTicket({}, async (handle, opened) => {
      expect(opened).toMatchObject({ status: 'OPEN', severity: 'HIGH', policyVersion: 7, targets: { firstResponseMillis: H }, slaBreached: false });
      // The API retrying the start (USE_EXISTING) reaches the same workflow and its first state.
      const retried = await server.env.client.workflow.start(ticketSla, {
        workflowId: handle.workflowId,
        taskQueue: (await handle.describe()).taskQueue,
        args: [{ ticket: { ...TICKET, ticketId: opened.ticketId }, policy: POLICY }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      expect((await retried.describe()).runId).toBe((await handle.describe()).runId);
      expect((await retried.executeUpdate(openTicketUpdate)).openedAt).toBe(opened.openedAt);

      const attributes = (await handle.describe()).searchAttributes;
      expect(attributes).toMatchObject({ ProjectId: ['p-1'], ClientId: ['c-1'], TicketSeverity: ['HIGH'], TicketCategory: ['BUSINESS'], SlaBreached: [false] });

      await advance(handle, 10 * MIN);
      // An internal note is no response; a client cannot write one.
      await update(handle, 'respondToTicket', { ...agentReply, kind: 'INTERNAL_NOTE' });
      expect((await refusal(update(handle, 'respondToTicket', { ...clientMessage, kind: 'INTERNAL_NOTE' }))).type).toBe('INVALID_INPUT');
      expect((await refusal(update(handle, 'respondToTicket', { ...agentReply, actor: '' }))).details).toMatchObject({ rule: 'ACTOR', field: 'actor' });
      await advance(handle, 10 * MIN);
      const answered = await update(handle, 'respondToTicket', agentReply);
      expect(answered.firstResponse).toMatchObject({ stoppedBy: 'RESPONSE', stoppedAt: expect.any(Number) });
      expect(answered.messages).toBe(2);
      await advance(handle, 3 * H);
      expect(sent).toEqual([]);
    }));

  it('warns at 80 %, warns 30 min before, then breaches, escalating assignee → CSM → ADMIN, and marks SlaBreached', () =>
    withTicket({}, async (handle, opened) => {
      const t0 = opened.openedAt;
      await advance(handle, 2 * H);
      expect(sentFor('FIRST_RESPONSE').map(brief)).toEqual([
        { clock: 'FIRST_RESPONSE', round: 1, kind: 'SLA_LEAD_TIME_WARNING', level: 2, at: t0 + 30 * MIN },
        { clock: 'FIRST_RESPONSE', round: 1, kind: 'SLA_WARNING', level: 1, at: t0 + 48 * MIN },
        { clock: 'FIRST_RESPONSE', round: 1, kind: 'SLA_BREACH', level: 3, at: t0 + H },
      ]);
      const [lead, share, breach] = sentFor('FIRST_RESPONSE');
      expect(share!.escalateTo).toEqual({ role: 'ASSIGNEE', username: 'ana.agent' });
      expect(share!.recipients).toEqual([{ role: 'ASSIGNEE', username: 'ana.agent' }]);
      expect(lead!.escalateTo).toEqual({ role: 'CSM', username: 'carl.csm' });
      expect(lead!.recipients.map((r) => r.role)).toEqual(['ASSIGNEE', 'CSM']);
      expect(breach!.escalateTo).toEqual({ role: 'ADMIN', username: null });
      expect(breach!.recipients.map((r) => r.role)).toEqual(['ASSIGNEE', 'CSM', 'ADMIN']);
      // Sent at the workflow's time of each threshold, not later.
      for (const n of [lead!, share!, breach!]) expect(at(n.sentAt) - at(n.thresholdAt)).toBeLessThan(1000);
      expect(breach).toMatchObject({ deliveryId: `${opened.ticketId}:FIRST_RESPONSE:1:BREACH`, dueAt: new Date(t0 + H).toISOString(), priorityKey: 1 });
      expect(breach!.lateByMillis).toBeLessThan(1000);

      const replied = await update(handle, 'respondToTicket', agentReply);
      expect(replied.breaches).toEqual([{ clock: 'FIRST_RESPONSE', round: 1, dueAt: t0 + H, recordedAt: expect.any(Number), lateByMillis: breach!.lateByMillis, metAt: expect.any(Number) }]);
      expect(replied.breaches[0]!.metAt! - replied.breaches[0]!.dueAt).toBeGreaterThanOrEqual(H);
      expect(replied.slaBreached).toBe(true);
      expect((await handle.describe()).searchAttributes).toMatchObject({ SlaBreached: [true] });
    }));

  it('escalates past missing people, and to whoever is assigned when the level is reached', () =>
    withTicket({ assignee: null, clientCsm: null, severity: 'MEDIUM' }, async (handle, opened) => {
      await advance(handle, 3 * H + 15 * MIN);
      expect(sent.map((n) => [n.kind, n.escalateTo])).toEqual([['SLA_WARNING', { role: 'ADMIN', username: null }]]);
      await update(handle, 'assignTicket', { actor: 'lead', assignee: 'bo.agent' });
      await advance(handle, H);
      expect(sent.slice(1).map((n) => [n.kind, n.escalateTo, n.recipients])).toEqual([
        ['SLA_LEAD_TIME_WARNING', { role: 'ADMIN', username: null }, [{ role: 'ASSIGNEE', username: 'bo.agent' }, { role: 'ADMIN', username: null }]],
        ['SLA_BREACH', { role: 'ADMIN', username: null }, [{ role: 'ASSIGNEE', username: 'bo.agent' }, { role: 'ADMIN', username: null }]],
      ]);
      expect(sent.every((n) => at(n.thresholdAt) - opened.openedAt <= 4 * H)).toBe(true);
    }));

  it('starts a next-response clock at each client message once the first response is given', () =>
    withTicket({}, async (handle, opened) => {
      await update(handle, 'respondToTicket', agentReply);
      await advance(handle, H);
      const started = await update(handle, 'respondToTicket', clientMessage);
      expect(started.nextResponse).toMatchObject({ round: 2, start: expect.any(Number), targetMillis: 2 * H });
      await advance(handle, H);
      await update(handle, 'respondToTicket', agentReply);
      await advance(handle, H);
      const third = await update(handle, 'respondToTicket', clientMessage);
      await advance(handle, 3 * H);
      const t = third.nextResponse!.start;
      expect(sent.map(brief)).toEqual([
        { clock: 'NEXT_RESPONSE', round: 3, kind: 'SLA_LEAD_TIME_WARNING', level: 2, at: t + 90 * MIN },
        { clock: 'NEXT_RESPONSE', round: 3, kind: 'SLA_WARNING', level: 1, at: t + 96 * MIN },
        { clock: 'NEXT_RESPONSE', round: 3, kind: 'SLA_BREACH', level: 3, at: t + 2 * H },
      ]);
      expect(third.firstResponse.start).toBe(opened.openedAt);
    }));

  it('moves a warning later by exactly the paused time when paused just before it, and never skips it', () =>
    withTicket({ severity: 'MEDIUM' }, async (handle, opened) => {
      const t0 = opened.openedAt;
      await update(handle, 'respondToTicket', agentReply);
      // Resolution 20 h: warning at 16 h. Pause 1 min before it, for 3 h.
      await advance(handle, 16 * H - MIN);
      await update(handle, 'setTicketStatus', status('WAITING_FOR_CLIENT'));
      await advance(handle, 3 * H);
      expect(sentFor('RESOLUTION')).toEqual([]);
      const resumed = await update(handle, 'setTicketStatus', status('OPEN'));
      const pause = resumed.pauses[0]!;
      const paused = pause.end! - pause.start;
      expect(paused).toBeGreaterThanOrEqual(3 * H);
      await advance(handle, 5 * H);
      expect(sentFor('RESOLUTION').map(brief)).toEqual([
        { clock: 'RESOLUTION', round: 1, kind: 'SLA_WARNING', level: 1, at: t0 + 16 * H + paused },
        { clock: 'RESOLUTION', round: 1, kind: 'SLA_LEAD_TIME_WARNING', level: 2, at: t0 + 19.5 * H + paused },
        { clock: 'RESOLUTION', round: 1, kind: 'SLA_BREACH', level: 3, at: t0 + 20 * H + paused },
      ]);
    }));

  it('pauses between the warnings and after the lead-time warning: each later threshold moves, none is sent again', () =>
    withTicket({ severity: 'MEDIUM' }, async (handle, opened) => {
      const t0 = opened.openedAt;
      await update(handle, 'respondToTicket', agentReply);
      await advance(handle, 17 * H); // warning sent at 16 h
      await update(handle, 'setTicketStatus', status('WAITING_FOR_CLIENT'));
      await advance(handle, H);
      const first = (await update(handle, 'setTicketStatus', status('OPEN'))).pauses[0]!;
      await advance(handle, 2 * H + 45 * MIN); // lead-time warning at 19.5 h + pause
      await update(handle, 'setTicketStatus', status('WAITING_FOR_CLIENT'));
      await advance(handle, 2 * H);
      const second = (await update(handle, 'setTicketStatus', status('OPEN'))).pauses[1]!;
      await advance(handle, H);
      const p1 = first.end! - first.start;
      const p2 = second.end! - second.start;
      expect(sentFor('RESOLUTION').map(brief)).toEqual([
        { clock: 'RESOLUTION', round: 1, kind: 'SLA_WARNING', level: 1, at: t0 + 16 * H },
        { clock: 'RESOLUTION', round: 1, kind: 'SLA_LEAD_TIME_WARNING', level: 2, at: t0 + 19.5 * H + p1 },
        { clock: 'RESOLUTION', round: 1, kind: 'SLA_BREACH', level: 3, at: t0 + 20 * H + p1 + p2 },
      ]);
    }));

  it('sends a breach reached while paused on a clock the pause does not stop, and nothing again on resume', () =>
    withTicket({}, async (handle, opened) => {
      await advance(handle, 10 * MIN);
      await update(handle, 'setTicketStatus', status('WAITING_FOR_CLIENT'));
      await advance(handle, 2 * H); // the first response (not paused by WAITING_FOR_CLIENT) breaches at 1 h
      expect(sent.map((n) => n.kind)).toEqual(['SLA_LEAD_TIME_WARNING', 'SLA_WARNING', 'SLA_BREACH']);
      expect(at(sent[2]!.thresholdAt)).toBe(opened.openedAt + H);
      await update(handle, 'setTicketStatus', status('OPEN'));
      await advance(handle, H);
      expect(sent).toHaveLength(3);
    }));

  it('a ticket created paused runs its first response but not its resolution until resumed', () =>
    withTicket({ severity: 'MEDIUM', status: 'WAITING_FOR_CLIENT' }, async (handle, opened) => {
      expect(opened).toMatchObject({ status: 'WAITING_FOR_CLIENT', pauses: [{ start: opened.openedAt, end: null }] });
      await advance(handle, 25 * H);
      expect(sent.map((n) => n.clock)).toEqual(['FIRST_RESPONSE', 'FIRST_RESPONSE', 'FIRST_RESPONSE']);
      const resumed = await update(handle, 'setTicketStatus', status('OPEN'));
      const resumedAt = resumed.pauses[0]!.end!;
      await advance(handle, 17 * H);
      expect(sentFor('RESOLUTION').map(brief)).toEqual([{ clock: 'RESOLUTION', round: 1, kind: 'SLA_WARNING', level: 1, at: resumedAt + 16 * H }]);
    }));

  it('reopens a resolved ticket with the resolution time used kept, and recomputes SlaBreached', () =>
    withTicket({}, async (handle, opened) => {
      await advance(handle, 2 * H); // first response breached
      await update(handle, 'respondToTicket', agentReply);
      const resolved = await update(handle, 'setTicketStatus', status('RESOLVED'));
      expect(resolved.slaBreached).toBe(true);
      expect((await refusal(update(handle, 'setTicketStatus', status('OPEN')))).details).toMatchObject({ code: 'STATUS_CONFLICT', rule: 'REOPEN_INSTEAD' });
      expect((await refusal(update(handle, 'respondToTicket', clientMessage))).details).toMatchObject({ rule: 'REOPEN_FIRST' });
      await advance(handle, 20 * H); // nothing for the resolution while resolved
      expect(sentFor('RESOLUTION')).toEqual([]);
      const reopened = await update(handle, 'reopenTicket', { actor: 'client', reason: 'Still broken' });
      expect(reopened).toMatchObject({ status: 'OPEN', reopened: 1, slaBreached: false });
      expect((await handle.describe()).searchAttributes).toMatchObject({ SlaBreached: [false] });
      const span = reopened.resolvedSpans[0]!;
      const usedBefore = span.start - opened.openedAt;
      await advance(handle, 10 * H - usedBefore - 10 * MIN);
      // Resolution 10 h: the warning at 8 h of use, of which usedBefore came before the resolve.
      expect(sentFor('RESOLUTION').map(brief)).toEqual([
        { clock: 'RESOLUTION', round: 1, kind: 'SLA_WARNING', level: 1, at: span.end! + 8 * H - usedBefore },
        { clock: 'RESOLUTION', round: 1, kind: 'SLA_LEAD_TIME_WARNING', level: 2, at: span.end! + 9.5 * H - usedBefore },
      ]);
      expect((await refusal(update(handle, 'reopenTicket', { actor: 'client' }))).type).toBe('STATUS_CONFLICT');
      await update(handle, 'setTicketStatus', status('CLOSED'));
      const final = await handle.result();
      expect(final).toMatchObject({ status: 'CLOSED', closedAt: expect.any(Number) });
    }));

  it('a reopen keeps SlaBreached when the resolution itself was past due', () =>
    withTicket({}, async (handle) => {
      await update(handle, 'respondToTicket', agentReply);
      await advance(handle, 11 * H);
      await update(handle, 'setTicketStatus', status('RESOLVED'));
      const reopened = await update(handle, 'reopenTicket', { actor: 'client' });
      expect(reopened.slaBreached).toBe(true);
      expect(reopened.breaches.map((b) => [b.clock, b.metAt])).toEqual([['RESOLUTION', null]]);
      await advance(handle, H);
      expect(sentFor('RESOLUTION').map((n) => n.kind)).toEqual(['SLA_WARNING', 'SLA_LEAD_TIME_WARNING', 'SLA_BREACH']);
    }));

  it('changes severity mid-flight: new targets, the used time kept, a threshold already past sent at once', () =>
    withTicket({ severity: 'MEDIUM' }, async (handle, opened) => {
      const t0 = opened.openedAt;
      await advance(handle, 40 * MIN);
      expect((await refusal(update(handle, 'changeSeverity', { actor: 'lead', severity: 'MEDIUM' }))).type).toBe('STATUS_CONFLICT');
      const changed = await update(handle, 'changeSeverity', { actor: 'lead', severity: 'HIGH' });
      expect(changed).toMatchObject({ severity: 'HIGH', targets: { firstResponseMillis: H }, firstResponse: { start: t0, targetMillis: H } });
      await settle(handle);
      // HIGH: lead-time warning at 30 min (already past: sent now), warning at 48 min, breach at 1 h, all from the opening.
      expect(sent.map((n) => [n.kind, at(n.thresholdAt) - t0])).toEqual([['SLA_LEAD_TIME_WARNING', 30 * MIN]]);
      expect(at(sent[0]!.sentAt) - t0).toBeGreaterThanOrEqual(40 * MIN);
      await advance(handle, H);
      expect(sentFor('FIRST_RESPONSE').map((n) => [n.kind, at(n.thresholdAt) - t0])).toEqual([
        ['SLA_LEAD_TIME_WARNING', 30 * MIN],
        ['SLA_WARNING', 48 * MIN],
        ['SLA_BREACH', H],
      ]);
      expect((await handle.describe()).searchAttributes).toMatchObject({ TicketSeverity: ['HIGH'] });
    }));

  it('a shorter target found while paused breaches at once with how late it is, keeping the paused time out', () =>
    withTicket({ severity: 'MEDIUM' }, async (handle, opened) => {
      const t0 = opened.openedAt;
      await update(handle, 'respondToTicket', agentReply);
      await advance(handle, 12 * H); // resolution (MEDIUM 20 h) warns at 16 h: nothing yet
      await update(handle, 'setTicketStatus', status('WAITING_FOR_CLIENT'));
      await advance(handle, H);
      expect(sentFor('RESOLUTION')).toEqual([]);
      await update(handle, 'changeSeverity', { actor: 'lead', severity: 'HIGH' }); // resolution 10 h: passed at 10 h, before the pause
      const state = await settle(handle);
      const breach = sentFor('RESOLUTION').find((n) => n.kind === 'SLA_BREACH')!;
      expect(at(breach.thresholdAt)).toBe(t0 + 10 * H);
      expect(breach.lateByMillis).toBeGreaterThanOrEqual(3 * H);
      expect(state.breaches.at(-1)).toMatchObject({ clock: 'RESOLUTION', dueAt: t0 + 10 * H, lateByMillis: breach.lateByMillis });
      expect(sentFor('RESOLUTION').map((n) => n.kind)).toEqual(['SLA_WARNING', 'SLA_LEAD_TIME_WARNING', 'SLA_BREACH']);
    }));

  it('holds warnings reached outside the recipients\' business hours until they open; a breach goes at once', async () => {
    // Opened Fri 16:45 on a 1-hour around-the-clock target: lead-time warning 17:15 and
    // 80 % warning 17:33 fall after closing, the breach at 17:45.
    await moveClockTo(5, 16 * 60 + 45);
    await withTicket(
      {},
      async (handle, opened) => {
        expect(berlin(opened.openedAt)).toBe('Fri 16:45');
        await advance(handle, 2 * H);
        expect(sent.map((n) => [n.kind, berlin(at(n.thresholdAt)), berlin(at(n.sentAt))])).toEqual([['SLA_BREACH', 'Fri 17:45', 'Fri 17:45']]);
        expect((await handle.query(ticketStateQuery)).firstResponse.sent).toHaveLength(3); // recorded, so never sent twice
        await advance(handle, 2 * 24 * H + 14.75 * H); // Mon 09:30
        // The 10-hour resolution breaches Sat 02:45, at once; its warnings wait with the others.
        expect(sent.map((n) => [n.clock, n.kind, berlin(at(n.thresholdAt)), berlin(at(n.sentAt))])).toEqual([
          ['FIRST_RESPONSE', 'SLA_BREACH', 'Fri 17:45', 'Fri 17:45'],
          ['RESOLUTION', 'SLA_BREACH', 'Sat 02:45', 'Sat 02:45'],
          ['FIRST_RESPONSE', 'SLA_LEAD_TIME_WARNING', 'Fri 17:15', 'Mon 09:00'],
          ['FIRST_RESPONSE', 'SLA_WARNING', 'Fri 17:33', 'Mon 09:00'],
          ['RESOLUTION', 'SLA_WARNING', 'Sat 00:45', 'Mon 09:00'],
          ['RESOLUTION', 'SLA_LEAD_TIME_WARNING', 'Sat 02:15', 'Mon 09:00'],
        ]);
      },
      { warningsIn: BERLIN_9_TO_5 },
    );
  });

  it('a client answering while WAITING_FOR_CLIENT resumes the ticket; a client reopening is owed a response; a reply must name its message', () =>
    withTicket({}, async (handle) => {
      expect((await refusal(update(handle, 'respondToTicket', { actor: 'ana.agent', kind: 'PUBLIC_REPLY', authorRole: 'AGENT' }))).details).toMatchObject({ rule: 'MESSAGE_ID' });
      expect((await refusal(update(handle, 'respondToTicket', { ...agentReply, body: undefined }))).details).toMatchObject({ rule: 'BODY' });
      await update(handle, 'respondToTicket', agentReply);
      await update(handle, 'setTicketStatus', status('WAITING_FOR_CLIENT'));
      await advance(handle, 30 * MIN);
      const answered = await update(handle, 'respondToTicket', clientMessage);
      expect(answered.status).toBe('OPEN');
      expect(answered.pauses).toEqual([{ start: expect.any(Number), end: answered.nextResponse!.start }]);
      expect(answered.nextResponse).toMatchObject({ round: 2, stoppedAt: null });
      await update(handle, 'respondToTicket', agentReply);
      await update(handle, 'setTicketStatus', status('RESOLVED'));
      const reopened = await update(handle, 'reopenTicket', { actor: 'client', authorRole: 'CLIENT', reason: 'It is still broken', messageId: '00000000-0000-4000-8000-0000000000c2' });
      expect(reopened.nextResponse).toMatchObject({ round: 3, stoppedAt: null });
      // The reason is stored as a message with the snapshot of the reopen.
      expect(snapshots.at(-1)!.message).toMatchObject({ id: '00000000-0000-4000-8000-0000000000c2', authorRole: 'CLIENT', body: 'Reopened: It is still broken' });
      // Next response HIGH: 2 h; it breaches if nobody answers.
      await advance(handle, 3 * H);
      expect(sent.filter((n) => n.clock === 'NEXT_RESPONSE' && n.round === 3).map((n) => n.kind)).toContain('SLA_BREACH');
    }));

  it('continues as new before Temporal\'s update limit: state, snapshot numbers and thresholds carry over, nothing repeats', () =>
    withTicket(
      {},
      async (handle, opened) => {
        const firstRun = (await handle.describe()).runId;
        // 12 updates at 5 per run: three runs. Each answers with the state so far.
        for (let i = 1; i <= 12; i++) {
          const state = await update(handle, 'respondToTicket', { ...agentReply, kind: 'INTERNAL_NOTE' });
          expect(state.messages).toBe(i);
        }
        const latest = await server.env.client.workflow.getHandle(handle.workflowId).describe();
        expect(latest.runId).not.toBe(firstRun);
        expect(latest.status.name).toBe('RUNNING');
        expect(latest.searchAttributes).toMatchObject({ TicketSeverity: ['HIGH'], SlaBreached: [false] });
        const resumed = await server.env.client.workflow.getHandle(handle.workflowId).query(ticketStateQuery);
        expect(resumed).toMatchObject({ messages: 12, openedAt: opened.openedAt });
        // The first response still breaches at its original deadline, once, in the latest run.
        await server.env.sleep(2 * H);
        await settle(server.env.client.workflow.getHandle(handle.workflowId));
        expect(sentFor('FIRST_RESPONSE').map((n) => n.kind)).toEqual(['SLA_LEAD_TIME_WARNING', 'SLA_WARNING', 'SLA_BREACH']);
        expect(at(sentFor('FIRST_RESPONSE')[2]!.thresholdAt)).toBe(opened.openedAt + H);
        // The read model's snapshots went on counting across runs: 1 (opening), then one per update.
        const seqs = snapshots.filter((s) => s.state.ticketId === opened.ticketId).map((s) => s.seq);
        expect(seqs.slice(0, 13)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
      },
      { maxUpdatesPerRun: 5 },
    ));

  it('counts business hours with the real deadline function: 8 h on 9–17, opened Fri 16:00, paused Fri 16:30 → Mon 09:00, breaches Mon 16:30', async () => {
    const calendar = BERLIN_9_TO_5;
    const policy: SlaPolicy = { ...POLICY, defaults: { ...POLICY.defaults, HIGH: targets(8 * H, 8 * H, 8 * H, 'BUSINESS_HOURS') } };
    // Move the test clock to the next Friday 16:00 in Berlin.
    await moveClockTo(5, 16 * 60);
    await withTicket(
      {},
      async (handle, opened) => {
        expect(berlin(opened.openedAt)).toBe('Fri 16:00');
        await update(handle, 'respondToTicket', agentReply);
        await advance(handle, 30 * MIN);
        await update(handle, 'setTicketStatus', status('WAITING_FOR_CLIENT'));
        await advance(handle, 2 * 24 * H + 16.5 * H); // Mon 09:00
        const resumed = await update(handle, 'setTicketStatus', status('OPEN'));
        expect(berlin(resumed.pauses[0]!.end!)).toBe('Mon 09:00');
        await advance(handle, 8 * H);
        const breach = sent.find((n) => n.clock === 'RESOLUTION' && n.kind === 'SLA_BREACH')!;
        expect(berlin(at(breach.thresholdAt))).toBe('Mon 16:30');
        // Exactly what the domain's deadline function says for the recorded pause.
        expect(at(breach.thresholdAt)).toBe(deadline(calendar, opened.openedAt, 8 * H, resumed.pauses));
        // The warning at 80 % (6.4 business hours): 30 min Friday, then 5 h 54 min from Monday 09:00.
        expect(berlin(at(sent.find((n) => n.clock === 'RESOLUTION' && n.kind === 'SLA_WARNING')!.thresholdAt))).toBe('Mon 14:54');
      },
      { policy, calendar },
    );
  });
});
