import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketSlaInput } from '../../workflows/aftersales/ticketSla.js';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { ok, startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The SLA_* settings reach each new ticket's workflow: the warning share, the lead time
 * and, with warnings held to business hours, the recipients' calendar (the assignee's
 * team's, else the agency's). What the workflow does with them is in
 * test/workflow/ticketSla.test.ts; this checks the API hands them over, read back from the
 * workflow's start event as ops would see it in the Temporal UI.
 */

let app: TestApplication;

const week = (intervals: [number, number][]) => ['MON', 'TUE', 'WED', 'THU', 'FRI'].map((day) => ({ day, intervals: intervals.map(([startMinute, endMinute]) => ({ startMinute, endMinute })) }));

async function setCalendar(scope: string, scopeKey: string, timeZone: string) {
  ok(
    await app.gql(
      `mutation ($input: SetBusinessCalendarInput!) { setBusinessCalendar(input: $input) { written } }`,
      { input: { scope, scopeKey, calendar: { timeZone, week: week([[540, 1020]]), holidays: [] } } },
      { as: 'admin' },
    ),
  );
}

/** The input the ticket's workflow started with. */
async function workflowInput(ticketId: string): Promise<TicketSlaInput> {
  const history = await app.temporal.workflow.getHandle(`ticket-${ticketId}`).fetchHistory();
  const payload = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
  return JSON.parse(new TextDecoder().decode(payload.data!)) as TicketSlaInput;
}

async function openTicket(projectId: string) {
  const input = { projectId, title: 'Nightly export missing', severity: 'MEDIUM', category: 'SYSTEM' };
  return ok(await app.gql<{ openTicket: { id: string; assignee: string } }>(`mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id assignee } }`, { input }, { as: 'acme.client' })).openTicket;
}

let projectId: string;

beforeAll(async () => {
  app = await startTestApplication({ slaAlerting: { warnShare: 0.5, leadTimeMillis: 10 * 60_000, warningsInBusinessHours: true } });
  const input = { clientId: SEED_CLIENTS[0]!.id, name: 'Acme exports', packageCode: 'STANDARD', projectLead: 'lin.pm' };
  projectId = ok(await app.gql<{ createProject: { id: string } }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input })).createProject.id;
});

afterAll(async () => {
  await app?.stop();
});

describe('SLA alerting settings', () => {
  it('hand the warning share and lead time to each new ticket; no calendar anywhere: warnings do not wait', async () => {
    const ticket = await openTicket(projectId);
    const input = await workflowInput(ticket.id);
    expect(input).toMatchObject({ warnShare: 0.5, leadTimeMillis: 600_000 });
    expect(input.warningsIn).toBeUndefined();
  });

  it("hold warnings to the agency's business hours, and to the assignee's team's once the team has its own", async () => {
    await setCalendar('AGENCY', '', 'Europe/Berlin');
    const agencyHours = await workflowInput((await openTicket(projectId)).id);
    expect(agencyHours.warningsIn).toMatchObject({ timeZone: 'Europe/Berlin' });

    // Acme is tier A: its tickets go to mia.csm, of the key-accounts team.
    await setCalendar('TEAM', 'key-accounts', 'Asia/Shanghai');
    const ticket = await openTicket(projectId);
    expect(ticket.assignee).toBe('mia.csm');
    const teamHours = await workflowInput(ticket.id);
    expect(teamHours.warningsIn).toMatchObject({ timeZone: 'Asia/Shanghai', week: { MON: [[540, 1020]] } });
  });
});
