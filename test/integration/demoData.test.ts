import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEFAULT_SEED, DEMO_PROJECT_COUNT, generateDemoDataSet, startOfUtcDay } from '../../src/insights/demo/demoDataSet.js';
import { DEMO_TABLES, writeDemoData, type DemoTable, type DemoWriteResult } from '../../src/insights/demo/writeDemoData.js';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * `npm run seed:demo`'s writer against a real database (src/insights/demo/writeDemoData.ts):
 * every generated row lands, a second run adds nothing, and the API reads demo projects and
 * tickets as it reads any other.
 */

let app: TestApplication;
let first: DemoWriteResult;
const until = startOfUtcDay();

async function tableCounts(): Promise<Record<DemoTable, number>> {
  const counts = {} as Record<DemoTable, number>;
  for (const table of DEMO_TABLES) counts[table] = Number((await app.sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
  return counts;
}

beforeAll(async () => {
  app = await startTestApplication();
  first = await writeDemoData(app.orm, { seed: DEMO_DEFAULT_SEED, until });
});

afterAll(async () => {
  await app?.stop();
});

describe('the demo data writer', () => {
  it('writes every generated row once', async () => {
    expect(first.written).toBe(true);
    expect(first.inserted).toEqual(first.generated);
    expect(first.generated.project).toBe(DEMO_PROJECT_COUNT);
    const counts = await tableCounts();
    // The seeder's two clients are there besides the demo's; nothing else has rows yet.
    expect(counts).toEqual({ ...first.generated, client: first.generated.client + 2 });
    const [projects] = await app.sql<{ n: string }>(`select count(*) as n from project where workflow_id like 'demo-project-%'`);
    expect(Number(projects!.n)).toBe(DEMO_PROJECT_COUNT);
    const [tickets] = await app.sql<{ open: string; breached: string }>(
      `select count(*) filter (where status <> 'CLOSED' or next_due_at is not null) as open, count(*) filter (where sla_breached) as breached from ticket`,
    );
    expect(Number(tickets!.open)).toBe(0);
    expect(Number(tickets!.breached)).toBeGreaterThan(0);
  });

  it('stores the rows as the generator made them (json, numbers and times)', async () => {
    const data = generateDemoDataSet({ seed: DEMO_DEFAULT_SEED, until });
    const project = data.projects[41]!;
    const [row] = await app.sql(`select stage, sop_state, projected_seq, contract_value, policy, created_at from project where id = $1`, [project.id]);
    expect(row).toMatchObject({ stage: project.stage, projected_seq: project.projectedSeq, policy: project.policy, created_at: project.createdAt });
    expect(Number(row!.contract_value)).toBe(project.contractValue);
    expect(row!.sop_state).toEqual(JSON.parse(JSON.stringify(project.sopState)));
    const ticket = data.tickets[17]!;
    const [ticketRow] = await app.sql(`select sla_state, first_response_business_millis, opened_at from ticket where id = $1`, [ticket.id]);
    expect(ticketRow!.sla_state).toEqual(JSON.parse(JSON.stringify(ticket.slaState)));
    expect(Number(ticketRow!.first_response_business_millis)).toBe(ticket.firstResponseBusinessMillis);
    expect(ticketRow!.opened_at).toEqual(ticket.openedAt);
    const [nulls] = await app.sql<{ n: string }>(`select count(*) as n from timeline_event where details is null`);
    expect(Number(nulls!.n)).toBe(data.timelineEvents.filter((e) => e.details === null).length);
  });

  it('adds nothing when run again, with the same or another seed', async () => {
    const before = await tableCounts();
    const again = await writeDemoData(app.orm, { seed: DEMO_DEFAULT_SEED, until });
    expect(again.written).toBe(false);
    expect(again.existingProjects).toBe(DEMO_PROJECT_COUNT);
    expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
    const otherSeed = await writeDemoData(app.orm, { seed: 7, until: new Date(until.getTime() - 86_400_000) });
    expect(otherSeed.written).toBe(false);
    expect(await tableCounts()).toEqual(before);
  });

  it('lets the API read a demo project, its timeline and a demo ticket', async () => {
    const data = generateDemoDataSet({ seed: DEMO_DEFAULT_SEED, until });
    const project = data.projects.find((p) => p.servicePackage === 'PREMIUM' && data.timelineEvents.some((e) => e.project === p.id && e.type === 'STRESS_TEST_FAILED'))!;
    const { project: read } = ok(
      await app.gql<{ project: { id: string; stage: string; timeline: { type: string; details: { __typename: string } | null }[] } }>(
        `query ($id: UUID!) { project(id: $id) { id stage timeline { type details { __typename } } } }`,
        { id: project.id },
        { as: 'admin' },
      ),
    );
    expect(read.id).toBe(project.id);
    expect(read.stage).toBe('CLOSED');
    const events = data.timelineEvents.filter((e) => e.project === project.id);
    expect(read.timeline.map((e) => e.type)).toEqual(events.map((e) => e.type));
    expect(read.timeline.filter((e) => e.details === null).map((e) => e.type)).toEqual(events.filter((e) => e.details === null).map((e) => e.type));

    const ticket = data.tickets.find((t) => t.slaState.breaches.length > 0 && t.slaState.nextResponse !== null)!;
    const { ticket: readTicket } = ok(
      await app.gql<{ ticket: { id: string; status: string; clocks: { clock: string }[]; breaches: { clock: string }[]; messages: { body: string }[] } }>(
        `query ($id: UUID!) { ticket(id: $id) { id status clocks { clock } breaches { clock } messages { body } } }`,
        { id: ticket.id },
        { as: 'admin' },
      ),
    );
    expect(readTicket).toMatchObject({ id: ticket.id, status: 'CLOSED' });
    expect(readTicket.clocks.map((c) => c.clock)).toContain('NEXT_RESPONSE');
    expect(readTicket.breaches.map((b) => b.clock).sort()).toEqual(ticket.slaState.breaches.map((b) => b.clock).sort());
    expect(readTicket.messages.map((m) => m.body).sort()).toEqual(data.ticketMessages.filter((m) => m.ticket === ticket.id).map((m) => m.body).sort());
  });

  it('answers lead actions on a demo project waiting in after-care with STAGE_CONFLICT: it has no workflow', async () => {
    const data = generateDemoDataSet({ seed: DEMO_DEFAULT_SEED, until });
    const custom = data.projects.find((p) => p.stage === 'AFTERCARE')!;
    const response = await app.gql(
      `mutation ($input: RecordCostInput!) { recordCost(input: $input) { id } }`,
      { input: { projectId: custom.id, phase: 'OTHER', amount: 10 } },
      { as: custom.projectLead },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'STAGE_CONFLICT', rule: 'PROJECT_FINISHED' });
  });
});
