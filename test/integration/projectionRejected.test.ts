import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sopStateQuery } from '../../workflows/delivery/messages.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Defence in depth: a value every input check accepts but the read model refuses for
 * good (here a constraint the inputs know nothing about) must not wedge the project or
 * hang the request. The workflow undoes the transition, the API answers
 * PROJECTION_REJECTED at once, the timeline keeps no hole, and the next action works.
 */

let app: TestApplication;

beforeAll(async () => {
  app = await startTestApplication();
  await app.sql(`alter table requirement add constraint planted_no_forbidden check (title <> 'forbidden title')`);
});

afterAll(async () => {
  await app?.sql('alter table requirement drop constraint if exists planted_no_forbidden').catch(() => undefined);
  await app?.stop();
});

const ADD_REQUIREMENT = `mutation ($input: AddRequirementInput!) {
  addRequirement(input: $input) { requirements { id title status } timeline { seq type summary } }
}`;

async function createProject() {
  const client = await app.gql(`mutation { createClient(input: { name: "Planted Co", tier: B }) { id } }`);
  expect(client.errors).toBeUndefined();
  const project = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id workflowId } }`, {
    input: { clientId: client.data!.createClient.id, name: 'Planted shop', packageCode: 'STANDARD', projectLead: 'lin.pm' },
  });
  expect(project.errors).toBeUndefined();
  return project.data!.createProject as { id: string; workflowId: string };
}

const timelineSeqs = async (projectId: string) =>
  (await app.sql('select seq from timeline_event where project_id = $1 order by seq', [projectId])).map((row) => row.seq as number);

describe('a projection the read model refuses for good', () => {
  it('fails the action fast with PROJECTION_REJECTED, undoes it in the workflow, and keeps the project working', async () => {
    const { id: projectId, workflowId } = await createProject();
    const handle = app.temporal.workflow.getHandle(workflowId);

    const first = await app.gql(ADD_REQUIREMENT, { input: { projectId, title: 'Checkout in three steps' } });
    expect(first.errors).toBeUndefined();
    const before = await handle.query(sopStateQuery);
    expect(before.lastEventSeq).toBe(1);
    const [rowBefore] = await app.sql('select projected_seq, sop_state from project where id = $1', [projectId]);

    const started = Date.now();
    const refused = await app.gql(ADD_REQUIREMENT, { input: { projectId, title: 'forbidden title' } });
    const tookMs = Date.now() - started;
    expect(refused.data).toBeNull();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]!.extensions?.code).toBe('PROJECTION_REJECTED');
    expect(refused.errors![0]!.message).toContain('addRequirement was not applied');
    expect(tookMs).toBeLessThan(10_000);

    // The workflow put its state back exactly; the read model saw nothing.
    const after = await handle.query(sopStateQuery);
    expect(after).toEqual(before);
    expect(after.requirements.map((r) => r.title)).not.toContain('forbidden title');
    expect(await app.sql('select title from requirement where project_id = $1', [projectId])).toEqual([{ title: 'Checkout in three steps' }]);
    expect(await app.sql('select projected_seq, sop_state from project where id = $1', [projectId])).toEqual([rowBefore]);
    expect(await timelineSeqs(projectId)).toEqual([0, 1]);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // The next action takes the next seq: no hole in the timeline.
    const next = await app.gql(ADD_REQUIREMENT, { input: { projectId, title: 'Live chat' } });
    expect(next.errors, JSON.stringify(next.errors)).toBeUndefined();
    expect(next.data!.addRequirement.requirements.map((r: { title: string }) => r.title).sort()).toEqual(['Checkout in three steps', 'Live chat']);
    expect(next.data!.addRequirement.timeline.at(-1)).toMatchObject({ seq: 2, type: 'REQUIREMENT_ADDED', summary: 'Requirement added: Live chat' });
    expect(await timelineSeqs(projectId)).toEqual([0, 1, 2]);
    expect((await handle.query(sopStateQuery)).lastEventSeq).toBe(2);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});
