import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * Policies are data an ADMIN edits, with versions: each change writes the next version,
 * new projects get the latest, and running projects keep the version they started with
 * (their workflow got the policy at start). Over GraphQL against the real worker,
 * Temporal and Postgres.
 */
let app: TestApplication;
let clientId: string;

beforeAll(async () => {
  app = await startTestApplication();
  const client = await app.gql(`mutation { createClient(input: { name: "Versioned Retail", tier: B }) { id } }`);
  clientId = client.data!.createClient.id;
});

afterAll(async () => {
  await app?.stop();
});

const UPDATE_PACKAGE = `mutation ($input: UpdateServicePackageInput!) {
  updateServicePackage(input: $input) { code version policy { minCommunicationRounds stressTestDays validationDayOffsetDays stressTestThresholds { minAvailability maxP95LatencyMs maxErrorRate } } }
}`;
const CREATE_ADD_ON = `mutation ($input: CreateAddOnPackInput!) { createAddOnPack(input: $input) { code name version effect { extraIterationRounds extraHostingMonths annualTraining } } }`;
const UPDATE_ADD_ON = `mutation ($input: UpdateAddOnPackInput!) { updateAddOnPack(input: $input) { code name version effect { extraIterationRounds extraHostingMonths annualTraining } } }`;
const CREATE_PROJECT = `mutation ($input: CreateProjectInput!) {
  createProject(input: $input) { id policyVersion policy { minCommunicationRounds includedIterationRounds } servicePackage { code version } }
}`;
const LOG_ROUND = `mutation ($input: LogCommunicationRoundInput!) { logCommunicationRound(input: $input) { progress { communicationRounds } } }`;
const ADD_REQUIREMENT = `mutation ($input: AddRequirementInput!) { addRequirement(input: $input) { requirements { id } } }`;
const CONFIRM_REQUIREMENT = `mutation ($input: ConfirmRequirementInput!) { confirmRequirement(input: $input) { requirements { status } } }`;
const SIGN_OFF = `mutation ($input: SignOffRequirementsInput!) { signOffRequirements(input: $input) { stage } }`;

async function ok<T = any>(query: string, variables: Record<string, unknown>, as = 'admin'): Promise<T> {
  const response = await app.gql(query, variables, { as });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return Object.values(response.data!)[0] as T;
}

const createProject = (packageCode: string, addOnCodes: string[] = []) =>
  ok(CREATE_PROJECT, { input: { clientId, name: `${packageCode} site`, packageCode, projectLead: 'lin.pm', addOnCodes } }, 'lin.pm');

/** Logs `rounds` communication rounds and confirms one requirement: what sign-off asks for, but the rounds' minimum. */
async function prepareSignOff(projectId: string, rounds: number) {
  for (let n = 1; n <= rounds; n++) {
    await ok(LOG_ROUND, { input: { projectId, channel: 'CALL', summary: `Round ${n}`, attendees: ['client'] } }, 'lin.pm');
  }
  const added = await ok(ADD_REQUIREMENT, { input: { projectId, title: 'Product pages' } }, 'lin.pm');
  await ok(CONFIRM_REQUIREMENT, { input: { projectId, requirementId: added.requirements[0].id } }, 'lin.pm');
}

const versionsOf = async (table: 'service_package_version' | 'add_on_pack_version', code: string) =>
  (await app.sql(`select version from ${table} where ${table === 'service_package_version' ? 'service_package_code' : 'add_on_pack_code'} = $1 order by version`, [code])).map(
    (row) => row.version as number,
  );

describe('an ADMIN changes a package policy', () => {
  it('gives new projects the new version while a running project keeps enforcing the one it started with', async () => {
    const before = await createProject('STANDARD');
    expect(before).toMatchObject({ policyVersion: 1, policy: { minCommunicationRounds: 2 }, servicePackage: { code: 'STANDARD', version: 1 } });

    const updated = await ok(UPDATE_PACKAGE, { input: { code: 'STANDARD', minCommunicationRounds: 3 } });
    expect(updated).toMatchObject({ code: 'STANDARD', version: 2, policy: { minCommunicationRounds: 3, stressTestDays: 1 } });
    const after = await createProject('STANDARD');
    expect(after).toMatchObject({ policyVersion: 2, policy: { minCommunicationRounds: 3 }, servicePackage: { version: 2 } });

    // The project made before still signs off after two rounds: its workflow has version 1.
    await prepareSignOff(before.id, 2);
    expect(await ok(SIGN_OFF, { input: { projectId: before.id } }, 'lin.pm')).toEqual({ stage: 'DEVELOPMENT' });

    // The project made after needs three.
    await prepareSignOff(after.id, 2);
    const refused = await app.gql(SIGN_OFF, { input: { projectId: after.id } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SOP_RULE_VIOLATION', rule: 'MIN_COMMUNICATION_ROUNDS', required: 3, actual: 2 });
    await ok(LOG_ROUND, { input: { projectId: after.id, channel: 'CALL', summary: 'Round 3', attendees: ['client'] } }, 'lin.pm');
    expect(await ok(SIGN_OFF, { input: { projectId: after.id } }, 'lin.pm')).toEqual({ stage: 'DEVELOPMENT' });

    // Every version is kept, with who wrote it; the project read back still names its version.
    const history = await ok(`{ servicePackageVersions(code: "STANDARD") { version createdBy policy { minCommunicationRounds } } }`, {}, 'lin.pm');
    expect(history).toEqual([
      { version: 2, createdBy: 'admin', policy: { minCommunicationRounds: 3 } },
      { version: 1, createdBy: 'seed', policy: { minCommunicationRounds: 2 } },
    ]);
    const read = await ok(`query ($id: UUID!) { project(id: $id) { policyVersion policy { minCommunicationRounds } } }`, { id: before.id }, 'lin.pm');
    expect(read).toEqual({ policyVersion: 1, policy: { minCommunicationRounds: 2 } });
    expect(await app.sql('select policy_version from project where id = $1', [after.id])).toEqual([{ policy_version: 2 }]);
  });

  it('changes only the fields given, nested ones too, and writes no version for a change that changes nothing', async () => {
    const versions = await versionsOf('service_package_version', 'PREMIUM');
    const updated = await ok(UPDATE_PACKAGE, { input: { code: 'PREMIUM', stressTestThresholds: { maxP95LatencyMs: 1200 }, validationDayOffsetDays: null } });
    expect(updated).toMatchObject({
      version: versions.length + 1,
      policy: { minCommunicationRounds: 8, stressTestDays: 7, validationDayOffsetDays: null, stressTestThresholds: { minAvailability: 0.99, maxP95LatencyMs: 1200, maxErrorRate: 0.01 } },
    });
    const same = await ok(UPDATE_PACKAGE, { input: { code: 'PREMIUM', stressTestThresholds: { maxP95LatencyMs: 1200 }, minCommunicationRounds: 8 } });
    expect(same.version).toBe(versions.length + 1);
    expect(await versionsOf('service_package_version', 'PREMIUM')).toEqual([...versions, versions.length + 1]);
  });

  it.each([
    [{ minCommunicationRounds: -1 }, 'minCommunicationRounds'],
    [{ minCommunicationRounds: 101 }, 'minCommunicationRounds'],
    [{ minCommunicationRounds: null }, 'minCommunicationRounds'],
    [{ stressTestDays: 0 }, 'stressTestDays'],
    [{ stressTestDays: 31 }, 'stressTestDays'],
    [{ hostingMonths: 121 }, 'hostingMonths'],
    [{ serviceReviewWithinDays: 366 }, 'serviceReviewWithinDays'],
    [{ validationDayOffsetDays: 0 }, 'validationDayOffsetDays'],
    [{ stressTestThresholds: { minAvailability: 1.5 } }, 'stressTestThresholds.minAvailability'],
    [{ stressTestThresholds: { maxP95LatencyMs: 600_000 } }, 'stressTestThresholds.maxP95LatencyMs'],
    [{ firstResponseHours: { HIGH: 100 } }, 'firstResponseHours'],
    [{ firstResponseHours: { LOW: 10_000 } }, 'firstResponseHours.LOW'],
    [{ costShareGuardrails: { research: { min: 0.5, max: 0.1 } } }, 'costShareGuardrails.research'],
    [{ requireOnSiteReviews: null }, 'requireOnSiteReviews'],
  ])('refuses %j with BAD_USER_INPUT naming %s, and writes no version', async (patch, field) => {
    const versions = await versionsOf('service_package_version', 'CUSTOM');
    const [before] = await app.sql(`select policy, version from service_package where code = 'CUSTOM'`);
    const response = await app.gql(UPDATE_PACKAGE, { input: { code: 'CUSTOM', ...patch } }, { as: 'admin' });
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0]?.message).toContain(field);
    expect(await versionsOf('service_package_version', 'CUSTOM')).toEqual(versions);
    expect(await app.sql(`select policy, version from service_package where code = 'CUSTOM'`)).toEqual([before]);
  });

  it('answers NOT_FOUND for a package that does not exist', async () => {
    const response = await app.gql(UPDATE_PACKAGE, { input: { code: 'GOLD', minCommunicationRounds: 1 } }, { as: 'admin' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'ServicePackage' });
  });
});

describe('only an ADMIN edits policies', () => {
  it.each(['lin.pm', 'mia.csm', 'acme.client'])('refuses %s with FORBIDDEN and changes nothing', async (user) => {
    const packages = await app.sql('select code, version, policy from service_package order by code');
    const addOns = await app.sql('select code, version, effect from add_on_pack order by code');
    const attempts = [
      app.gql(UPDATE_PACKAGE, { input: { code: 'STANDARD', minCommunicationRounds: 5 } }, { as: user }),
      app.gql(CREATE_ADD_ON, { input: { code: 'SNEAKY', name: 'Sneaky', description: 'x', extraIterationRounds: 9 } }, { as: user }),
      app.gql(UPDATE_ADD_ON, { input: { code: 'TRAINING', extraIterationRounds: 9 } }, { as: user }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await app.sql('select code, version, policy from service_package order by code')).toEqual(packages);
    expect(await app.sql('select code, version, effect from add_on_pack order by code')).toEqual(addOns);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const response = await app.gql(UPDATE_PACKAGE, { input: { code: 'STANDARD', minCommunicationRounds: 5 } }, { as: null });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows version history to agency staff only', async () => {
    const response = await app.gql(`{ servicePackageVersions(code: "STANDARD") { version } }`, {}, { as: 'acme.client' });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('add-on packs with versions', () => {
  it('creates version 1, updates to version 2, and each project keeps the version it bought', async () => {
    const created = await ok(CREATE_ADD_ON, { input: { code: 'EXTRA_REVIEW_ROUNDS', name: 'Extra review rounds', description: 'Two more iterations.', extraIterationRounds: 2 } });
    expect(created).toEqual({ code: 'EXTRA_REVIEW_ROUNDS', name: 'Extra review rounds', version: 1, effect: { extraIterationRounds: 2, extraHostingMonths: 0, annualTraining: false } });
    const first = await createProject('PREMIUM', ['EXTRA_REVIEW_ROUNDS']);
    expect(first.policy.includedIterationRounds).toBe(5);

    const updated = await ok(UPDATE_ADD_ON, { input: { code: 'EXTRA_REVIEW_ROUNDS', extraIterationRounds: 4, name: 'Four review rounds' } });
    expect(updated).toEqual({ code: 'EXTRA_REVIEW_ROUNDS', name: 'Four review rounds', version: 2, effect: { extraIterationRounds: 4, extraHostingMonths: 0, annualTraining: false } });
    const second = await createProject('PREMIUM', ['EXTRA_REVIEW_ROUNDS']);
    expect(second.policy.includedIterationRounds).toBe(7);

    expect(await app.sql('select id, add_on_versions from project where id = any($1) order by created_at', [[first.id, second.id]])).toEqual([
      { id: first.id, add_on_versions: { EXTRA_REVIEW_ROUNDS: 1 } },
      { id: second.id, add_on_versions: { EXTRA_REVIEW_ROUNDS: 2 } },
    ]);
    expect((await app.gql(`query ($id: UUID!) { project(id: $id) { policy { includedIterationRounds } } }`, { id: first.id })).data!.project.policy.includedIterationRounds).toBe(5);
    const history = await ok(`{ addOnPackVersions(code: "EXTRA_REVIEW_ROUNDS") { version name createdBy effect { extraIterationRounds } } }`, {});
    expect(history).toEqual([
      { version: 2, name: 'Four review rounds', createdBy: 'admin', effect: { extraIterationRounds: 4 } },
      { version: 1, name: 'Extra review rounds', createdBy: 'admin', effect: { extraIterationRounds: 2 } },
    ]);
    // The seeded add-ons are version 1 too.
    expect(await versionsOf('add_on_pack_version', 'TRAINING')).toEqual([1]);
  });

  it('refuses an invalid effect, a taken code or a malformed one with BAD_USER_INPUT, writing nothing', async () => {
    const before = await app.sql('select count(*)::int as n from add_on_pack_version');
    const tooLong = await app.gql(UPDATE_ADD_ON, { input: { code: 'TRAINING', extraHostingMonths: 121 } }, { as: 'admin' });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'extraHostingMonths' });
    const negative = await app.gql(CREATE_ADD_ON, { input: { code: 'NEGATIVE', name: 'N', description: '', extraIterationRounds: -1 } }, { as: 'admin' });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'extraIterationRounds' });
    const taken = await app.gql(CREATE_ADD_ON, { input: { code: 'TRAINING', name: 'Again', description: '' } }, { as: 'admin' });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const malformed = await app.gql(CREATE_ADD_ON, { input: { code: 'lower case', name: 'X', description: '' } }, { as: 'admin' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await app.gql(UPDATE_ADD_ON, { input: { code: 'NOPE', extraIterationRounds: 1 } }, { as: 'admin' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'AddOnPack' });
    expect(await app.sql('select count(*)::int as n from add_on_pack_version')).toEqual(before);
    expect(await app.sql(`select count(*)::int as n from add_on_pack where code in ('NEGATIVE', 'lower case')`)).toEqual([{ n: 0 }]);
  });
});
