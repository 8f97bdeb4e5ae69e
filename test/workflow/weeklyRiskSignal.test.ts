import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  agencyCounts,
  previousWeekStart,
  type AuditRequest,
  type ClientCounts,
  type OpenedAudit,
  type RiskMeasurement,
  type ServiceAuditNotification,
} from '../../src/insights/domain/riskSignal.js';
import { weeklyRiskSignal } from '../../workflows/insights/weeklyRiskSignal.js';
import { useTimeSkipping } from '../support/temporalBinaries.js';

/**
 * The weekly risk signal's workflow on the time-skipping server, its activities mocked by a
 * small in-memory read model that behaves as the real one does (a week measured once, one
 * audit per week and scope, notified once): which week it measures, which audits it asks
 * for, that each new one is announced and then recorded as notified, and that a second run
 * of the week opens and sends nothing.
 */

const server = useTimeSkipping();

const ACME: ClientCounts = { clientId: 'c-acme', clientName: 'Acme Trading', current: { complaints: 3, activeProjects: 2 }, previous: { complaints: 1, activeProjects: 2 } };
const GLOBEX: ClientCounts = { clientId: 'c-globex', clientName: 'Globex Retail', current: { complaints: 2, activeProjects: 2 }, previous: { complaints: 2, activeProjects: 2 } };

/** What each mocked activity was called with, in order across all of them. */
let calls: { name: string; arg: unknown }[];
/** The mocked read model: kept weeks, audits by week and scope key, notified audit ids. */
let kept: Map<string, RiskMeasurement>;
let audits: Map<string, OpenedAudit>;
let notified: Set<string>;
let failNotify: (notification: ServiceAuditNotification) => boolean;

beforeEach(() => {
  calls = [];
  kept = new Map();
  audits = new Map();
  notified = new Set();
  failNotify = () => false;
});

const activities = {
  async measureComplaintRates(weekStart: string): Promise<RiskMeasurement> {
    calls.push({ name: 'measureComplaintRates', arg: weekStart });
    const before = kept.get(weekStart);
    if (before) return { ...before, measuredBefore: true };
    const clients = [ACME, GLOBEX];
    const measurement = { weekStart, agency: agencyCounts(clients), clients, computedAt: '2026-01-12T06:00:00.000Z', measuredBefore: false };
    kept.set(weekStart, measurement);
    return measurement;
  },
  async openServiceAudits(request: { weekStart: string; audits: AuditRequest[] }) {
    calls.push({ name: 'openServiceAudits', arg: request });
    let opened = 0;
    for (const audit of request.audits) {
      const key = `${request.weekStart}:${audit.clientId ?? ''}`;
      if (audits.has(key)) continue;
      opened += 1;
      audits.set(key, {
        auditId: `audit-${audits.size + 1}`,
        weekStart: request.weekStart,
        scope: audit.scope,
        clientId: audit.clientId,
        clientName: audit.clientName,
        owner: audit.clientId === 'c-acme' ? 'mia.csm' : 'admin',
        dueAt: '2026-01-19T06:00:00.000Z',
        complaints: audit.current.complaints,
        activeProjects: audit.current.activeProjects,
        rate: audit.verdict.rate!,
        previousRate: audit.verdict.previousRate,
        change: audit.verdict.change,
        reason: audit.verdict.reason,
      });
    }
    const toNotify = [...audits.values()].filter((a) => a.weekStart === request.weekStart && !notified.has(a.auditId));
    return { opened, toNotify };
  },
  async notify(notification: ServiceAuditNotification) {
    calls.push({ name: 'notify', arg: notification });
    if (failNotify(notification)) throw ApplicationFailure.create({ type: 'WEBHOOK_REJECTED', message: 'refused', nonRetryable: true });
  },
  async markServiceAuditNotified(auditId: string) {
    calls.push({ name: 'markServiceAuditNotified', arg: auditId });
    notified.add(auditId);
  },
};

let counter = 0;

async function run(input: { weekStart?: string }) {
  const taskQueue = `risk-${++counter}`;
  const worker = await Worker.create({ connection: server.env.nativeConnection, taskQueue, workflowBundle: server.bundle, activities });
  return worker.runUntil(server.env.client.workflow.execute(weeklyRiskSignal, { workflowId: `risk-signal-test-${counter}`, taskQueue, args: [input] }));
}

describe('weeklyRiskSignal', () => {
  it('measures the week, opens an audit for each rise and announces each one before recording it as notified', async () => {
    const result = await run({ weekStart: '2026-01-05' });
    expect(calls.map((c) => c.name)).toEqual([
      'measureComplaintRates',
      'openServiceAudits',
      'notify',
      'markServiceAuditNotified',
      'notify',
      'markServiceAuditNotified',
    ]);
    // The agency (5/4 against 3/4, +67 %) and Acme (3/2 against 1/2) rose; Globex (1.0 against 1.0) did not.
    const request = calls[1]!.arg as { weekStart: string; audits: AuditRequest[] };
    expect(request.weekStart).toBe('2026-01-05');
    expect(request.audits.map((a) => [a.scope, a.clientId])).toEqual([
      ['AGENCY', null],
      ['CLIENT', 'c-acme'],
    ]);
    const sent = calls.filter((c) => c.name === 'notify').map((c) => c.arg as ServiceAuditNotification);
    expect(sent.map((n) => [n.deliveryId, n.kind, n.owner])).toEqual([
      ['audit:2026-01-05:AGENCY:agency', 'SERVICE_AUDIT_OPENED', 'admin'],
      ['audit:2026-01-05:CLIENT:c-acme', 'SERVICE_AUDIT_OPENED', 'mia.csm'],
    ]);
    expect(sent[1]!.summary).toBe('Service audit for Acme Trading, week 2026-W02: complaint rate 1.5 per active project, up 200 %; owner mia.csm, due 2026-01-19');
    expect(result).toMatchObject({
      weekStart: '2026-01-05',
      isoWeek: '2026-W02',
      agency: { current: { complaints: 5, activeProjects: 4 }, previous: { complaints: 3, activeProjects: 4 }, rate: 1.25, previousRate: 0.75, rise: true },
      clientsMeasured: 2,
      measuredBefore: false,
      auditsOpened: 2,
      notificationsSent: 2,
      notificationsPending: 0,
    });
  });

  it('run twice for the same week, opens nothing and sends nothing the second time', async () => {
    await run({ weekStart: '2026-01-05' });
    calls = [];
    const again = await run({ weekStart: '2026-01-05' });
    expect(calls.map((c) => c.name)).toEqual(['measureComplaintRates', 'openServiceAudits']);
    expect(again).toMatchObject({ measuredBefore: true, auditsOpened: 0, notificationsSent: 0, notificationsPending: 0 });
  });

  it('leaves a notification that fails for good undelivered, and the next run of the week sends it (and only it)', async () => {
    failNotify = (n) => n.scope === 'CLIENT';
    const first = await run({ weekStart: '2026-01-05' });
    expect(first).toMatchObject({ auditsOpened: 2, notificationsSent: 1, notificationsPending: 1 });
    expect(calls.filter((c) => c.name === 'markServiceAuditNotified').map((c) => c.arg)).toEqual(['audit-1']);
    failNotify = () => false;
    calls = [];
    const second = await run({ weekStart: '2026-01-05' });
    expect(second).toMatchObject({ measuredBefore: true, auditsOpened: 0, notificationsSent: 1, notificationsPending: 0 });
    expect(calls.filter((c) => c.name === 'notify').map((c) => (c.arg as ServiceAuditNotification).deliveryId)).toEqual(['audit:2026-01-05:CLIENT:c-acme']);
  });

  it('without a week, measures the week before the one it started in (by the workflow start time)', async () => {
    const before = previousWeekStart(await server.env.currentTimeMs());
    const result = await run({});
    const after = previousWeekStart(await server.env.currentTimeMs());
    expect([before, after]).toContain(calls[0]!.arg);
    expect(result.weekStart).toBe(calls[0]!.arg);
  });

  it('asks for no audit when nothing rose, and refuses a week that is not a Monday before calling anything', async () => {
    const quiet: ClientCounts = { ...GLOBEX };
    const measure = activities.measureComplaintRates;
    activities.measureComplaintRates = async (weekStart) => {
      calls.push({ name: 'measureComplaintRates', arg: weekStart });
      return { weekStart, agency: agencyCounts([quiet]), clients: [quiet], computedAt: '2026-01-12T06:00:00.000Z', measuredBefore: false };
    };
    try {
      const result = await run({ weekStart: '2026-01-12' });
      expect(calls.map((c) => c.name)).toEqual(['measureComplaintRates']);
      expect(result).toMatchObject({ auditsOpened: 0, notificationsSent: 0, agency: { rise: false, change: 0 } });
    } finally {
      activities.measureComplaintRates = measure;
    }
    calls = [];
    const refused = await run({ weekStart: '2026-01-06' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkflowFailedError);
    expect(((refused as WorkflowFailedError).cause as ApplicationFailure).type).toBe('INVALID_INPUT');
    expect(calls).toEqual([]);
  });
});
