import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimelineProjectionActivities } from '../../src/delivery/activities/timelineProjection.js';
import { TIMELINE_EVENTS_CHANNEL } from '../../src/delivery/domain/timelineNotice.js';
import type { TimelineEvent } from '../../src/delivery/domain/timelineEvent.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The timeline projection as a local activity writes it: run again whenever a workflow
 * task is retried, possibly for another update at the same seq (a worker that died after
 * the write, before its task completed). Against the real Postgres of a running stack.
 */
let app: TestApplication;
let listener: pg.Client;
const heard: { projectId: string; seq: number; type: string }[] = [];

beforeAll(async () => {
  app = await startTestApplication();
  listener = new pg.Client({ connectionString: app.databaseUrl });
  await listener.connect();
  listener.on('notification', ({ payload }) => heard.push(JSON.parse(payload!)));
  await listener.query(`LISTEN ${TIMELINE_EVENTS_CHANNEL}`);
});

afterAll(async () => {
  await listener?.end();
  await app?.stop();
});

async function createProject(): Promise<string> {
  const client = await app.gql(`mutation { createClient(input: { name: "Projection Co", tier: B }) { id } }`);
  const created = await app.gql(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
    input: { clientId: client.data!.createClient.id, name: 'Projection shop', packageCode: 'STANDARD', projectLead: 'lin.pm' },
  });
  expect(created.errors).toBeUndefined();
  return created.data!.createProject.id;
}

/** The event of the `n`th communication round at `seq`, with the state after it. */
async function roundEvent(projectId: string, seq: number, n: number, summary: string): Promise<TimelineEvent> {
  const [{ sop_state: state }] = (await app.sql('select sop_state from project where id = $1', [projectId])) as [{ sop_state: any }];
  const occurredAt = new Date().toISOString();
  return {
    projectId,
    seq,
    type: 'COMMUNICATION_ROUND_LOGGED',
    details: { round: n, channel: 'EMAIL', summary, attendees: [], occurredAt },
    fromStage: 'REQUIREMENTS',
    toStage: 'REQUIREMENTS',
    actor: 'lin.pm',
    occurredAt,
    summary: `Communication round ${n} (EMAIL) logged`,
    state: { ...state, communicationRounds: n, lastEventSeq: seq },
  };
}

/** The notices heard for a project's actions so far (after PROJECT_CREATED): a round trip on the listening connection first, so all have arrived. */
async function noticesOf(projectId: string) {
  await listener.query('select 1');
  await new Promise((resolve) => setTimeout(resolve, 100));
  return heard.filter((notice) => notice.projectId === projectId && notice.seq > 0).map(({ seq, type }) => ({ seq, type }));
}

const rowAt = async (projectId: string, seq: number) =>
  (await app.sql('select details, occurred_at from timeline_event where project_id = $1 and seq = $2', [projectId, seq]))[0];
const snapshotOf = async (projectId: string) =>
  (await app.sql('select projected_seq, sop_state from project where id = $1', [projectId]))[0] as { projected_seq: number; sop_state: any };

describe('the timeline projection, run again', () => {
  it('keeps the first write of an event retried a moment later (same content, another workflow time), and announces it once', async () => {
    const projectId = await createProject();
    const { recordTimelineEvent } = createTimelineProjectionActivities(app.orm);
    const event = await roundEvent(projectId, 1, 1, 'Kick-off');
    await recordTimelineEvent(event);
    const first = await rowAt(projectId, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordTimelineEvent({ ...event, occurredAt: new Date().toISOString() });
    expect(await rowAt(projectId, 1)).toEqual(first);
    expect(await noticesOf(projectId)).toEqual([{ seq: 1, type: 'COMMUNICATION_ROUND_LOGGED' }]);
    expect((await snapshotOf(projectId)).projected_seq).toBe(1);
  });

  it('replaces an event of a workflow task that never completed with what the retried task wrote at that seq, and announces it again', async () => {
    const projectId = await createProject();
    const { recordTimelineEvent } = createTimelineProjectionActivities(app.orm);
    // The dead task's write: round "Lost" at seq 1.
    await recordTimelineEvent(await roundEvent(projectId, 1, 1, 'Lost'));
    // The retried task took another update first: round "Kept" at seq 1.
    const kept = await roundEvent(projectId, 1, 1, 'Kept');
    await recordTimelineEvent({ ...kept, state: { ...kept.state, stagingUrl: 'https://kept.example.test' } });
    expect((await rowAt(projectId, 1))!.details).toMatchObject({ summary: 'Kept' });
    expect(await app.sql('select count(*)::int as n from timeline_event where project_id = $1', [projectId])).toEqual([{ n: 2 }]);
    const snapshot = await snapshotOf(projectId);
    expect(snapshot.projected_seq).toBe(1);
    expect(snapshot.sop_state.stagingUrl).toBe('https://kept.example.test');
    expect(await noticesOf(projectId)).toEqual([
      { seq: 1, type: 'COMMUNICATION_ROUND_LOGGED' },
      { seq: 1, type: 'COMMUNICATION_ROUND_LOGGED' },
    ]);
  });

  it('never moves the snapshot back to an older seq written late', async () => {
    const projectId = await createProject();
    const { recordTimelineEvent } = createTimelineProjectionActivities(app.orm);
    const older = await roundEvent(projectId, 1, 1, 'First');
    const newer = await roundEvent(projectId, 2, 2, 'Second');
    await recordTimelineEvent(newer);
    await recordTimelineEvent(older);
    const snapshot = await snapshotOf(projectId);
    expect(snapshot.projected_seq).toBe(2);
    expect(snapshot.sop_state.communicationRounds).toBe(2);
    expect((await app.sql('select seq from timeline_event where project_id = $1 order by seq', [projectId])).map((row) => row.seq)).toEqual([0, 1, 2]);
  });
});
