import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../src/aftersales/domain/businessCalendar.js';
import { calendarFor } from '../../src/aftersales/services/slaSettings.js';
import { SEED_CLIENTS } from '../../src/identity/domain/seedUsers.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * SLA policies and business-hours calendars are data an ADMIN edits, with versions: each
 * change writes the next version, the highest is in force, and nothing else may write
 * them. Over GraphQL against the real API and Postgres.
 */
let app: TestApplication;

beforeAll(async () => {
  app = await startTestApplication();
});

afterAll(async () => {
  await app?.stop();
});

const TARGETS = 'firstResponseMinutes nextResponseMinutes resolutionMinutes calendar';
const RULE = `id note match { severity category tier minAffectedUsers } targets { ${TARGETS} } selfServiceFirst`;
const POLICY = `policy { version defaults { LOW { ${TARGETS} } MEDIUM { ${TARGETS} } HIGH { ${TARGETS} } } rules { ${RULE} } routing { dedicatedCsmTiers } }`;
const VERSION = `version ${POLICY} packageOverrides { code rules { ${RULE} } } addOnOverrides { code rules { ${RULE} } } createdBy createdAt`;
const SLA_POLICY = `{ slaPolicy { ${VERSION} } }`;
const SLA_POLICY_VERSIONS = `{ slaPolicyVersions { version createdBy policy { version } } }`;
const UPDATE = `mutation ($input: UpdateSlaPolicyInput!) { updateSlaPolicy(input: $input) { written warnings { code path message } version { ${VERSION} } } }`;

const CALENDAR = 'timeZone week { day intervals { startMinute endMinute } } holidays';
const CALENDAR_VERSION = `scope scopeKey version calendar { ${CALENDAR} } createdBy createdAt`;
const SET_CALENDAR = `mutation ($input: SetBusinessCalendarInput!) { setBusinessCalendar(input: $input) { written version { ${CALENDAR_VERSION} } } }`;

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, as = 'admin'): Promise<T> {
  const response = await app.gql(query, variables, { as });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return Object.values(response.data!)[0] as T;
}

const storedVersions = async () => (await app.sql('select version from sla_policy_version order by version')).map((row) => row.version as number);

/** The policy in force, shaped as `SlaPolicyInput` (the API's output and input shapes agree). */
async function currentPolicyInput() {
  const { policy } = await ok(SLA_POLICY);
  const { version: _version, ...input } = policy;
  return input;
}

const hours = (h: number, calendar = 'ALWAYS') => ({ firstResponseMinutes: h * 60, nextResponseMinutes: h * 60, resolutionMinutes: h * 60 * 4, calendar });

describe('the SLA policy', () => {
  it('starts as the seeded version 1: the seed promises, in minutes', async () => {
    const v1 = await ok(SLA_POLICY, {}, 'mia.csm');
    expect(v1).toMatchObject({ version: 1, createdBy: 'seed', packageOverrides: [], addOnOverrides: [] });
    expect(v1.policy.version).toBe(1);
    expect(v1.policy.defaults).toEqual({
      LOW: { firstResponseMinutes: 48 * 60, nextResponseMinutes: 24 * 60, resolutionMinutes: 240 * 60, calendar: 'ALWAYS' },
      MEDIUM: { firstResponseMinutes: 24 * 60, nextResponseMinutes: 12 * 60, resolutionMinutes: 120 * 60, calendar: 'ALWAYS' },
      HIGH: { firstResponseMinutes: 12 * 60, nextResponseMinutes: 6 * 60, resolutionMinutes: 72 * 60, calendar: 'ALWAYS' },
    });
    const byId = Object.fromEntries(v1.policy.rules.map((rule: any) => [rule.id, rule]));
    expect(Object.keys(byId)).toEqual(['incident-public-response', 'complaint-remedy-plan', 'business-callback', 'strategic-csm', 'system-self-service']);
    expect(byId['incident-public-response']).toMatchObject({ match: { category: 'INCIDENT', minAffectedUsers: 10, severity: null, tier: null }, targets: { firstResponseMinutes: 60 } });
    expect(byId['complaint-remedy-plan']).toMatchObject({ match: { category: 'COMPLAINT' }, targets: { firstResponseMinutes: 120, resolutionMinutes: 72 * 60 }, selfServiceFirst: null });
    expect(byId['business-callback'].targets.firstResponseMinutes).toBe(60);
    expect(byId['strategic-csm'].targets.firstResponseMinutes).toBe(240);
    expect(byId['system-self-service']).toMatchObject({ match: { category: 'SYSTEM' }, targets: null, selfServiceFirst: true });
    expect(v1.policy.routing).toEqual({ dedicatedCsmTiers: ['A'] });
    expect(await ok(SLA_POLICY_VERSIONS, {}, 'lin.pm')).toEqual([{ version: 1, createdBy: 'seed', policy: { version: 1 } }]);
  });

  it('takes an ADMIN edit as version 2, in force, with version 1 still listed', async () => {
    const policy = await currentPolicyInput();
    policy.rules[1].targets.firstResponseMinutes = 90;
    const result = await ok(UPDATE, {
      input: {
        policy,
        packageOverrides: [{ code: 'PREMIUM', rules: [{ id: 'premium-high', note: 'Premium answers HIGH within 4 hours.', match: { severity: 'HIGH' }, targets: hours(4, 'BUSINESS_HOURS') }] }],
        addOnOverrides: [{ code: 'ANNUAL_MAINTENANCE', rules: [{ id: 'maintenance-self-service', match: { category: 'BUSINESS' }, selfServiceFirst: false }] }],
      },
    });
    expect(result).toMatchObject({ written: true, warnings: [], version: { version: 2, createdBy: 'admin', policy: { version: 2 } } });
    expect(result.version.policy.rules[1]).toMatchObject({ id: 'complaint-remedy-plan', targets: { firstResponseMinutes: 90 } });
    expect(result.version.packageOverrides).toEqual([
      {
        code: 'PREMIUM',
        rules: [
          {
            id: 'premium-high',
            note: 'Premium answers HIGH within 4 hours.',
            match: { severity: 'HIGH', category: null, tier: null, minAffectedUsers: null },
            targets: hours(4, 'BUSINESS_HOURS'),
            selfServiceFirst: null,
          },
        ],
      },
    ]);
    expect(result.version.addOnOverrides[0]).toMatchObject({ code: 'ANNUAL_MAINTENANCE', rules: [{ id: 'maintenance-self-service', targets: null, selfServiceFirst: false }] });

    const inForce = await ok(SLA_POLICY, {}, 'noah.csm');
    expect(inForce).toEqual(result.version);
    expect(await ok(SLA_POLICY_VERSIONS, {}, 'mia.csm')).toEqual([
      { version: 2, createdBy: 'admin', policy: { version: 2 } },
      { version: 1, createdBy: 'seed', policy: { version: 1 } },
    ]);
    // Stored in the domain's milliseconds, nulls left out, the version stamped into the policy.
    const [row] = await app.sql('select policy, package_overrides, add_on_overrides from sla_policy_version where version = 2');
    expect(row!.policy.version).toBe(2);
    expect(row!.policy.rules[1].targets.firstResponseMillis).toBe(90 * 60_000);
    expect(row!.package_overrides).toEqual({
      PREMIUM: [
        {
          id: 'premium-high',
          note: 'Premium answers HIGH within 4 hours.',
          match: { severity: 'HIGH' },
          targets: { firstResponseMillis: 4 * 3_600_000, nextResponseMillis: 4 * 3_600_000, resolutionMillis: 16 * 3_600_000, calendar: 'BUSINESS_HOURS' },
        },
      ],
    });
    expect(row!.add_on_overrides).toEqual({ ANNUAL_MAINTENANCE: [{ id: 'maintenance-self-service', match: { category: 'BUSINESS' }, selfServiceFirst: false }] });
  });

  it('keeps the parts left out, and writes no version for a change that changes nothing', async () => {
    const before = await storedVersions();
    const current = await ok(SLA_POLICY);
    const policy = await currentPolicyInput();
    const same = await ok(UPDATE, { input: { policy } });
    expect(same).toMatchObject({ written: false, version: { version: current.version } });
    expect(same.version).toEqual(current);
    const nothing = await ok(UPDATE, { input: {} });
    expect(nothing).toMatchObject({ written: false, version: { version: current.version } });
    // The same overrides again, with null fields spelled out: still no change.
    const overrides = current.packageOverrides;
    expect(await ok(UPDATE, { input: { packageOverrides: overrides } })).toMatchObject({ written: false });
    expect(await storedVersions()).toEqual(before);

    // Only the add-on overrides change: the policy and the package overrides are kept.
    const changed = await ok(UPDATE, { input: { addOnOverrides: [] } });
    expect(changed).toMatchObject({ written: true, version: { version: current.version + 1, addOnOverrides: [], packageOverrides: current.packageOverrides } });
    expect(changed.version.policy).toEqual({ ...current.policy, version: current.version + 1 });
    expect(await storedVersions()).toEqual([...before, current.version + 1]);
  });

  it('stores a rule an earlier rule always beats, and returns it as a warning', async () => {
    const policy = await currentPolicyInput();
    policy.rules.push({ id: 'high-complaint', match: { category: 'COMPLAINT', severity: 'HIGH' }, targets: hours(1) });
    const result = await ok(UPDATE, { input: { policy } });
    expect(result.written).toBe(true);
    expect(result.warnings).toEqual([{ code: 'UNREACHABLE_RULE', path: `policy.rules[${policy.rules.length - 1}]`, message: expect.stringContaining('complaint-remedy-plan') }]);
    expect(result.version.policy.rules.at(-1).id).toBe('high-complaint');
  });

  const rule = (id: string, targets: object, note?: string) => ({ id, note, match: {}, targets });
  it.each([
    [
      'a first response due after the resolution',
      async () => {
        const policy = await currentPolicyInput();
        policy.defaults.LOW = { firstResponseMinutes: 600, nextResponseMinutes: 60, resolutionMinutes: 300, calendar: 'ALWAYS' };
        return { policy };
      },
      'policy.defaults.LOW.firstResponseMinutes',
    ],
    [
      'a target longer than a year',
      async () => {
        const policy = await currentPolicyInput();
        policy.rules[0].targets.resolutionMinutes = 525_601;
        return { policy };
      },
      'policy.rules[0].targets.resolutionMinutes',
    ],
    [
      'two rules with one id',
      async () => {
        const policy = await currentPolicyInput();
        policy.rules[1].id = policy.rules[0].id;
        return { policy };
      },
      'policy.rules[1].id',
    ],
    ['an unknown package code in the overrides', async () => ({ packageOverrides: [{ code: 'GOLD', rules: [rule('gold', hours(1))] }] }), 'packageOverrides[0]'],
    ['an unknown add-on code in the overrides', async () => ({ addOnOverrides: [{ code: 'TRAINING', rules: [] }, { code: 'NOPE', rules: [rule('nope', hours(1))] }] }), 'addOnOverrides[1]'],
    [
      'an invalid override rule',
      async () => ({ packageOverrides: [{ code: 'STANDARD', rules: [] }, { code: 'PREMIUM', rules: [rule('zero', { ...hours(1), nextResponseMinutes: 0 })] }] }),
      'packageOverrides[1].rules[0].targets.nextResponseMinutes',
    ],
    ['a package listed twice', async () => ({ packageOverrides: [{ code: 'PREMIUM', rules: [] }, { code: 'PREMIUM', rules: [] }] }), 'packageOverrides[1].code'],
    [
      'a NUL in a note',
      async () => {
        const policy = await currentPolicyInput();
        policy.rules[0].note = 'bad \u0000 note';
        return { policy };
      },
      'input.policy.rules[0].note',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_what, input, field) => {
    const before = await app.sql('select version, policy, package_overrides, add_on_overrides from sla_policy_version order by version');
    const response = await app.gql(UPDATE, { input: await input() }, { as: 'admin' });
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0]?.message).toContain(field);
    expect(await app.sql('select version, policy, package_overrides, add_on_overrides from sla_policy_version order by version')).toEqual(before);
  });

  it.each(['lin.pm', 'mia.csm', 'acme.client'])('refuses an edit by %s with FORBIDDEN, writing nothing', async (user) => {
    const before = await storedVersions();
    const response = await app.gql(UPDATE, { input: { policy: await currentPolicyInput(), addOnOverrides: [] } }, { as: user });
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storedVersions()).toEqual(before);
  });

  it('shows the policy to agency staff only', async () => {
    for (const query of [SLA_POLICY, SLA_POLICY_VERSIONS]) {
      expect((await app.gql(query, {}, { as: 'acme.client' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await app.gql(query, {}, { as: null })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('numbers two concurrent edits n+1 and n+2, never the same version twice', async () => {
    const before = await storedVersions();
    const n = before.at(-1)!;
    const policy = await currentPolicyInput();
    const edit = (minutes: number) => {
      const changed = structuredClone(policy);
      changed.defaults.HIGH.firstResponseMinutes = minutes;
      return app.gql(UPDATE, { input: { policy: changed } }, { as: 'admin' });
    };
    const responses = await Promise.all([edit(11 * 60), edit(10 * 60), edit(9 * 60)]);
    for (const response of responses) expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(responses.map((r) => r.data!.updateSlaPolicy.version.version as number).sort((a, b) => a - b)).toEqual([n + 1, n + 2, n + 3]);
    expect(await storedVersions()).toEqual([...before, n + 1, n + 2, n + 3]);
    const [latest] = await app.sql('select policy from sla_policy_version order by version desc limit 1');
    expect(latest!.policy.version).toBe(n + 3);
  });
});

describe('business-hours calendars', () => {
  const nineToFive = [{ startMinute: 540, endMinute: 1020 }];
  const BERLIN = {
    timeZone: 'Europe/Berlin',
    week: ['MON', 'TUE', 'WED', 'THU', 'FRI'].map((day) => ({ day, intervals: nineToFive })),
    holidays: ['2026-12-25', '2026-12-24'],
  };
  const [acme, globex] = SEED_CLIENTS;

  it('counts around the clock while no calendar is set', async () => {
    expect(await ok(`{ businessCalendars { scope } }`, {}, 'mia.csm')).toEqual([]);
    expect(await calendarFor(app.orm.em.fork(), { clientId: acme!.id, team: 'key-accounts' })).toEqual(ALWAYS_OPEN);
  });

  it("sets a team's calendar as its version 1 and reads it back", async () => {
    const set = await ok(SET_CALENDAR, { input: { scope: 'TEAM', scopeKey: 'key-accounts', calendar: BERLIN } });
    const expected = {
      scope: 'TEAM',
      scopeKey: 'key-accounts',
      version: 1,
      createdBy: 'admin',
      calendar: {
        timeZone: 'Europe/Berlin',
        week: [
          ...['MON', 'TUE', 'WED', 'THU', 'FRI'].map((day) => ({ day, intervals: nineToFive })),
          { day: 'SAT', intervals: [] },
          { day: 'SUN', intervals: [] },
        ],
        holidays: ['2026-12-24', '2026-12-25'],
      },
    };
    expect(set).toMatchObject({ written: true, version: expected });
    expect(await ok(`{ businessCalendars { ${CALENDAR_VERSION} } }`, {}, 'noah.csm')).toEqual([set.version]);
    expect(await ok(`{ businessCalendarVersions(scope: TEAM, scopeKey: "key-accounts") { ${CALENDAR_VERSION} } }`, {}, 'lin.pm')).toEqual([set.version]);
    expect(await app.sql(`select calendar from business_calendar_version where scope = 'TEAM' and scope_key = 'key-accounts'`)).toEqual([
      { calendar: { timeZone: 'Europe/Berlin', week: Object.fromEntries(['MON', 'TUE', 'WED', 'THU', 'FRI'].map((day) => [day, [[540, 1020]]])), holidays: ['2026-12-24', '2026-12-25'] } },
    ]);

    // The same calendar again (days in another order, closed days spelled out) writes nothing.
    const again = await ok(SET_CALENDAR, {
      input: { scope: 'TEAM', scopeKey: 'key-accounts', calendar: { ...BERLIN, week: [{ day: 'SUN', intervals: [] }, ...[...BERLIN.week].reverse()], holidays: ['2026-12-25', '2026-12-24', '2026-12-25'] } },
    });
    expect(again).toMatchObject({ written: false, version: { version: 1 } });
    // A change is version 2.
    const changed = await ok(SET_CALENDAR, { input: { scope: 'TEAM', scopeKey: 'key-accounts', calendar: { ...BERLIN, holidays: [] } } });
    expect(changed).toMatchObject({ written: true, version: { version: 2, calendar: { holidays: [] } } });
    const versions = await ok(`{ businessCalendarVersions(scope: TEAM, scopeKey: "key-accounts") { version } }`);
    expect(versions).toEqual([{ version: 2 }, { version: 1 }]);
    await ok(SET_CALENDAR, { input: { scope: 'TEAM', scopeKey: 'key-accounts', calendar: BERLIN } });
  });

  it.each([
    ['TEAM', 'nobody', 'Team'],
    ['TEAM', '', 'Team'],
    ['CLIENT', randomUUID(), 'Client'],
    ['CLIENT', 'not-a-uuid', 'Client'],
  ])('answers NOT_FOUND for %s %j', async (scope, scopeKey, entity) => {
    const response = await app.gql(SET_CALENDAR, { input: { scope, scopeKey, calendar: BERLIN } }, { as: 'admin' });
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity });
  });

  it.each([
    ['an unknown time zone', { ...BERLIN, timeZone: 'Mars/Olympus_Mons' }, 'AGENCY', '', 'calendar.timeZone'],
    [
      'overlapping intervals',
      { ...BERLIN, week: [{ day: 'MON', intervals: nineToFive }, { day: 'TUE', intervals: [...nineToFive, { startMinute: 960, endMinute: 1080 }] }] },
      'AGENCY',
      '',
      'calendar.week[1].intervals[1]',
    ],
    ['an interval past midnight', { ...BERLIN, week: [{ day: 'WED', intervals: [{ startMinute: 1200, endMinute: 1500 }] }] }, 'AGENCY', '', 'calendar.week[0].intervals[0]'],
    ['a week without business time', { ...BERLIN, week: [{ day: 'MON', intervals: [] }] }, 'AGENCY', '', 'calendar.week'],
    ['a weekday listed twice', { ...BERLIN, week: [{ day: 'MON', intervals: nineToFive }, { day: 'MON', intervals: nineToFive }] }, 'AGENCY', '', 'calendar.week[1].day'],
    ["a scope key for the agency's calendar", BERLIN, 'AGENCY', 'key-accounts', 'scopeKey'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_what, calendar, scope, scopeKey, field) => {
    const before = await app.sql('select count(*)::int as n from business_calendar_version');
    const response = await app.gql(SET_CALENDAR, { input: { scope, scopeKey, calendar } }, { as: 'admin' });
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await app.sql('select count(*)::int as n from business_calendar_version')).toEqual(before);
  });

  it('refuses a date that does not exist as a holiday', async () => {
    const response = await app.gql(SET_CALENDAR, { input: { scope: 'AGENCY', scopeKey: '', calendar: { ...BERLIN, holidays: ['2026-02-30'] } } }, { as: 'admin' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each(['lin.pm', 'mia.csm', 'acme.client'])('refuses a calendar change by %s with FORBIDDEN', async (user) => {
    const response = await app.gql(SET_CALENDAR, { input: { scope: 'AGENCY', scopeKey: '', calendar: BERLIN } }, { as: user });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(`{ businessCalendars { scope } }`, {}, { as: 'acme.client' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await app.sql(`select count(*)::int as n from business_calendar_version where scope = 'AGENCY'`)).toEqual([{ n: 0 }]);
  });

  it("gives a ticket its client's calendar over its team's over the agency's", async () => {
    const agency = { timeZone: 'UTC', week: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'].map((day) => ({ day, intervals: [{ startMinute: 480, endMinute: 1200 }] })), holidays: [] };
    const shanghai = { timeZone: 'Asia/Shanghai', week: [{ day: 'MON', intervals: [{ startMinute: 0, endMinute: 720 }, { startMinute: 780, endMinute: 1440 }] }], holidays: ['2026-10-01'] };
    await ok(SET_CALENDAR, { input: { scope: 'AGENCY', scopeKey: '', calendar: agency } });
    await ok(SET_CALENDAR, { input: { scope: 'CLIENT', scopeKey: acme!.id, calendar: shanghai } });

    const em = app.orm.em.fork();
    const acmeCalendar = await calendarFor(em, { clientId: acme!.id, team: 'key-accounts' });
    expect(acmeCalendar).toEqual({ timeZone: 'Asia/Shanghai', week: { MON: [[0, 720], [780, 1440]] }, holidays: ['2026-10-01'] });
    expect(await calendarFor(em, { clientId: globex!.id, team: 'key-accounts' })).toMatchObject({ timeZone: 'Europe/Berlin', holidays: ['2026-12-24', '2026-12-25'] });
    expect(await calendarFor(em, { clientId: globex!.id, team: 'support' })).toMatchObject({ timeZone: 'UTC', week: { SAT: [[480, 1200]] } });
    expect(await calendarFor(em, { clientId: globex!.id, team: null })).toMatchObject({ timeZone: 'UTC' });

    const all = await ok(`{ businessCalendars { scope scopeKey version } }`, {}, 'mia.csm');
    expect(all).toEqual([
      { scope: 'AGENCY', scopeKey: '', version: 1 },
      { scope: 'TEAM', scopeKey: 'key-accounts', version: 3 },
      { scope: 'CLIENT', scopeKey: acme!.id, version: 1 },
    ]);
  });

  it("numbers concurrent changes of one scope's calendar 1, 2 and 3", async () => {
    const opening = (endMinute: number) => ({ ...BERLIN, week: [{ day: 'MON', intervals: [{ startMinute: 540, endMinute }] }] });
    const responses = await Promise.all([1000, 1010, 1020].map((end) => app.gql(SET_CALENDAR, { input: { scope: 'CLIENT', scopeKey: globex!.id, calendar: opening(end) } }, { as: 'admin' })));
    for (const response of responses) expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(responses.map((r) => r.data!.setBusinessCalendar.version.version as number).sort((a, b) => a - b)).toEqual([1, 2, 3]);
    expect(await app.sql('select version from business_calendar_version where scope_key = $1 order by version', [globex!.id])).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
  });
});
