import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvDocument, csvField } from '../../src/aftersales/api/breachReportCsv.js';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The SLA breach report, over GraphQL and as CSV, against the real API and Postgres. The
 * read model is seeded with SQL (tickets and breach records as the projection writes
 * them), so every count and lateness is known: only breaches still owed grow with time,
 * and those are checked against the report's own `asOf`.
 */
let app: TestApplication;
let csvUrl: URL;

const ACME = SEED_CLIENTS[0]!;
const GLOBEX = SEED_CLIENTS[1]!;

const T = {
  /** Acme, mia.csm: a client's formula as its title; a met first response (90 min) and a resolution still owed. */
  formula: randomUUID(),
  /** Acme, mia.csm, RESOLVED: a met first response (30 min). */
  quoted: randomUUID(),
  /** Globex, noah.csm, CLOSED without meeting its resolution (120 min until closed). */
  closed: randomUUID(),
  /** Globex, noah.csm, OPEN and overdue for an hour, no breach recorded yet. */
  overdue: randomUUID(),
  /** Acme, nobody assigned, WAITING_FOR_CLIENT: a met next response (45 min), in April. */
  unassigned: randomUUID(),
  /** Globex, mia.csm, OPEN and due in two hours: in no report. */
  onTime: randomUUID(),
  /** Globex, admin (no team), RESOLVED: a met first response (10 min). */
  admin: randomUUID(),
};

const TITLES = {
  formula: '=HYPERLINK("x")',
  quoted: 'Checkout, "cart" broken',
  closed: '+1 for dark mode\r\nplease',
};

/** The resolution of the `formula` ticket, still owed: its lateness is `asOf` minus this. */
const OWED_DUE = '2025-03-10T10:00:00.000Z';

const MINUTE = 60_000;
const minutes = (millis: number) => Math.round(millis / 600) / 100;

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, as = 'admin'): Promise<T> {
  const response = await app.gql(query, variables, { as });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return Object.values(response.data!)[0] as T;
}

async function insertTicket(
  id: string,
  t: { projectId: string; clientId: string; title?: string; assignee: string | null; team: string | null; status: string; nextDueAt?: Date | null; closedAt?: string | null; severity?: string; category?: string },
) {
  await app.sql(
    `insert into ticket (id, project_id, client_id, title, description, channel, severity, category, status, affected_users, assignee, team,
                         opened_by, opened_at, closed_at, policy_version, calendar, sla_state, sla_breached, next_due_at, workflow_id, projected_seq, updated_at)
     values ($1, $2, $3, $4, '', 'PORTAL', $5, $6, $7, 1, $8, $9, 'acme.client', '2025-03-01T09:00:00Z', $10, 1, '{}', '{}', false, $11, $12, 1, now())`,
    [id, t.projectId, t.clientId, t.title ?? `Ticket ${id.slice(0, 8)}`, t.severity ?? 'MEDIUM', t.category ?? 'SYSTEM', t.status, t.assignee, t.team, t.closedAt ?? null, t.nextDueAt ?? null, `ticket-${id}`],
  );
}

async function insertBreach(ticketId: string, clock: string, round: number, dueAt: string, metAt: string | null) {
  await app.sql(`insert into sla_breach (ticket_id, clock, round, due_at, recorded_at, late_by_millis, met_at) values ($1, $2, $3, $4, $4::timestamptz + interval '30 seconds', 30000, $5)`, [
    ticketId,
    clock,
    round,
    dueAt,
    metAt,
  ]);
}

const REPORT = `query ($groupBy: BreachReportGroup!, $from: DateTimeISO, $to: DateTimeISO) {
  slaBreachReport(groupBy: $groupBy, from: $from, to: $to) {
    groupBy from to asOf
    rows { key label breaches stillOwed openOverdue worstLateMinutes averageLateMinutes ticketsAffected }
  }
}`;

const ITEMS = `query ($from: DateTimeISO, $to: DateTimeISO) {
  slaBreachReport(groupBy: AGENT, from: $from, to: $to) {
    asOf
    items { ticketId title clientId clientName assignee team severity category status clock round dueAt recordedAt metAt lateMinutes stillOwed }
  }
}`;

const report = (groupBy: string, window: { from?: string; to?: string } = {}, as = 'admin') => ok(REPORT, { groupBy, ...window }, as);

/** The lateness of the resolution still owed, as of the report's instant, in minutes and milliseconds. */
const owedLate = (asOf: string) => Date.parse(asOf) - Date.parse(OWED_DUE);

/** The average of latenesses given in minutes, with the still-owed one in milliseconds, as the report rounds it. */
const averageWithOwed = (asOf: string, metMinutes: number[]) => minutes((metMinutes.reduce((sum, m) => sum + m * MINUTE, 0) + owedLate(asOf)) / (metMinutes.length + 1));

/** GET the CSV report, with admin's token unless `token` says otherwise (null: no Authorization header). */
async function getCsv(params: Record<string, string> | string, token: string | null | { as: string } = { as: 'admin' }) {
  const url = new URL(csvUrl);
  url.search = typeof params === 'string' ? params : new URLSearchParams(params).toString();
  const authorization = token === null ? undefined : typeof token === 'string' ? token : `Bearer ${await app.tokenFor(token.as)}`;
  return fetch(url, { headers: authorization ? { authorization } : {} });
}

beforeAll(async () => {
  app = await startTestApplication();
  csvUrl = new URL('/reports/sla-breaches.csv', app.graphqlUrl);
  const createProject = async (clientId: string, name: string) =>
    (
      await ok<{ id: string }>(`mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
        input: { clientId, name, packageCode: 'STANDARD', projectLead: 'lin.pm' },
      })
    ).id;
  const acmeProject = await createProject(ACME.id, 'Acme web shop');
  const globexProject = await createProject(GLOBEX.id, 'Globex intranet');
  const acme = { projectId: acmeProject, clientId: ACME.id };
  const globex = { projectId: globexProject, clientId: GLOBEX.id };
  const inAnHour = (hours: number) => new Date(Date.now() + hours * 60 * MINUTE);

  await insertTicket(T.formula, { ...acme, title: TITLES.formula, assignee: 'mia.csm', team: 'key-accounts', status: 'OPEN', severity: 'HIGH', category: 'INCIDENT' });
  await insertBreach(T.formula, 'FIRST_RESPONSE', 1, '2025-03-03T10:00:00Z', '2025-03-03T11:30:00Z');
  await insertBreach(T.formula, 'RESOLUTION', 1, OWED_DUE, null);

  await insertTicket(T.quoted, { ...acme, title: TITLES.quoted, assignee: 'mia.csm', team: 'key-accounts', status: 'RESOLVED' });
  await insertBreach(T.quoted, 'FIRST_RESPONSE', 1, '2025-03-05T09:00:00Z', '2025-03-05T09:30:00Z');

  await insertTicket(T.closed, { ...globex, title: TITLES.closed, assignee: 'noah.csm', team: 'support', status: 'CLOSED', closedAt: '2025-03-06T12:00:00Z', severity: 'LOW', category: 'BUSINESS' });
  await insertBreach(T.closed, 'RESOLUTION', 1, '2025-03-06T10:00:00Z', null);

  await insertTicket(T.overdue, { ...globex, assignee: 'noah.csm', team: 'support', status: 'OPEN', nextDueAt: inAnHour(-1) });

  await insertTicket(T.unassigned, { ...acme, assignee: null, team: null, status: 'WAITING_FOR_CLIENT' });
  await insertBreach(T.unassigned, 'NEXT_RESPONSE', 2, '2025-04-02T08:00:00Z', '2025-04-02T08:45:00Z');

  await insertTicket(T.onTime, { ...globex, assignee: 'mia.csm', team: 'key-accounts', status: 'OPEN', nextDueAt: inAnHour(2) });

  await insertTicket(T.admin, { ...globex, assignee: 'admin', team: null, status: 'RESOLVED' });
  await insertBreach(T.admin, 'FIRST_RESPONSE', 1, '2025-03-20T12:00:00Z', '2025-03-20T12:10:00Z');
});

afterAll(async () => {
  await app?.stop();
});

describe('slaBreachReport over GraphQL', () => {
  it('groups by agent: most breaches first, then by username, nobody last; open overdue tickets without a breach record count', async () => {
    const result = await report('AGENT');
    expect(result).toMatchObject({ groupBy: 'AGENT', from: null, to: null });
    const { asOf } = result;
    expect(Math.abs(Date.parse(asOf) - Date.now())).toBeLessThan(60_000);
    expect(result.rows).toEqual([
      {
        key: 'mia.csm',
        label: 'mia.csm',
        breaches: 3,
        stillOwed: 1,
        openOverdue: 1,
        worstLateMinutes: minutes(owedLate(asOf)),
        averageLateMinutes: expect.closeTo(averageWithOwed(asOf, [90, 30]), 1),
        ticketsAffected: 2,
      },
      { key: 'admin', label: 'admin', breaches: 1, stillOwed: 0, openOverdue: 0, worstLateMinutes: 10, averageLateMinutes: 10, ticketsAffected: 1 },
      // The closed ticket's resolution is no longer owed and stopped counting when it closed; the overdue ticket has no breach record yet.
      { key: 'noah.csm', label: 'noah.csm', breaches: 1, stillOwed: 0, openOverdue: 1, worstLateMinutes: 120, averageLateMinutes: 120, ticketsAffected: 2 },
      { key: null, label: '(unassigned)', breaches: 1, stillOwed: 0, openOverdue: 0, worstLateMinutes: 45, averageLateMinutes: 45, ticketsAffected: 1 },
    ]);
    expect(Math.abs(result.rows[0].averageLateMinutes - averageWithOwed(asOf, [90, 30]))).toBeLessThanOrEqual(0.01);
  });

  it('groups by team, with the tickets of assignees without a team under (no team)', async () => {
    const { asOf, rows } = await report('TEAM', {}, 'mia.csm');
    expect(rows).toEqual([
      {
        key: 'key-accounts',
        label: 'key-accounts',
        breaches: 3,
        stillOwed: 1,
        openOverdue: 1,
        worstLateMinutes: minutes(owedLate(asOf)),
        averageLateMinutes: expect.any(Number),
        ticketsAffected: 2,
      },
      { key: null, label: '(no team)', breaches: 2, stillOwed: 0, openOverdue: 0, worstLateMinutes: 45, averageLateMinutes: 27.5, ticketsAffected: 2 },
      { key: 'support', label: 'support', breaches: 1, stillOwed: 0, openOverdue: 1, worstLateMinutes: 120, averageLateMinutes: 120, ticketsAffected: 2 },
    ]);
    expect(Math.abs(rows[0].averageLateMinutes - averageWithOwed(asOf, [90, 30]))).toBeLessThanOrEqual(0.01);
  });

  it("groups by client, keyed by the client's id and labelled with its name", async () => {
    const { asOf, rows } = await report('CLIENT', {}, 'noah.csm');
    expect(rows).toEqual([
      {
        key: ACME.id,
        label: ACME.name,
        breaches: 4,
        stillOwed: 1,
        openOverdue: 1,
        worstLateMinutes: minutes(owedLate(asOf)),
        averageLateMinutes: expect.any(Number),
        ticketsAffected: 3,
      },
      // The ticket due in two hours is not overdue: Globex has three tickets in the report, not four.
      { key: GLOBEX.id, label: GLOBEX.name, breaches: 2, stillOwed: 0, openOverdue: 1, worstLateMinutes: 120, averageLateMinutes: 65, ticketsAffected: 3 },
    ]);
    expect(Math.abs(rows[0].averageLateMinutes - averageWithOwed(asOf, [90, 30, 45]))).toBeLessThanOrEqual(0.01);
  });

  it('counts only deadlines in the window [from, to), overdue tickets included', async () => {
    const march = await report('AGENT', { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' });
    expect(march).toMatchObject({ from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' });
    expect(march.rows.map((r: any) => [r.key, r.breaches, r.stillOwed, r.openOverdue, r.ticketsAffected])).toEqual([
      ['mia.csm', 3, 1, 1, 2],
      ['admin', 1, 0, 0, 1],
      // Its open ticket's deadline (an hour ago) is not in March.
      ['noah.csm', 1, 0, 0, 1],
    ]);

    // The still-owed resolution (10 March) is outside: the ticket is not overdue in this window.
    const days = await report('AGENT', { from: '2025-03-04T00:00:00Z', to: '2025-03-07T00:00:00Z' });
    expect(days.rows).toEqual([
      { key: 'mia.csm', label: 'mia.csm', breaches: 1, stillOwed: 0, openOverdue: 0, worstLateMinutes: 30, averageLateMinutes: 30, ticketsAffected: 1 },
      { key: 'noah.csm', label: 'noah.csm', breaches: 1, stillOwed: 0, openOverdue: 0, worstLateMinutes: 120, averageLateMinutes: 120, ticketsAffected: 1 },
    ]);

    // `to` is exclusive: the breach due at 10:00 on 3 March is in, nothing due at `to` is.
    const untilFourth = await report('CLIENT', { to: '2025-03-05T09:00:00Z' });
    expect(untilFourth.rows.map((r: any) => [r.label, r.breaches, r.worstLateMinutes])).toEqual([[ACME.name, 1, 90]]);

    // The last two hours: only the ticket overdue without a breach record.
    const recent = await report('TEAM', { from: new Date(Date.now() - 2 * 60 * MINUTE).toISOString() });
    expect(recent.rows).toEqual([{ key: 'support', label: 'support', breaches: 0, stillOwed: 0, openOverdue: 1, worstLateMinutes: null, averageLateMinutes: null, ticketsAffected: 1 }]);

    const empty = await report('AGENT', { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' });
    expect(empty.rows).toEqual([]);
  });

  it('lists every breach in the window with its ticket, earliest due first', async () => {
    const { asOf, items } = await ok(ITEMS, { from: '2025-03-01T00:00:00Z' });
    expect(items.map((i: any) => [i.ticketId, i.clock, i.round])).toEqual([
      [T.formula, 'FIRST_RESPONSE', 1],
      [T.quoted, 'FIRST_RESPONSE', 1],
      [T.closed, 'RESOLUTION', 1],
      [T.formula, 'RESOLUTION', 1],
      [T.admin, 'FIRST_RESPONSE', 1],
      [T.unassigned, 'NEXT_RESPONSE', 2],
    ]);
    expect(items[0]).toEqual({
      ticketId: T.formula,
      title: TITLES.formula,
      clientId: ACME.id,
      clientName: ACME.name,
      assignee: 'mia.csm',
      team: 'key-accounts',
      severity: 'HIGH',
      category: 'INCIDENT',
      status: 'OPEN',
      clock: 'FIRST_RESPONSE',
      round: 1,
      dueAt: '2025-03-03T10:00:00.000Z',
      recordedAt: '2025-03-03T10:00:30.000Z',
      metAt: '2025-03-03T11:30:00.000Z',
      lateMinutes: 90,
      stillOwed: false,
    });
    expect(items[2]).toMatchObject({ ticketId: T.closed, status: 'CLOSED', metAt: null, lateMinutes: 120, stillOwed: false });
    expect(items[3]).toMatchObject({ ticketId: T.formula, metAt: null, lateMinutes: minutes(owedLate(asOf)), stillOwed: true });
    expect(items[5]).toMatchObject({ assignee: null, team: null, status: 'WAITING_FOR_CLIENT', lateMinutes: 45 });

    const window = await ok(ITEMS, { from: '2025-03-05T09:00:00Z', to: '2025-03-06T10:00:00Z' });
    expect(window.items.map((i: any) => i.ticketId)).toEqual([T.quoted]);
  });

  it('refuses a window whose from is not before its to with BAD_USER_INPUT', async () => {
    for (const window of [
      { from: '2025-04-01T00:00:00Z', to: '2025-03-01T00:00:00Z' },
      { from: '2025-03-01T00:00:00Z', to: '2025-03-01T00:00:00Z' },
    ]) {
      const response = await app.gql(REPORT, { groupBy: 'AGENT', ...window }, { as: 'admin' });
      expect(response.data).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    }
  });

  it('is for ADMIN and CSM: FORBIDDEN for a CLIENT and a LEAD, UNAUTHENTICATED anonymously', async () => {
    for (const as of ['acme.client', 'lin.pm']) {
      const response = await app.gql(REPORT, { groupBy: 'CLIENT' }, { as });
      expect(response.data).toBeNull();
      expect(response.errors![0]!.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await app.gql(REPORT, { groupBy: 'CLIENT' }, { as: null });
    expect(anonymous.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /reports/sla-breaches.csv', () => {
  it('answers the grouped rows as a CSV download', async () => {
    const response = await getCsv({ groupBy: 'AGENT', from: '2025-03-04T00:00:00Z', to: '2025-03-07T00:00:00Z' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="sla-breaches-by-agent-\d{8}T\d{6}Z\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(
      'key,label,breaches,stillOwed,openOverdue,worstLateMinutes,averageLateMinutes,ticketsAffected\r\n' +
        'mia.csm,mia.csm,1,0,0,30,30,1\r\n' +
        'noah.csm,noah.csm,1,0,0,120,120,1\r\n',
    );

    // A null key is an empty field; a group without breaches has empty lateness fields.
    const teams = await getCsv({ groupBy: 'TEAM', from: '2025-03-15T00:00:00Z', to: '2025-05-01T00:00:00Z' }, { as: 'mia.csm' });
    expect(await teams.text()).toBe('key,label,breaches,stillOwed,openOverdue,worstLateMinutes,averageLateMinutes,ticketsAffected\r\n,(no team),2,0,0,45,27.5,2\r\n');
    const recent = await getCsv({ groupBy: 'CLIENT', from: new Date(Date.now() - 2 * 60 * MINUTE).toISOString() });
    expect((await recent.text()).split('\r\n')[1]).toBe(`${GLOBEX.id},${GLOBEX.name},0,0,1,,,1`);
  });

  it('answers one line per breach without groupBy, quoted by RFC 4180 and with formulas neutralised', async () => {
    const response = await getCsv({ from: '2025-03-01T00:00:00Z', to: '2025-03-07T00:00:00Z' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="sla-breaches-items-\d{8}T\d{6}Z\.csv"$/);
    expect(await response.text()).toBe(
      'ticketId,title,clientId,clientName,assignee,team,severity,category,status,clock,round,dueAt,recordedAt,metAt,lateMinutes,stillOwed\r\n' +
        `${T.formula},"'=HYPERLINK(""x"")",${ACME.id},Acme Trading,mia.csm,key-accounts,HIGH,INCIDENT,OPEN,FIRST_RESPONSE,1,2025-03-03T10:00:00.000Z,2025-03-03T10:00:30.000Z,2025-03-03T11:30:00.000Z,90,false\r\n` +
        `${T.quoted},"Checkout, ""cart"" broken",${ACME.id},Acme Trading,mia.csm,key-accounts,MEDIUM,SYSTEM,RESOLVED,FIRST_RESPONSE,1,2025-03-05T09:00:00.000Z,2025-03-05T09:00:30.000Z,2025-03-05T09:30:00.000Z,30,false\r\n` +
        `${T.closed},"'+1 for dark mode\r\nplease",${GLOBEX.id},Globex Retail,noah.csm,support,LOW,BUSINESS,CLOSED,RESOLUTION,1,2025-03-06T10:00:00.000Z,2025-03-06T10:00:30.000Z,,120,false\r\n`,
    );
  });

  it('needs a valid bearer token: 401 in the API error shape', async () => {
    for (const token of [null, 'Bearer not-a-token', 'Basic YWRtaW46YWRtaW4=']) {
      const response = await getCsv({ groupBy: 'AGENT' }, token);
      expect(response.status, String(token)).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await response.json()) as any;
      expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    // Signing in comes before the parameters.
    expect((await getCsv({ groupBy: 'nope' }, null)).status).toBe(401);
  });

  it('is forbidden to a CLIENT and a LEAD: 403', async () => {
    for (const as of ['acme.client', 'lin.pm']) {
      const response = await getCsv({ groupBy: 'CLIENT' }, { as });
      expect(response.status).toBe(403);
      expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['ADMIN', 'CSM'] });
    }
  });

  it('refuses bad parameters with 400 BAD_USER_INPUT naming the parameter', async () => {
    const cases: [string, string][] = [
      ['groupBy=agent', 'groupBy'],
      ['groupBy=', 'groupBy'],
      ['groupBy=AGENT&groupBy=TEAM', 'groupBy'],
      ['from=yesterday', 'from'],
      ['to=2025-03-01', 'to'],
      // An unescaped + in an offset arrives as a space.
      ['from=2025-03-01T00:00:00+01:00', 'from'],
      ['from=2025-04-01T00:00:00Z&to=2025-03-01T00:00:00Z', 'to'],
      ['group=AGENT', 'group'],
    ];
    for (const [query, field] of cases) {
      const response = await getCsv(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // The same offset, escaped, is fine.
    expect((await getCsv('from=2025-03-01T00:00:00%2B01:00')).status).toBe(200);
  });

  it('allows only GET and HEAD', async () => {
    const response = await fetch(csvUrl, { method: 'POST', headers: { authorization: `Bearer ${await app.tokenFor('admin')}` } });
    expect(response.status).toBe(405);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes, CR and LF, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('neutralises what a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField('a=1')).toBe('a=1');
  });

  it('writes numbers, booleans and instants as they are', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(new Date('2025-03-03T10:00:00Z'))).toBe('2025-03-03T10:00:00.000Z');
    expect(csvDocument(['a', 'b'], [['x', null], ['-y', 2]])).toBe("a,b\r\nx,\r\n'-y,2\r\n");
  });
});
