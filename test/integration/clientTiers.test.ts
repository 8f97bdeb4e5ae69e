import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Client tiers as an ADMIN sets them and the data suggests them, over GraphQL against the
 * real stack: the suggestion's figures come from the client's projects, service reviews and
 * complaints; a change is kept with who and why; every running workflow of the client
 * (project, ticket) shows the new tier as its `ClientTier` search attribute.
 */

let app: TestApplication;
let clientId: string;
let projectId: string;
let ticketId: string;

const CLIENT_TIER_FIELDS = `tier tierSuggestion { tier reasons contractValue12m projects12m nps npsResponses complaints12m }
  tierHistory { fromTier toTier changedBy reason suggestedTier suggestionReasons changedAt }`;
const readClient = async (as = 'admin') => ok(await app.gql<{ client: any }>(`query ($id: UUID!) { client(id: $id) { ${CLIENT_TIER_FIELDS} } }`, { id: clientId }, { as })).client;
const setTier = (input: Record<string, unknown>, as = 'admin') =>
  app.gql<{ setClientTier: { tier: string } }>(`mutation ($input: SetClientTierInput!) { setClientTier(input: $input) { tier } }`, { input }, { as });

async function searchAttributeTier(workflowId: string): Promise<unknown> {
  return (await app.temporal.workflow.getHandle(workflowId).describe()).searchAttributes.ClientTier;
}

beforeAll(async () => {
  app = await startTestApplication();
  clientId = ok(await app.gql<{ createClient: { id: string } }>(`mutation { createClient(input: { name: "Initech", tier: B, dedicatedCsm: "mia.csm" }) { id } }`, {}, { as: 'admin' })).createClient.id;
  const create = async (name: string, contractValue: number) =>
    ok(
      await app.gql<{ createProject: { id: string } }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
        input: { clientId, name, packageCode: 'STANDARD', projectLead: 'lin.pm', contractValue },
      }),
    ).createProject.id;
  projectId = await create('Initech intranet', 60_000);
  await create('Initech shop', 70_000);
  ticketId = ok(
    await app.gql<{ openTicket: { id: string } }>(
      `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
      { input: { projectId, title: 'Slow search', severity: 'LOW', category: 'COMPLAINT' } },
      { as: 'mia.csm' },
    ),
  ).openTicket.id;
});

afterAll(async () => {
  await app?.stop();
});

describe('client tiers', () => {
  it("suggests a tier from the client's own data, with the figures and reasons", async () => {
    const { tierSuggestion } = await readClient('lin.pm');
    expect(tierSuggestion).toEqual({
      tier: 'A',
      reasons: ['contract value over 12 months 130,000 ≥ 100,000'],
      contractValue12m: 130_000,
      projects12m: 2,
      nps: null,
      npsResponses: 0,
      complaints12m: 1,
    });
    // Service reviews feed the NPS: two promoters and one detractor of three.
    for (const [seq, npsScore] of [[900, 10], [901, 9], [902, 3]] as const) {
      await app.sql(
        `insert into timeline_event (project_id, seq, type, from_stage, to_stage, actor, occurred_at, summary, details) values ($1, $2, 'SERVICE_REVIEW_SUBMITTED', 'AFTERCARE', 'AFTERCARE', 'lin.pm', now(), 'review', $3)`,
        [projectId, seq, JSON.stringify({ npsScore, comment: null })],
      );
    }
    expect((await readClient()).tierSuggestion).toMatchObject({ nps: 33, npsResponses: 3 });
  });

  it('keeps every change with who, why and what the data suggested; only an ADMIN changes it', async () => {
    expect((await setTier({ clientId, tier: 'A', reason: 'Signed a framework contract' }, 'lin.pm')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const bad = await setTier({ clientId, tier: 'A', reason: 'nul \u0000' });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await setTier({ clientId: '00000000-0000-4000-8000-0000000000ff', tier: 'A', reason: 'x' })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await readClient()).tier).toBe('B');

    expect(ok(await setTier({ clientId, tier: 'A', reason: 'Signed a framework contract' })).setClientTier.tier).toBe('A');
    ok(await setTier({ clientId, tier: 'A', reason: 'Again: no new history' }));
    const client = await readClient();
    expect(client.tier).toBe('A');
    expect(client.tierHistory).toEqual([
      {
        fromTier: 'B',
        toTier: 'A',
        changedBy: 'admin',
        reason: 'Signed a framework contract',
        suggestedTier: 'A',
        suggestionReasons: ['contract value over 12 months 130,000 ≥ 100,000'],
        changedAt: expect.any(String),
      },
    ]);
    // The reasoning rests on contract values: not for CSMs (staged disclosure), nor for another client's people.
    const asCsm = await app.gql(`query ($id: UUID!) { client(id: $id) { tier tierSuggestion { tier } tierHistory { reason } } }`, { id: clientId }, { as: 'mia.csm' });
    expect(asCsm.data!.client).toEqual({ tier: 'A', tierSuggestion: null, tierHistory: null });
    expect(asCsm.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const asClient = await app.gql(`query ($id: UUID!) { client(id: $id) { tierHistory { reason } } }`, { id: clientId }, { as: 'acme.client' });
    expect(asClient.data?.client ?? null).toBeNull();
  });

  it("shows the new tier on every running workflow of the client, for ops' filters", async () => {
    const until = async (workflowId: string, tier: string) => {
      for (let i = 0; i < 100 && JSON.stringify(await searchAttributeTier(workflowId)) !== JSON.stringify([tier]); i++) await new Promise((r) => setTimeout(r, 100));
      return searchAttributeTier(workflowId);
    };
    expect(await until(`project-${projectId}`, 'A')).toEqual(['A']);
    expect(await until(`ticket-${ticketId}`, 'A')).toEqual(['A']);
    ok(await setTier({ clientId, tier: 'C', reason: 'Contract ended' }));
    expect(await until(`project-${projectId}`, 'C')).toEqual(['C']);
    expect(await until(`ticket-${ticketId}`, 'C')).toEqual(['C']);
    const [{ count }] = (await app.sql<{ count: string }>('select count(*) from client_tier_change where client_id = $1', [clientId])) as [{ count: string }];
    expect(Number(count)).toBe(2);
  });
});
