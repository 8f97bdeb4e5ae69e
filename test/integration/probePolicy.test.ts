import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUTBOUND_POLICY } from '../../src/platform/outbound/outboundPolicy.js';
import { startStagingSite, type StagingSite } from '../support/stagingSite.js';
import { projectActions } from '../support/projectActions.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The probe policy over the whole stack: the stress test probes a client's staging site
 * through the outbound policy, which here allows only 127.0.0.2 (the "public" site).
 * Every other loopback address stands for the agency's internal network. SOP days last
 * 24 s, so the stress test probes once a second.
 */
const DAY_MS = 24_000;
const ALLOWED_HOST = '127.0.0.2';

let app: TestApplication;
/** Stands for a service inside the agency's network: nothing may reach it. */
let internal: StagingSite;

beforeAll(async () => {
  internal = await startStagingSite({ host: '127.0.0.3' });
  app = await startTestApplication({ sopDayMs: DAY_MS, outbound: { ...DEFAULT_OUTBOUND_POLICY, allowedNetworks: [`${ALLOWED_HOST}/32`] } });
});

afterAll(async () => {
  await app?.stop();
  await internal?.close();
});

const PROJECT = `id stage progress { stressTest }`;

const { act, ok } = projectActions(() => app, PROJECT);

async function createProject(stagingUrl?: string) {
  const client = await app.gql(`mutation { createClient(input: { name: "Probe Co", tier: B }) { id } }`);
  return app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
    input: { clientId: client.data!.createClient.id, name: 'Probe shop', packageCode: 'STANDARD', projectLead: 'lin.pm', stagingUrl },
  });
}

/** A Standard project taken to the point where the stress test may start. */
async function readyForStressTest(stagingUrl: string): Promise<string> {
  const created = await createProject(stagingUrl);
  expect(created.errors).toBeUndefined();
  const projectId = created.data!.createProject.id as string;
  const added = await app.gql(`mutation ($input: AddRequirementInput!) { addRequirement(input: $input) { requirements { id } } }`, {
    input: { projectId, title: 'Home page' },
  });
  await ok('confirmRequirement', { projectId, requirementId: added.data!.addRequirement.requirements[0].id });
  for (let n = 1; n <= 2; n++) await ok('logCommunicationRound', { projectId, channel: 'CALL', summary: `Call ${n}`, attendees: ['client'] });
  await ok('signOffRequirements', { projectId });
  await ok('submitReviewRound', { projectId, kind: 'REMOTE', outcome: 'APPROVED', feedback: 'Good', clientAttendees: ['client'] });
  return projectId;
}

const storedChecks = (projectId: string) =>
  app.sql<{ status: number | null; error: string | null }>('select status, error from site_check where project_id = $1 order by checked_at', [projectId]);

async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('where the server may send requests', () => {
  it.each([
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['ftp://files.example.com/site'],
    ['http://169.254.169.254/latest/meta-data/'],
    ['http://[::1]:8080/'],
    ['http://10.0.0.7/'],
    ['http://2130706433/'],
  ])('refuses %s as a staging URL, naming the field, and creates nothing', async (stagingUrl) => {
    const [before] = await app.sql('select count(*)::int as n from project');
    const response = await createProject(stagingUrl);
    expect(response.data).toBeNull();
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stagingUrl' });
    expect(await app.sql('select count(*)::int as n from project')).toEqual([before]);
  });

  it('refuses an internal address given when the stress test starts', async () => {
    const site = await startStagingSite({ host: ALLOWED_HOST });
    try {
      const projectId = await readyForStressTest(site.url);
      const response = await act('startStressTest', { projectId, stagingUrl: 'http://192.168.0.10/' });
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stagingUrl', rule: 'DESTINATION_REFUSED' });
      expect((await app.gql(`query ($id: UUID!) { project(id: $id) { ${PROJECT} } }`, { id: projectId })).data!.project.stage).toBe('DEVELOPMENT');
    } finally {
      await site.close();
    }
  });

  it('refuses a redirect to an internal address: the internal service gets nothing and callers see only a code', async () => {
    const redirecting = await startStagingSite({
      host: ALLOWED_HOST,
      respond: (_req, res) => res.writeHead(302, { location: `${internal.origin}/admin` }).end(),
    });
    try {
      const projectId = await readyForStressTest(redirecting.url);
      await ok('startStressTest', { projectId });
      await waitUntil(async () => (await storedChecks(projectId)).length >= 12);
      await ok('abortStressTest', { projectId });

      expect(redirecting.requests).toBeGreaterThanOrEqual(12);
      expect(internal.requests).toBe(0);
      const checks = await storedChecks(projectId);
      expect(new Set(checks.map((check) => JSON.stringify(check)))).toEqual(new Set([JSON.stringify({ status: null, error: 'DESTINATION_REFUSED' })]));
      const visible = await app.gql(`query ($id: UUID!) { project(id: $id) { siteChecks(limit: 500) { ok status error } } }`, { id: projectId });
      expect(visible.data!.project.siteChecks.every((check: any) => check.ok === false && check.status === null && check.error === 'DESTINATION_REFUSED')).toBe(true);
    } finally {
      await redirecting.close();
    }
  });

  it('stops probing within a few seconds of an abort, even while a slow site holds a probe', async () => {
    const slow = await startStagingSite({
      host: ALLOWED_HOST,
      respond: (_req, res) => setTimeout(() => res.writeHead(200).end('slow but fine'), 700),
    });
    try {
      const projectId = await readyForStressTest(slow.url);
      await ok('startStressTest', { projectId });
      await waitUntil(() => slow.requests >= 13);
      const aborted = await ok('abortStressTest', { projectId });
      expect(aborted.stage).toBe('DEVELOPMENT');
      // The cancel reaches the probing activity with its next heartbeat (at most a second or two).
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const settled = slow.requests;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(slow.requests).toBe(settled);
    } finally {
      await slow.close();
    }
  });

  it('stops probing within a few seconds of a cancelled project', async () => {
    const site = await startStagingSite({ host: ALLOWED_HOST });
    try {
      const projectId = await readyForStressTest(site.url);
      await ok('startStressTest', { projectId });
      await waitUntil(() => site.requests >= 13);
      expect((await ok('cancelProject', { projectId, reason: 'Client walked away' })).stage).toBe('CANCELLED');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const settled = site.requests;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(site.requests).toBe(settled);
    } finally {
      await site.close();
    }
  });
});
