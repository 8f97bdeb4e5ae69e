import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeEach, expect } from 'vitest';
import type { Activities } from '../../src/platform/runtime/activities.js';
import type { CommunicationRound } from '../../src/delivery/domain/communicationRound.js';
import { DEFAULT_PACKAGES, type PackageCode } from '../../src/catalog/domain/defaultPackages.js';
import type { PackagePolicy } from '../../src/catalog/domain/packagePolicy.js';
import type { SiteCheck } from '../../src/delivery/domain/siteCheck.js';
import type { SopState } from '../../src/delivery/domain/sopState.js';
import type { TimelineEvent } from '../../src/delivery/domain/timelineEvent.js';
import { sopActionUpdate, sopStateQuery } from '../../workflows/delivery/messages.js';
import type { projectSop, ProjectSopInput } from '../../workflows/delivery/projectSop.js';
import { useTimeSkipping } from '../support/temporalBinaries.js';

/**
 * A time-skipping Temporal test server and a worker whose activities are mocked, for
 * tests of the SOP workflows' rules and timers. A fresh server for every test.
 */
export interface SopHarness {
  readonly env: TestWorkflowEnvironment;
  events: TimelineEvent[];
  reports: { month: number }[];
  /** One entry per scheduled-probe activity: a day of the stress test or a month of monitoring. */
  probes: { run: string; period: string }[];
  /** What the mocked site answers; tests make it fail. */
  site: { check: () => SiteCheck };
  readonly bundle: WorkflowBundleWithSourceMap;
}

export const healthy = (): SiteCheck => ({ ok: true, status: 200, latencyMs: 120, error: null });
export const failing = (): SiteCheck => ({ ok: false, status: 503, latencyMs: 40, error: 'HTTP 503' });

export function useSopHarness(): SopHarness {
  const server = useTimeSkipping();
  const harness: SopHarness = {
    get env() {
      return server.env;
    },
    get bundle() {
      return server.bundle;
    },
    events: [],
    reports: [],
    probes: [],
    site: { check: healthy },
  };
  beforeEach(() => {
    harness.events.length = 0;
    harness.reports.length = 0;
    harness.probes.length = 0;
    harness.site.check = healthy;
  });
  return harness;
}

let counter = 0;

/** Runs `test` with a fresh project workflow on its own task queue and worker. */
export async function withProject(
  harness: SopHarness,
  packageCode: PackageCode,
  test: (handle: WorkflowHandle<typeof projectSop>, policy: PackagePolicy) => Promise<void>,
  overrides: Partial<ProjectSopInput> = {},
) {
  const taskQueue = `sop-${++counter}`;
  const activities: Activities = {
    async recordProjectCreated() {},
    async recordTimelineEvent(event) {
      harness.events.push(event);
    },
    async recordSopEvent(event) {
      harness.events.push(event);
    },
    async probeOnSchedule(request) {
      harness.probes.push({ run: request.run, period: request.period });
      return Array.from({ length: request.burst + request.probes }, () => harness.site.check());
    },
    async writeMonitoringReport(report) {
      harness.reports.push({ month: report.month });
    },
    async notify() {},
    async recordTicket() {},
    // The weekly risk signal's (test/workflow/weeklyRiskSignal.test.ts); no project workflow calls them.
    async measureComplaintRates() {
      throw new Error('not called by project workflows');
    },
    async openServiceAudits() {
      throw new Error('not called by project workflows');
    },
    async markServiceAuditNotified() {},
  };
  const worker = await Worker.create({
    connection: harness.env.nativeConnection,
    taskQueue,
    workflowBundle: harness.bundle,
    activities,
  });
  const policy = DEFAULT_PACKAGES.find((p) => p.code === packageCode)!.policy;
  await worker.runUntil(async () => {
    const handle = await harness.env.client.workflow.start<typeof projectSop>('projectSop', {
      taskQueue,
      workflowId: `project-p${counter}`,
      args: [{ projectId: `p${counter}`, policy, stagingUrl: 'https://staging.example.test', ...overrides }],
    });
    await test(handle, policy);
  });
}

export const round = (n = 1): CommunicationRound => ({
  channel: 'MEETING',
  summary: `workshop ${n}`,
  attendees: ['client'],
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: 'lin',
});

export const actor = { actor: 'lin' };

/** The refusal an update came back with: its code, message and details. */
export async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the update should have been refused').toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; message: string; details?: unknown[] };
  return { type: cause.type, message: cause.message, details: cause.details?.[0] as Record<string, unknown> | undefined };
}

/** Adds and confirms one requirement, logs the minimum rounds and signs off. */
export async function signOff(handle: WorkflowHandle<typeof projectSop>, policy: PackagePolicy) {
  await handle.executeUpdate(sopActionUpdate('addRequirement'), { args: [{ ...actor, requirementId: 'r1', title: 'Checkout in 3 steps' }] });
  await handle.executeUpdate(sopActionUpdate('confirmRequirement'), { args: [{ ...actor, requirementId: 'r1' }] });
  for (let n = 1; n <= policy.minCommunicationRounds; n++) {
    await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round(n)] });
  }
  return handle.executeUpdate(sopActionUpdate('signOffRequirements'), { args: [{ actor: 'client' }] });
}

export const approvedOnSite = {
  ...actor,
  kind: 'ON_SITE' as const,
  outcome: 'APPROVED' as const,
  feedback: 'Looks right',
  clientAttendees: ['client CTO'],
  closesGapIds: [] as string[],
};

/**
 * Waits until the workflow's state passes `check` (at most 10 s). After `env.sleep` the
 * server has fired a timer, but the worker may not have handled it yet: an update sent at
 * once can be handled first and find, say, the validation day not yet open.
 */
export async function stateWhen(handle: WorkflowHandle<typeof projectSop>, check: (state: SopState) => boolean): Promise<SopState> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = await handle.query(sopStateQuery);
    if (check(state)) return state;
    if (Date.now() > deadline) throw new Error(`the workflow's state never passed the check: ${JSON.stringify(state).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sleeps through the validation-day offset and waits until the workflow has opened the day. */
export async function untilValidationDayOpens(harness: SopHarness, handle: WorkflowHandle<typeof projectSop>, policy: PackagePolicy): Promise<void> {
  await harness.env.sleep(`${policy.validationDayOffsetDays} days`);
  await stateWhen(handle, (state) => state.validationDay === 'OPEN');
}

/** From development to a started stress test: validation day (if any) and the minimum approved reviews. */
export async function readyForStressTest(harness: SopHarness, handle: WorkflowHandle<typeof projectSop>, policy: PackagePolicy) {
  if (policy.validationDayOffsetDays !== null) {
    await untilValidationDayOpens(harness, handle, policy);
    await handle.executeUpdate(sopActionUpdate('completeValidationDay'), { args: [{ ...actor, results: [{ requirementId: 'r1', result: 'MET' }] }] });
  }
  for (let n = 0; n < policy.minReviewRounds; n++) {
    await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [approvedOnSite] });
  }
}

export { sopActionUpdate, sopStateQuery };
