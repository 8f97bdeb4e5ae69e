import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sopActionUpdate } from '../../workflows/delivery/messages.js';
import { projectActions } from '../support/projectActions.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Idempotency keys as payment APIs treat them, and costs as an SOP action like the
 * others: over GraphQL against the real worker, Temporal and Postgres.
 */
let app: TestApplication;

beforeAll(async () => {
  app = await startTestApplication();
});

afterAll(async () => {
  await app?.stop();
});

const PROJECT = `id stage costEntries { phase amount note recordedBy } timeline { seq type actor summary details { __typename ... on CostRecordedDetails { phase amount note } } }`;

const { act, ok } = projectActions(() => app, PROJECT);

async function createProject() {
  const client = await app.gql(`mutation { createClient(input: { name: "Retry Co", tier: B }) { id } }`);
  const created = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id workflowId } }`, {
    input: { clientId: client.data!.createClient.id, name: 'Retry shop', packageCode: 'STANDARD', projectLead: 'lin.pm', contractValue: 50_000 },
  });
  expect(created.errors).toBeUndefined();
  return created.data!.createProject as { id: string; workflowId: string };
}

const timelineTypes = async (projectId: string) =>
  (await app.sql('select type from timeline_event where project_id = $1 order by seq', [projectId])).map((row) => row.type as string);

describe('recordCost, an SOP action', () => {
  it('records the cost in the timeline with who booked it, in any open stage', async () => {
    const { id: projectId } = await createProject();
    const costed = await ok('recordCost', { projectId, phase: 'RESEARCH', amount: 1234.5, note: 'Competitor audit' });
    expect(costed.costEntries).toEqual([{ phase: 'RESEARCH', amount: 1234.5, note: 'Competitor audit', recordedBy: 'lin.pm' }]);
    expect(costed.timeline.at(-1)).toEqual({
      seq: 1,
      type: 'COST_RECORDED',
      actor: 'lin.pm',
      summary: 'Cost recorded (RESEARCH): 1234.50',
      details: { __typename: 'CostRecordedDetails', phase: 'RESEARCH', amount: 1234.5, note: 'Competitor audit' },
    });
  });

  it('is refused on a cancelled project, and changes nothing', async () => {
    const { id: projectId } = await createProject();
    await ok('cancelProject', { projectId, reason: 'Budget cut' });
    const refused = await act('recordCost', { projectId, phase: 'OTHER', amount: 10 });
    expect(refused.data).toBeNull();
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'STAGE_CONFLICT', rule: 'PROJECT_FINISHED', stage: 'CANCELLED' });
    expect(refused.errors![0]!.message).toContain('is CANCELLED: nothing can change it');
    expect(await app.sql('select count(*)::int as n from cost_entry where project_id = $1', [projectId])).toEqual([{ n: 0 }]);
    expect(await timelineTypes(projectId)).toEqual(['PROJECT_CREATED', 'PROJECT_CANCELLED']);
  });

  it('is refused by the workflow itself when a caller skips the API with a bad cost', async () => {
    const { id: projectId, workflowId } = await createProject();
    const handle = app.temporal.workflow.getHandle(workflowId);
    const bad = [
      { costId: 'not-a-uuid', phase: 'RESEARCH', amount: 10, actor: 'script' },
      { costId: randomUUID(), phase: 'RESEARCH', amount: 1e12, actor: 'script' },
      { costId: randomUUID(), phase: 'RESEARCH', amount: 10, note: 'nul\u0000', actor: 'script' },
    ];
    for (const payload of bad) {
      await expect(handle.executeUpdate(sopActionUpdate('recordCost'), { args: [payload as never] })).rejects.toThrow();
    }
    expect(await timelineTypes(projectId)).toEqual(['PROJECT_CREATED']);
  });
});

describe('idempotency keys', () => {
  it('applies an action once however often it is retried with its key, for every kind of action', async () => {
    const { id: projectId } = await createProject();
    const cost = { projectId, phase: 'ITERATION', amount: 500, idempotencyKey: `cost-${randomUUID()}` };
    const round = { projectId, channel: 'CALL', summary: 'Kick-off', attendees: ['client'], idempotencyKey: `round-${randomUUID()}` };
    const requirement = { projectId, title: 'Checkout', idempotencyKey: `req-${randomUUID()}` };
    for (let attempt = 0; attempt < 3; attempt++) {
      await ok('recordCost', cost);
      await ok('logCommunicationRound', round);
      await ok('addRequirement', requirement);
    }
    expect(await timelineTypes(projectId)).toEqual(['PROJECT_CREATED', 'COST_RECORDED', 'COMMUNICATION_ROUND_LOGGED', 'REQUIREMENT_ADDED']);
    expect(await app.sql('select count(*)::int as n from cost_entry where project_id = $1', [projectId])).toEqual([{ n: 1 }]);
    expect(await app.sql('select count(*)::int as n from requirement where project_id = $1', [projectId])).toEqual([{ n: 1 }]);
  });

  it('answers a retry of a cancel that succeeded with success, not with "the project is finished"', async () => {
    const { id: projectId } = await createProject();
    const cancel = { projectId, reason: 'Client walked away', idempotencyKey: `cancel-${randomUUID()}` };
    expect((await ok('cancelProject', cancel)).stage).toBe('CANCELLED');
    expect((await ok('cancelProject', cancel)).stage).toBe('CANCELLED');
    expect(await timelineTypes(projectId)).toEqual(['PROJECT_CREATED', 'PROJECT_CANCELLED']);
  });

  it.each([
    ['on a different action', (key: string, projectId: string) => ['logCommunicationRound', { projectId, channel: 'CALL', summary: 'Call', attendees: ['client'], idempotencyKey: key }] as const],
    ['on the same action with a different input', (key: string, projectId: string) => ['recordCost', { projectId, phase: 'ITERATION', amount: 501, idempotencyKey: key }] as const],
    ['on another project', (key: string, _projectId: string, otherId: string) => ['recordCost', { projectId: otherId, phase: 'ITERATION', amount: 500, idempotencyKey: key }] as const],
  ])('refuses a key reused %s with IDEMPOTENCY_KEY_REUSED, and applies nothing', async (_case, second) => {
    const { id: projectId } = await createProject();
    const { id: otherId } = await createProject();
    const key = `key-${randomUUID()}`;
    await ok('recordCost', { projectId, phase: 'ITERATION', amount: 500, idempotencyKey: key });
    const [mutation, input] = second(key, projectId, otherId);
    const refused = await act(mutation, input);
    expect(refused.data).toBeNull();
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey', firstUsedFor: 'recordCost' });
    expect(await timelineTypes(projectId)).toEqual(['PROJECT_CREATED', 'COST_RECORDED']);
    expect(await timelineTypes(otherId)).toEqual(['PROJECT_CREATED']);
    // The first request's retry still works.
    await ok('recordCost', { projectId, phase: 'ITERATION', amount: 500, idempotencyKey: key });
    expect(await timelineTypes(projectId)).toEqual(['PROJECT_CREATED', 'COST_RECORDED']);
  });

  it('lets a refused request be retried with its key once the rule allows it', async () => {
    const { id: projectId } = await createProject();
    const signOff = { projectId, idempotencyKey: `signoff-${randomUUID()}` };
    expect((await act('signOffRequirements', signOff)).errors![0]!.extensions).toMatchObject({ code: 'SOP_RULE_VIOLATION' });
    const added = await app.gql(`mutation ($input: AddRequirementInput!) { addRequirement(input: $input) { requirements { id } } }`, { input: { projectId, title: 'Home' } });
    await ok('confirmRequirement', { projectId, requirementId: added.data!.addRequirement.requirements[0].id });
    for (let n = 1; n <= 2; n++) await ok('logCommunicationRound', { projectId, channel: 'CALL', summary: `Call ${n}`, attendees: ['client'] });
    expect((await ok('signOffRequirements', signOff)).stage).toBe('DEVELOPMENT');
  });
});
