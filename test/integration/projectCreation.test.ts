import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRecordFaults } from '../../src/delivery/activities/projectRecords.js';
import { createProjectFaults } from '../../src/delivery/services/projectService.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * createProject over GraphQL against the real worker, Temporal and Postgres: the workflow
 * is started first and writes the project's row in its first activity, so whatever
 * crashes in between, there is never a row without a workflow or a workflow without a
 * row; an idempotency key makes a retry answer the same project.
 */
let app: TestApplication;
let clientId: string;

beforeAll(async () => {
  app = await startTestApplication();
  const client = await app.gql(`mutation { createClient(input: { name: "Retry Trading", tier: A }) { id } }`);
  clientId = client.data!.createClient.id;
});

afterAll(async () => {
  await app?.stop();
});

afterEach(() => {
  delete createProjectFaults.beforeWorkflowStart;
  delete createProjectFaults.afterWorkflowStart;
  delete projectRecordFaults.afterCommit;
});

const CREATE_PROJECT = `mutation ($input: CreateProjectInput!) {
  createProject(input: $input) { id workflowId stage policyVersion addOns { code } timeline { seq type actor } }
}`;

const input = (idempotencyKey: string, extra: Record<string, unknown> = {}) => ({
  clientId,
  name: 'Retry web shop',
  packageCode: 'STANDARD',
  projectLead: 'lin.pm',
  addOnCodes: ['TRAINING', 'EXTRA_ITERATION_ROUND'],
  idempotencyKey,
  ...extra,
});

const create = (variables: Record<string, unknown>) => app.gql(CREATE_PROJECT, { input: variables });

async function created(variables: Record<string, unknown>) {
  const response = await create(variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.createProject as { id: string; workflowId: string; stage: string; policyVersion: number; timeline: unknown[] };
}

/** The project id the key's first request minted (what a retry will create or answer). */
async function projectIdOfKey(key: string): Promise<string> {
  const [row] = await app.sql('select result_id from idempotency_key where key = $1', [key]);
  return row!.result_id as string;
}

const rows = async (projectId: string) => ({
  projects: (await app.sql('select count(*)::int as n from project where id = $1', [projectId]))[0]!.n as number,
  events: (await app.sql('select count(*)::int as n from timeline_event where project_id = $1', [projectId]))[0]!.n as number,
  addOns: (await app.sql('select count(*)::int as n from project_add_ons where project_id = $1', [projectId]))[0]!.n as number,
});

/** How many times the workflow's history wrote the row: as a regular activity, or as a local one (a marker naming it). */
async function rowWrites(workflowId: string): Promise<number> {
  const history = await app.temporal.workflow.getHandle(workflowId).fetchHistory();
  const localActivityType = (event: NonNullable<typeof history.events>[number]) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_local_activity') return undefined;
    const [payload] = marker.details?.data?.payloads ?? [];
    return payload?.data ? (JSON.parse(Buffer.from(payload.data).toString('utf8')) as { activity_type?: string }).activity_type : undefined;
  };
  return (history.events ?? []).filter(
    (event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'recordProjectCreated' || localActivityType(event) === 'recordProjectCreated',
  ).length;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('createProject with an idempotency key', () => {
  it('answers the same project to a retry, with one row and one workflow', async () => {
    const key = `create-${randomUUID()}`;
    const first = await created(input(key));
    expect(first).toMatchObject({ workflowId: `project-${first.id}`, stage: 'REQUIREMENTS', policyVersion: 1 });
    expect(first.timeline).toEqual([{ seq: 0, type: 'PROJECT_CREATED', actor: 'lin.pm' }]);
    const runId = (await app.temporal.workflow.getHandle(first.workflowId).describe()).runId;

    // Sequential and concurrent retries, by another user too: the same project every time.
    const again = await created(input(key));
    const concurrent = await Promise.all([created(input(key)), created(input(key))]);
    const asAdmin = await app.gql(CREATE_PROJECT, { input: input(key) }, { as: 'admin' });
    for (const retry of [again, ...concurrent, asAdmin.data!.createProject]) expect(retry).toEqual(first);

    expect(await rows(first.id)).toEqual({ projects: 1, events: 1, addOns: 2 });
    expect(await app.sql('select count(*)::int as n from project where client_id = $1 and name = $2', [clientId, 'Retry web shop'])).toEqual([{ n: 1 }]);
    const description = await app.temporal.workflow.getHandle(first.workflowId).describe();
    expect(description.runId).toBe(runId);
    expect(description.status.name).toBe('RUNNING');
    expect(await rowWrites(first.workflowId)).toBe(1);
  });

  it('refuses the key on a different request with IDEMPOTENCY_KEY_REUSED, creating nothing', async () => {
    const key = `create-${randomUUID()}`;
    const first = await created(input(key));
    const other = await create(input(key, { name: 'Another shop' }));
    expect(other.data).toBeNull();
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey', firstUsedFor: 'createProject' });
    expect(await app.sql('select count(*)::int as n from project where name = $1', ['Another shop'])).toEqual([{ n: 0 }]);
    expect(await rows(first.id)).toEqual({ projects: 1, events: 1, addOns: 2 });
  });

  it('leaves no trace of a request refused before it started (no key row), so the corrected request may use the same key', async () => {
    const key = `create-${randomUUID()}`;
    const refused = await create(input(key, { packageCode: 'NO_SUCH_PACKAGE' }));
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await app.sql('select key from idempotency_key where key = $1', [key])).toEqual([]);
    const corrected = await created(input(key));
    expect(await rows(corrected.id)).toEqual({ projects: 1, events: 1, addOns: 2 });
    expect((await created(input(key))).id).toBe(corrected.id);
  });

  it('makes different projects from different keys, and without a key', async () => {
    const a = await created(input(`create-${randomUUID()}`));
    const b = await created(input(`create-${randomUUID()}`));
    const { idempotencyKey: _none, ...withoutKey } = input('unused');
    const c = await created(withoutKey);
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    for (const { id } of [a, b, c]) expect(await rows(id)).toEqual({ projects: 1, events: 1, addOns: 2 });
  });
});

describe('a promised delivery date', () => {
  it('is kept on the project (on-time delivery is judged against it) and refused outside 2000-2100', async () => {
    const project = await created(input('planned-1', { plannedDeliveryAt: '2027-03-31T17:00:00.000Z' }));
    const read = await app.gql(`query ($id: UUID!) { project(id: $id) { plannedDeliveryAt } }`, { id: project.id });
    expect(read.data!.project).toEqual({ plannedDeliveryAt: '2027-03-31T17:00:00.000Z' });
    const refused = await create(input('planned-2', { plannedDeliveryAt: '2200-01-01T00:00:00.000Z' }));
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('a crash half-way leaves no orphan', () => {
  it('before the workflow starts: nothing exists; the retry creates the project', async () => {
    const key = `create-${randomUUID()}`;
    createProjectFaults.beforeWorkflowStart = () => {
      throw new Error('simulated crash before the workflow start');
    };
    const crashed = await create(input(key));
    expect(crashed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    delete createProjectFaults.beforeWorkflowStart;

    const projectId = await projectIdOfKey(key);
    expect(await rows(projectId)).toEqual({ projects: 0, events: 0, addOns: 0 });
    await expect(app.temporal.workflow.getHandle(`project-${projectId}`).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    const retried = await created(input(key));
    expect(retried.id).toBe(projectId);
    expect(await rows(projectId)).toEqual({ projects: 1, events: 1, addOns: 2 });
    expect(await rowWrites(retried.workflowId)).toBe(1);
  });

  it('after the workflow starts: the workflow writes the row on its own; the retry attaches to it and answers it', async () => {
    const key = `create-${randomUUID()}`;
    createProjectFaults.afterWorkflowStart = () => {
      throw new Error('simulated crash between the workflow start and the row');
    };
    const crashed = await create(input(key));
    expect(crashed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    delete createProjectFaults.afterWorkflowStart;

    // No workflow without its row: the API is gone, and the workflow writes the row anyway.
    const projectId = await projectIdOfKey(key);
    const handle = app.temporal.workflow.getHandle(`project-${projectId}`);
    const { runId } = await handle.describe();
    expect(await eventually(() => rows(projectId), (r) => r.projects === 1)).toEqual({ projects: 1, events: 1, addOns: 2 });

    const retried = await created(input(key));
    expect(retried).toMatchObject({ id: projectId, workflowId: `project-${projectId}`, stage: 'REQUIREMENTS' });
    expect(await rows(projectId)).toEqual({ projects: 1, events: 1, addOns: 2 });
    expect((await handle.describe()).runId).toBe(runId);
    expect(await rowWrites(handle.workflowId)).toBe(1);
  });

  it('after the row is committed but before the activity reports it: the activity runs again and writes nothing twice', async () => {
    const key = `create-${randomUUID()}`;
    let crashes = 0;
    projectRecordFaults.afterCommit = () => {
      if (crashes++ === 0) throw new Error('simulated worker crash after the row was committed');
    };
    const project = await created(input(key));
    expect(crashes).toBe(2); // the first attempt "crashed", the second found the row written
    expect(await rows(project.id)).toEqual({ projects: 1, events: 1, addOns: 2 });
    expect(await rowWrites(project.workflowId)).toBe(1);
  });

  it('with the row already there, a retry answers it without touching Temporal again', async () => {
    const key = `create-${randomUUID()}`;
    const first = await created(input(key));
    createProjectFaults.beforeWorkflowStart = () => {
      throw new Error('must not be reached: the project exists');
    };
    expect(await created(input(key))).toEqual(first);
  });
});
