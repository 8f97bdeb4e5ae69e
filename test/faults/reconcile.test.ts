import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { findTicketDifferences } from '../../src/aftersales/services/ticketReconciliation.js';
import { findProjectDifferences } from '../../src/delivery/services/projectReconciliation.js';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { projectActions } from '../support/projectActions.js';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * `npm run reconcile` against a real stack: it finds exactly the differences planted in
 * the read model on purpose, `--repair` rewrites them from the workflows, and it refuses
 * bad arguments and configuration with a coded line.
 */
let app: TestApplication;

beforeAll(async () => {
  app = await startTestApplication();
});

afterAll(async () => {
  await app?.stop();
});

const { ok: act } = projectActions(() => app, 'id stage');

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as its own process, as an operator would, with only the variables given. */
function runReconcile(args: string[], env: Record<string, string> = { DATABASE_URL: app.databaseUrl, TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_TASK_QUEUE: app.taskQueue }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/reconcile.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

async function createProject(name: string): Promise<string> {
  const input = { clientId: SEED_CLIENTS[0]!.id, name, packageCode: 'STANDARD', projectLead: 'lin.pm' };
  return ok(await app.gql<{ createProject: { id: string } }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input })).createProject.id;
}

const scope = () => ({ orm: undefined as never, temporal: app.temporal, taskQueue: app.taskQueue });

describe('reconcile', () => {
  let first: string;
  let second: string;
  let ticketId: string;

  beforeAll(async () => {
    first = await createProject('Reconciled shop');
    second = await createProject('Reconciled blog');
    for (const projectId of [first, second]) {
      await act('logCommunicationRound', { projectId, channel: 'VIDEO', summary: 'Kick-off', attendees: ['client'] });
      await act('logCommunicationRound', { projectId, channel: 'EMAIL', summary: 'Follow-up', attendees: ['client'] });
      await act('recordCost', { projectId, phase: 'RESEARCH', amount: 100 });
    }
    const opened = ok(
      await app.gql<{ openTicket: { id: string } }>(`mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, { input: { projectId: first, title: 'Checkout fails', severity: 'HIGH', category: 'INCIDENT' } }, { as: 'mia.csm' }),
    );
    ticketId = opened.openTicket.id;
    ok(await app.gql(`mutation ($input: RespondToTicketInput!) { respondToTicket(input: $input) { id } }`, { input: { ticketId, body: 'Looking into it.' } }, { as: 'mia.csm' }));
  });

  it('finds nothing when the read model agrees with every workflow', async () => {
    const run = await runReconcile([]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('reconcile: 0 difference(s)');
    expect(run.status).toBe(0);
  });

  it('finds exactly the differences planted, and --repair rewrites them from the workflows', async () => {
    const lostEvent = (await app.sql('select * from timeline_event where project_id = $1 and seq = 2', [first]))[0]!;
    await app.sql('delete from timeline_event where project_id = $1 and seq = 2', [first]);
    await app.sql(`update project set stage = 'ACCEPTANCE' where id = $1`, [second]);
    await app.sql(`update ticket set status = 'RESOLVED' where id = $1`, [ticketId]);

    const found = await runReconcile([]);
    expect(found.status).toBe(1);
    const lines = found.stdout.trim().split('\n');
    expect(lines[0]).toBe('reconcile: 3 difference(s) between the workflows and the read model');
    expect(lines.slice(1).map((line) => line.trim()).sort()).toEqual(
      [
        `project ${first} timeline_event: workflow seq 2, read model missing`,
        `project ${second} stage: workflow REQUIREMENTS, read model ACCEPTANCE`,
        `ticket ${ticketId} status: workflow OPEN, read model RESOLVED`,
      ].sort(),
    );

    const repaired = await runReconcile(['--repair']);
    expect(repaired.stdout).toContain('reconcile --repair: 3 repaired, 0 remaining');
    expect(repaired.status).toBe(0);
    // The event is back exactly as the workflow first wrote it, and the planted columns agree again.
    expect((await app.sql('select * from timeline_event where project_id = $1 and seq = 2', [first]))[0]).toEqual(lostEvent);
    expect(await app.sql('select stage from project where id = $1', [second])).toEqual([{ stage: 'REQUIREMENTS' }]);
    expect(await app.sql('select status from ticket where id = $1', [ticketId])).toEqual([{ status: 'OPEN' }]);

    // Repair is idempotent: a second run finds nothing to do.
    const again = await runReconcile(['--repair']);
    expect(again.stdout).toContain('reconcile: 0 difference(s)');
    expect(again.status).toBe(0);
  });

  it('names workflows whose read model row is gone', async () => {
    const orphan = await createProject('Orphaned');
    await app.sql('delete from timeline_event where project_id = $1', [orphan]);
    await app.sql('delete from project where id = $1', [orphan]);
    // Temporal's visibility lists a new workflow within moments, not at once.
    await vi.waitFor(async () => {
      const differences = await findProjectDifferences({ ...scope(), orm: app.orm });
      expect(differences).toEqual([{ entity: 'project', id: `project-${orphan}`, field: 'row', workflow: 'exists', projection: 'missing' }]);
    }, { timeout: 10_000, interval: 500 });
    expect(await findTicketDifferences({ ...scope(), orm: app.orm })).toEqual([]);
  });

  it('refuses unknown arguments and missing configuration with a coded line', async () => {
    const bad = await runReconcile(['--fix']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stderr)).toEqual({ error: 'BAD_ARGUMENT', arguments: ['--fix'], usage: 'usage: npm run reconcile [-- --repair]' });
    const unconfigured = await runReconcile([], {});
    expect(unconfigured.status).toBe(2);
    expect(JSON.parse(unconfigured.stderr)).toMatchObject({ error: 'CONFIG_INVALID', problems: [{ variable: 'DATABASE_URL' }, { variable: 'TEMPORAL_ADDRESS' }] });
  });
});
