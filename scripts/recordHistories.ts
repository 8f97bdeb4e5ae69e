/**
 * `npm run histories:record`: runs a project through every stage, a ticket under its
 * SLA and a week of the risk signal on a real Temporal dev server and writes the histories
 * of projectSop, its child workflows, ticketSla and weeklyRiskSignal to test/replay/histories/. The
 * replay test then checks that today's workflow code still replays every committed
 * history: the guard that tells you a change needs `patched()`.
 *
 * Record a new history when a workflow gains a path; never re-record one to make a
 * failing replay pass.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../src/platform/runtime/activities.js';
import type { SlaPolicy, SlaTargets } from '../src/aftersales/domain/slaPolicy.js';
import { ticketPriorityKey, ticketSummary, type TicketOpening } from '../src/aftersales/domain/ticket.js';
import { openTicketUpdate, ticketSla, ticketStateQuery, ticketUpdate } from '../workflows/aftersales/ticketSla.js';
import { weeklyRiskSignal } from '../workflows/insights/weeklyRiskSignal.js';
import type { CommunicationRound } from '../src/delivery/domain/communicationRound.js';
import { DEFAULT_PACKAGES } from '../src/catalog/domain/defaultPackages.js';
import type { ReviewRound } from '../src/delivery/domain/reviewRound.js';
import type { SopState } from '../src/delivery/domain/sopState.js';
import { sopActionUpdate, sopStateQuery } from '../workflows/delivery/messages.js';
import { projectRecordedUpdate, projectSop } from '../workflows/delivery/projectSop.js';
import { startTemporalDevServer } from '../src/platform/runtime/temporalDevServer.js';
import { findFreePort } from '../src/platform/runtime/freePort.js';
import { devServerCli } from '../src/platform/runtime/temporalBinaries.js';
import { bundleWorkflows } from '../src/platform/runtime/workflowBundle.js';

const OUTPUT = 'test/replay/histories';

const scratch = await mkdtemp(path.join(tmpdir(), 'sop-histories-'));
const server = await startTemporalDevServer({
  port: await findFreePort(),
  uiPort: await findFreePort(),
  namespace: 'default',
  dbFile: path.join(scratch, 'temporal.sqlite'),
  cliPath: devServerCli(),
});
const nativeConnection = await NativeConnection.connect({ address: server.address });
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection });

/** The history as `temporal workflow show --output json` prints it: the format the replayer reads. */
async function exportHistory(workflowId: string): Promise<string> {
  const { stdout } = await promisify(execFile)(server.cli, ['workflow', 'show', '--address', server.address, '--workflow-id', workflowId, '--output', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Named by workflow id: child workflow ids derive from it, and the replayer needs it back.
 * A history already committed is kept as it is: it stands for workflows already running.
 */
async function write(workflowId: string) {
  const file = `${OUTPUT}/${workflowId}.json`;
  try {
    await writeFile(file, await exportHistory(workflowId), { flag: 'wx' });
    console.log(`wrote ${file}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.log(`kept ${file} (committed histories are never re-recorded)`);
  }
}

/** Whether a workflow's history is committed already: then it is not run again (its id would clash). */
async function recorded(workflowId: string): Promise<boolean> {
  return access(`${OUTPUT}/${workflowId}.json`).then(
    () => true,
    () => false,
  );
}

async function waitFor(handle: { query: (q: typeof sopStateQuery) => Promise<SopState> }, done: (state: SopState) => boolean) {
  while (!done(await handle.query(sopStateQuery))) await new Promise((resolve) => setTimeout(resolve, 50));
}

try {
  // Histories do not depend on what activities do, only on what they return.
  const activities: Activities = {
    recordProjectCreated: async () => {},
    recordTimelineEvent: async () => {},
    recordSopEvent: async () => {},
    probeOnSchedule: async (request) => Array.from({ length: request.burst + request.probes }, () => ({ ok: true, status: 200, latencyMs: 100, error: null })),
    writeMonitoringReport: async () => {},
    notify: async () => {},
    recordTicket: async () => {},
    // A week in which the agency's and one client's complaint rates rose: two audits to open and announce.
    measureComplaintRates: async (weekStart) => ({
      weekStart,
      agency: { current: { complaints: 5, activeProjects: 4 }, previous: { complaints: 3, activeProjects: 4 } },
      clients: [
        { clientId: '00000000-0000-4000-8000-00000000c001', clientName: 'Acme Trading', current: { complaints: 3, activeProjects: 2 }, previous: { complaints: 1, activeProjects: 2 } },
        { clientId: '00000000-0000-4000-8000-00000000c002', clientName: 'Globex Retail', current: { complaints: 2, activeProjects: 2 }, previous: { complaints: 2, activeProjects: 2 } },
      ],
      computedAt: '2026-01-12T06:00:01.000Z',
      measuredBefore: false,
    }),
    openServiceAudits: async ({ weekStart, audits }) => ({
      opened: audits.length,
      toNotify: audits.map((audit, index) => ({
        auditId: `00000000-0000-4000-8000-0000000a000${index + 1}`,
        weekStart,
        scope: audit.scope,
        clientId: audit.clientId,
        clientName: audit.clientName,
        owner: audit.clientId ? 'mia.csm' : 'admin',
        dueAt: '2026-01-19T06:00:01.000Z',
        complaints: audit.current.complaints,
        activeProjects: audit.current.activeProjects,
        rate: audit.verdict.rate ?? 0,
        previousRate: audit.verdict.previousRate,
        change: audit.verdict.change,
        reason: audit.verdict.reason,
      })),
    }),
    markServiceAuditNotified: async () => {},
  };
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue: 'record',
    workflowBundle: await bundleWorkflows(),
    activities,
  });
  await worker.runUntil(async () => {
    // projectSop through every stage of a Standard project to CLOSED, on 20 ms days:
    // `project-replay-full` as recorded when projections were regular activities (kept),
    // and `project-replay-local-projection` with the timeline events written by a local activity.
    const policy = DEFAULT_PACKAGES.find((p) => p.code === 'STANDARD')!.policy;
    const actor = { actor: 'lin' };
    const round: CommunicationRound = { channel: 'MEETING', summary: 'workshop', attendees: ['client'], occurredAt: '2026-01-05T09:00:00.000Z', actor: 'lin' };
    for (const workflowId of ['project-replay-full', 'project-replay-local-projection']) {
      if (await recorded(workflowId)) continue;
      const handle = await client.workflow.start(projectSop, {
        taskQueue: 'record',
        workflowId,
        args: [{ projectId: workflowId.slice('project-'.length), policy, stagingUrl: 'https://staging.example.test', dayMs: 20 }],
      });
      await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round] });
      await handle.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [{ ...round, channel: 'VIDEO' }] });
      await handle.executeUpdate(sopActionUpdate('logResearchSession'), { args: [{ ...actor, topic: 'Audience', attendees: ['client'] }] });
      await handle.executeUpdate(sopActionUpdate('addRequirement'), { args: [{ ...actor, requirementId: 'r1', title: 'Contact form' }] });
      await handle.executeUpdate(sopActionUpdate('confirmRequirement'), { args: [{ ...actor, requirementId: 'r1' }] });
      await handle.executeUpdate(sopActionUpdate('requestChangeOrder'), { args: [{ ...actor, changeOrderId: 'co1', kind: 'EXTRA_ITERATION', reason: 'More pages', amount: 500 }] });
      await handle.executeUpdate(sopActionUpdate('approveChangeOrder'), { args: [{ ...actor, changeOrderId: 'co1' }] });
      await handle.executeUpdate(sopActionUpdate('signOffRequirements'), { args: [{ actor: 'client', note: 'approved' }] });
      const review: Omit<ReviewRound, 'outcome'> = { ...actor, kind: 'ON_SITE', feedback: 'ok', clientAttendees: ['client'], closesGapIds: [] };
      await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [{ ...review, outcome: 'CHANGES_REQUESTED' }] });
      await handle.executeUpdate(sopActionUpdate('submitReviewRound'), { args: [{ ...review, outcome: 'APPROVED' }] });
      await handle.executeUpdate(sopActionUpdate('startStressTest'), { args: [actor] });
      await waitFor(handle, (state) => state.stage === 'ACCEPTANCE');
      await handle.executeUpdate(sopActionUpdate('acceptDelivery'), { args: [{ ...actor, signedBy: 'client CEO' }] });
      await waitFor(handle, (state) => state.serviceReview === 'OPEN');
      await handle.executeUpdate(sopActionUpdate('submitServiceReview'), { args: [{ ...actor, npsScore: 9 }] });
      await handle.result();
      for (const id of [handle.workflowId, `${handle.workflowId}-stress-test-1`, `${handle.workflowId}-monitoring`]) {
        await write(id);
      }
    }

    // A project whose row its workflow writes (createProject since policy versions), with a
    // cost recorded as an SOP action, cancelled: `project-replay-row-from-workflow` as
    // recorded when the row was written by a regular activity (kept), and
    // `project-replay-row-local-activity` with the row written by a local activity.
    for (const [workflowId, projectId] of [
      ['project-replay-row-from-workflow', 'replay-row'],
      ['project-replay-row-local-activity', 'replay-row-local'],
    ] as const) {
      if (await recorded(workflowId)) continue;
      const created = await client.workflow.start(projectSop, {
        taskQueue: 'record',
        workflowId,
        args: [
          {
            projectId,
            policy,
            stagingUrl: null,
            dayMs: 20,
            record: {
              projectId,
              name: 'Replay shop',
              clientId: '00000000-0000-4000-8000-00000000c001',
              packageCode: 'STANDARD',
              packageName: 'Standard',
              policyVersion: 1,
              addOnCodes: [],
              addOnVersions: {},
              projectLead: 'lin.pm',
              contractValue: 10_000,
              actor: 'lin.pm',
              createdAt: '2026-11-27T09:00:00.000Z',
            },
          },
        ],
      });
      await created.executeUpdate(projectRecordedUpdate);
      await created.executeUpdate(sopActionUpdate('recordCost'), {
        args: [{ actor: 'lin.pm', costId: '8d0f7a2e-5b1c-4c3e-9a57-2f0b6d1e4c11', phase: 'RESEARCH', amount: 800 }],
      });
      await created.executeUpdate(sopActionUpdate('logCommunicationRound'), { args: [round] });
      await created.executeUpdate(sopActionUpdate('cancelProject'), { args: [{ actor: 'lin.pm', reason: 'Replay ends here' }] });
      await created.result();
      await write(created.workflowId);
    }

    // weeklyRiskSignal for one week, as a backfill starts it: measured, two rises, two audits
    // opened, each announced through notify and recorded as notified.
    const riskSignal = await client.workflow.start(weeklyRiskSignal, {
      taskQueue: 'record',
      workflowId: 'risk-signal-replay',
      args: [{ weekStart: '2026-01-05' }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    await riskSignal.result();
    await write(riskSignal.workflowId);

    // ticketSla, opened as the API opens it (Update-with-Start), on targets of seconds: the
    // first response warns and breaches, a client message starts a next response, a pause and
    // a resume, a severity change, an assignment, resolve, reopen, close. Recorded twice: as
    // the first tickets ran (no read model: `ticket-replay`, kept from before the patch) and
    // with the read model and message texts (`ticket-replay-read-model`).
    const ms = (first: number, next: number, resolution: number): SlaTargets => ({ firstResponseMillis: first, nextResponseMillis: next, resolutionMillis: resolution, calendar: 'ALWAYS' });
    const slaPolicy: SlaPolicy = { version: 1, defaults: { LOW: ms(4000, 4000, 20_000), MEDIUM: ms(2000, 3000, 10_000), HIGH: ms(1000, 2000, 6000) }, rules: [], routing: { dedicatedCsmTiers: ['A'] } };
    for (const workflowId of ['ticket-replay', 'ticket-replay-read-model']) {
      const withTexts = workflowId !== 'ticket-replay';
      const ticketId = workflowId.slice('ticket-'.length);
      const texts = withTexts ? { title: 'Checkout fails', description: 'Card payments time out.', channel: 'PORTAL' as const, openedBy: 'client' } : {};
      const ticket: TicketOpening = { ticketId, projectId: 'replay-full', clientId: 'c-replay', tier: 'A', severity: 'MEDIUM', category: 'INCIDENT', affectedUsers: 12, assignee: 'ana.agent', clientCsm: 'carl.csm', ...texts };
      let messages = 0;
      // Replies name their message now (the first history, kept as recorded, has none).
      const body = (text: string) => ({ messageId: `00000000-0000-4000-8000-${String(++messages).padStart(12, '0')}`, body: text });
      const startTicket = new WithStartWorkflowOperation(ticketSla, {
        taskQueue: 'record',
        workflowId,
        args: [{ ticket, policy: slaPolicy }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        priority: { priorityKey: ticketPriorityKey(ticket) },
        staticSummary: ticketSummary(ticket),
      });
      await client.workflow.executeUpdateWithStart(openTicketUpdate, { startWorkflowOperation: startTicket });
      const ticketHandle = await startTicket.workflowHandle();
      const pause = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
      const agent = { actor: 'ana.agent', kind: 'PUBLIC_REPLY', authorRole: 'AGENT' } as const;
      while ((await ticketHandle.query(ticketStateQuery)).breaches.length === 0) await pause(50);
      await ticketHandle.executeUpdate(ticketUpdate('respondToTicket'), { args: [{ ...agent, kind: 'INTERNAL_NOTE', ...body('Looking at the logs.') }] });
      await ticketHandle.executeUpdate(ticketUpdate('respondToTicket'), { args: [{ ...agent, ...body('We are on it.') }] });
      await ticketHandle.executeUpdate(ticketUpdate('respondToTicket'), { args: [{ actor: 'client', kind: 'PUBLIC_REPLY', authorRole: 'CLIENT', ...body('Still failing.') }] });
      await ticketHandle.executeUpdate(ticketUpdate('setTicketStatus'), { args: [{ actor: 'ana.agent', status: 'WAITING_FOR_CLIENT' }] });
      await pause(500);
      await ticketHandle.executeUpdate(ticketUpdate('setTicketStatus'), { args: [{ actor: 'ana.agent', status: 'OPEN' }] });
      await ticketHandle.executeUpdate(ticketUpdate('changeSeverity'), { args: [{ actor: 'lin.pm', severity: 'HIGH' }] });
      await ticketHandle.executeUpdate(ticketUpdate('assignTicket'), { args: [{ actor: 'lin.pm', assignee: 'bo.agent' }] });
      await pause(2500);
      await ticketHandle.executeUpdate(ticketUpdate('respondToTicket'), { args: [{ ...agent, ...body('Fixed.') }] });
      await ticketHandle.executeUpdate(ticketUpdate('setTicketStatus'), { args: [{ actor: 'bo.agent', status: 'RESOLVED' }] });
      await ticketHandle.executeUpdate(ticketUpdate('reopenTicket'), { args: [{ actor: 'client', reason: 'Still broken' }] });
      await pause(4000);
      await ticketHandle.executeUpdate(ticketUpdate('setTicketStatus'), { args: [{ actor: 'bo.agent', status: 'CLOSED' }] });
      await ticketHandle.result();
      await write(ticketHandle.workflowId);
    }
  });
} finally {
  await connection.close();
  await nativeConnection.close();
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}
