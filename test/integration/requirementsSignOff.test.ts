import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientTierKey, PackageCodeKey, ProjectLeadKey, SopStageKey } from '../../workflows/searchAttributes.js';
import { sopStateQuery } from '../../workflows/delivery/messages.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

const CREATE_CLIENT = `mutation ($input: CreateClientInput!) { createClient(input: $input) { id name tier } }`;
const CREATE_PROJECT = `mutation ($input: CreateProjectInput!) {
  createProject(input: $input) { id stage workflowId policy { minCommunicationRounds } addOns { code } }
}`;
const LOG_ROUND = `mutation ($input: LogCommunicationRoundInput!) {
  logCommunicationRound(input: $input) { stage progress { communicationRounds } }
}`;
const ADD_REQUIREMENT = `mutation ($input: AddRequirementInput!) { addRequirement(input: $input) { requirements { id title status } } }`;
const CONFIRM_REQUIREMENT = `mutation ($input: ConfirmRequirementInput!) { confirmRequirement(input: $input) { requirements { id status } } }`;

async function confirmOneRequirement(projectId: string) {
  const added = await app.gql(ADD_REQUIREMENT, { input: { projectId, title: 'Checkout in three steps' } });
  const requirementId = added.data!.addRequirement.requirements[0].id;
  const confirmed = await app.gql(CONFIRM_REQUIREMENT, { input: { projectId, requirementId } });
  expect(confirmed.data!.confirmRequirement.requirements).toEqual([{ id: requirementId, status: 'CONFIRMED' }]);
}
const SIGN_OFF = `mutation ($input: SignOffRequirementsInput!) { signOffRequirements(input: $input) { stage } }`;
const PROJECT = `query ($id: UUID!) {
  project(id: $id) {
    stage availableActions progress { communicationRounds validationDay }
    client { name tier } servicePackage { code }
    timeline { seq type fromStage toStage actor summary occurredAt }
  }
}`;

let app: TestApplication;

beforeAll(async () => {
  app = await startTestApplication();
});

afterAll(async () => {
  await app?.stop();
});

async function createPremiumProject(lead = 'lin.pm') {
  const client = await app.gql(CREATE_CLIENT, { input: { name: 'Acme Trading', tier: 'A', contactEmail: 'it@acme.test' } });
  expect(client.errors).toBeUndefined();
  const project = await app.gql(CREATE_PROJECT, {
    input: { clientId: client.data!.createClient.id, name: 'Acme web shop', packageCode: 'PREMIUM', projectLead: lead },
  });
  expect(project.errors).toBeUndefined();
  return project.data!.createProject as { id: string; stage: string; workflowId: string };
}

const round = (projectId: string, n: number, idempotencyKey?: string) => ({
  input: {
    projectId,
    channel: 'MEETING',
    summary: `Requirement workshop ${n}`,
    attendees: ['client CTO', 'lin.pm'],
    ...(idempotencyKey ? { idempotencyKey } : {}),
  },
});

describe('requirements sign-off over GraphQL, Temporal and Postgres', () => {
  it('refuses sign-off until the Premium minimum of 8 rounds, then moves the project to DEVELOPMENT', async () => {
    const project = await createPremiumProject();
    expect(project.stage).toBe('REQUIREMENTS');
    expect(project.workflowId).toBe(`project-${project.id}`);

    const refused = await app.gql(SIGN_OFF, { input: { projectId: project.id } });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'SOP_RULE_VIOLATION',
      rule: 'MIN_COMMUNICATION_ROUNDS',
      required: 8,
      actual: 0,
    });
    expect(refused.errors?.[0]?.message).toContain('0 of 8 communication rounds logged');

    // Nothing changed anywhere: not the read model, not the workflow.
    const [row] = await app.sql(`select stage, sop_state->'communicationRounds' as rounds, projected_seq from project where id = $1`, [project.id]);
    expect(row).toEqual({ stage: 'REQUIREMENTS', rounds: 0, projected_seq: 0 });
    expect(await app.sql('select seq from timeline_event where project_id = $1', [project.id])).toEqual([{ seq: 0 }]);
    const handle = app.temporal.workflow.getHandle(project.workflowId);
    expect(await handle.query(sopStateQuery)).toMatchObject({ stage: 'REQUIREMENTS', communicationRounds: 0, lastEventSeq: 0 });
    await confirmOneRequirement(project.id);

    for (let n = 1; n <= 7; n++) {
      const logged = await app.gql(LOG_ROUND, round(project.id, n));
      expect(logged.data?.logCommunicationRound).toEqual({ stage: 'REQUIREMENTS', progress: { communicationRounds: n } });
    }
    const stillShort = await app.gql(SIGN_OFF, { input: { projectId: project.id } });
    expect(stillShort.errors?.[0]?.message).toContain('7 of 8 communication rounds logged');

    await app.gql(LOG_ROUND, round(project.id, 8));
    const signed = await app.gql(SIGN_OFF, { input: { projectId: project.id, note: 'Scope frozen' } }, { as: 'admin' });
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.signOffRequirements.stage).toBe('DEVELOPMENT');

    const read = await app.gql(PROJECT, { id: project.id });
    const readProject = read.data!.project;
    expect(readProject.stage).toBe('DEVELOPMENT');
    expect(readProject.progress).toEqual({ communicationRounds: 8, validationDay: 'PENDING' });
    expect(readProject.client).toEqual({ name: 'Acme Trading', tier: 'A' });
    expect(readProject.servicePackage.code).toBe('PREMIUM');
    // Only what some input would make succeed now: no change order waits for a decision.
    expect(readProject.availableActions).toEqual(['submitReviewRound', 'requestChangeOrder', 'recordCost', 'cancelProject']);
    const timeline = readProject.timeline as { seq: number; type: string; toStage: string; actor: string }[];
    expect(timeline.map((event) => event.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(timeline.filter((event) => event.type === 'COMMUNICATION_ROUND_LOGGED')).toHaveLength(8);
    expect(timeline.at(-1)).toMatchObject({ type: 'REQUIREMENTS_SIGNED_OFF', fromStage: 'REQUIREMENTS', toStage: 'DEVELOPMENT', actor: 'admin' });

    // Ops see the new stage in the Temporal UI's filters.
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(SopStageKey)).toBe('DEVELOPMENT');
    expect(description.typedSearchAttributes.get(PackageCodeKey)).toBe('PREMIUM');
    expect(description.typedSearchAttributes.get(ClientTierKey)).toBe('A');
    expect(description.typedSearchAttributes.get(ProjectLeadKey)).toBe('lin.pm');
    expect(await description.staticSummary()).toContain('Acme web shop');
  });

  it('applies an action sent twice with the same idempotency key once', async () => {
    const project = await createPremiumProject();
    const first = await app.gql(LOG_ROUND, round(project.id, 1, 'round-1'));
    const again = await app.gql(LOG_ROUND, round(project.id, 1, 'round-1'));
    expect(first.data?.logCommunicationRound.progress.communicationRounds).toBe(1);
    expect(again.data?.logCommunicationRound.progress.communicationRounds).toBe(1);
    expect(await app.sql('select count(*)::int as n from timeline_event where project_id = $1', [project.id])).toEqual([{ n: 2 }]);
  });

  it('refuses a round once requirements are signed off, with STAGE_CONFLICT', async () => {
    const client = await app.gql(CREATE_CLIENT, { input: { name: 'Small Co', tier: 'C' } });
    const created = await app.gql(CREATE_PROJECT, {
      input: { clientId: client.data!.createClient.id, name: 'Brochure site', packageCode: 'STANDARD', projectLead: 'lin.pm' },
    });
    const projectId = created.data!.createProject.id;
    await app.gql(LOG_ROUND, round(projectId, 1));
    await app.gql(LOG_ROUND, round(projectId, 2));
    await confirmOneRequirement(projectId);
    expect((await app.gql(SIGN_OFF, { input: { projectId } })).data?.signOffRequirements.stage).toBe('DEVELOPMENT');

    const late = await app.gql(LOG_ROUND, round(projectId, 3));
    expect(late.errors?.[0]?.extensions?.code).toBe('STAGE_CONFLICT');
    expect((await app.gql(PROJECT, { id: projectId })).data!.project.progress.communicationRounds).toBe(2);
  });
});

describe('bad input changes nothing', () => {
  const countRows = async (table: string) => (await app.sql(`select count(*)::int as n from ${table}`))[0]!.n as number;

  it('rejects invalid arguments with BAD_USER_INPUT and field details', async () => {
    const before = await countRows('client');
    const empty = await app.gql(CREATE_CLIENT, { input: { name: '', tier: 'A' } });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.validationErrors).toEqual([{ field: 'name', constraints: [expect.stringContaining('name')] }]);
    const badEmail = await app.gql(CREATE_CLIENT, { input: { name: 'X', tier: 'A', contactEmail: 'not-an-email' } });
    expect(badEmail.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badTier = await app.gql(CREATE_CLIENT, { input: { name: 'X', tier: 'Z' } });
    expect(badTier.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countRows('client')).toBe(before);
  });

  it('rejects a malformed id before it reaches the database', async () => {
    const response = await app.gql(PROJECT, { id: 'not-a-uuid' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers null for an unknown project and NOT_FOUND when acting on one', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await app.gql(PROJECT, { id })).data).toEqual({ project: null });
    const response = await app.gql(SIGN_OFF, { input: { projectId: id } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Project' });
  });

  it('refuses a project on an unknown package or add-on without creating anything', async () => {
    const client = await app.gql(CREATE_CLIENT, { input: { name: 'Z Ltd', tier: 'B' } });
    const clientId = client.data!.createClient.id;
    const before = await countRows('project');
    const noPackage = await app.gql(CREATE_PROJECT, {
      input: { clientId, name: 'P', packageCode: 'GOLD', projectLead: 'x' },
    });
    expect(noPackage.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'ServicePackage' });
    const noAddOn = await app.gql(CREATE_PROJECT, {
      input: { clientId, name: 'P', packageCode: 'PREMIUM', projectLead: 'x', addOnCodes: ['FREE_LUNCH'] },
    });
    expect(noAddOn.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', ids: ['FREE_LUNCH'] });
    expect(await countRows('project')).toBe(before);
  });
});

describe('the stack around the API', () => {
  it('serves the seeded packages with the seed policies', async () => {
    const response = await app.gql(`{ servicePackages { code policy { minCommunicationRounds stressTestDays trafficMonitoringMonths firstResponseHours { LOW MEDIUM HIGH } } } addOnPacks { code } }`);
    const byCode = Object.fromEntries(response.data!.servicePackages.map((p: { code: string }) => [p.code, p]));
    expect(byCode.STANDARD.policy).toMatchObject({ minCommunicationRounds: 2, stressTestDays: 1, trafficMonitoringMonths: 0 });
    expect(byCode.PREMIUM.policy).toMatchObject({ minCommunicationRounds: 8, stressTestDays: 7, trafficMonitoringMonths: 3 });
    expect(byCode.CUSTOM.policy).toMatchObject({ trafficMonitoringMonths: 12, firstResponseHours: { LOW: 48, MEDIUM: 24, HIGH: 12 } });
    expect(response.data!.addOnPacks).toHaveLength(5);
  });

  it('applies add-on packs to the policy the workflow enforces', async () => {
    const client = await app.gql(CREATE_CLIENT, { input: { name: 'Addon Co', tier: 'B' } });
    const created = await app.gql(CREATE_PROJECT, {
      input: {
        clientId: client.data!.createClient.id,
        name: 'Shop',
        packageCode: 'STANDARD',
        projectLead: 'lin.pm',
        addOnCodes: ['EXTRA_ITERATION_ROUND', 'TRAFFIC_MONITORING_3M'],
      },
    });
    expect(created.data!.createProject.addOns.map((a: { code: string }) => a.code).sort()).toEqual(['EXTRA_ITERATION_ROUND', 'TRAFFIC_MONITORING_3M']);
    const [row] = await app.sql(`select policy->>'includedIterationRounds' as iterations, policy->>'trafficMonitoringMonths' as months from project where id = $1`, [created.data!.createProject.id]);
    expect(row).toEqual({ iterations: '4', months: '3' });
  });

  it('keeps the migrations in step with the entities', async () => {
    expect(await app.orm.migrator.checkSchema()).toBe(false);
  });

  it('reports liveness and readiness over HTTP', async () => {
    const health = await fetch(`${app.api!.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.api!.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', postgres: { ok: true }, temporal: { ok: true } });
  });
});
