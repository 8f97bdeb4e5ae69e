import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackagePolicy } from '../../src/catalog/domain/packagePolicy.js';
import { createTimelineProjectionActivities } from '../../src/delivery/activities/timelineProjection.js';
import { DAY_MS } from '../../src/delivery/domain/sopClock.js';
import { checkTransition, transitionOf, type MachineContext, type SopTransitionName } from '../../src/delivery/domain/sopMachine.js';
import { initialSopState } from '../../src/delivery/domain/sopState.js';
import type { TimelineEvent } from '../../src/delivery/domain/timelineEvent.js';
import { MAX_MONEY } from '../../src/shared/domain/storable.js';
import { sopActionUpdate, sopStateQuery } from '../../workflows/delivery/messages.js';
import { startTestApplication, type TestApplication } from '../support/testApplication.js';

/**
 * The storage contract end to end: a value Postgres cannot hold (NUL, an unpaired
 * surrogate, an amount beyond `numeric(12,2)`) is refused at every boundary (the
 * GraphQL API, the workflow's own update validators) and changes nothing; and every
 * payload the workflow's rules accept can be written by the real projection.
 */

let app: TestApplication;

beforeAll(async () => {
  app = await startTestApplication();
});

afterAll(async () => {
  await app?.stop();
});

const TABLES = ['client', 'project', 'timeline_event', 'cost_entry', 'change_order'] as const;
const PROJECT = `query ($id: UUID!) {
  project(id: $id) {
    stage
    progress { communicationRounds researchSessions reviewRounds iterationRoundsUsed caps { researchSessions iterationRounds } }
    requirements { id title status }
    changeOrders { id reason amount status }
    costEntries { id amount note }
    timeline { seq type actor summary }
  }
}`;

const inputTypeOf = (mutation: string) => `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;

function mutate(mutation: string, input: Record<string, unknown>) {
  return app.gql(`mutation ($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { id } }`, { input });
}

async function createClient(name = 'Acme Trading') {
  const response = await mutate('createClient', { name, tier: 'A' });
  expect(response.errors).toBeUndefined();
  return response.data!.createClient.id as string;
}

async function createProject(clientId: string, packageCode = 'STANDARD') {
  const response = await mutate('createProject', { clientId, name: 'Acme shop', packageCode, projectLead: 'lin.pm', contractValue: 50_000 });
  expect(response.errors).toBeUndefined();
  return response.data!.createProject.id as string;
}

/** Everything a refused request must leave as it was: row counts, the project as the API shows it, the workflow's state. */
async function snapshot(projectId: string) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await app.sql(`select count(*)::int as n from ${table}`))[0]!.n;
  const project = (await app.gql(PROJECT, { id: projectId })).data!.project;
  const state = await app.temporal.workflow.getHandle(`project-${projectId}`).query(sopStateQuery);
  return { counts, project, state };
}

describe('over GraphQL, values Postgres cannot store are refused and change nothing', () => {
  let clientId: string;
  let projectId: string;

  beforeAll(async () => {
    clientId = await createClient();
    projectId = await createProject(clientId);
  });

  const TEXT_CASES: { mutation: string; field: string; input: (text: string) => Record<string, unknown> }[] = [
    { mutation: 'createClient', field: 'input.name', input: (name) => ({ name, tier: 'B' }) },
    { mutation: 'createProject', field: 'input.name', input: (name) => ({ clientId, name, packageCode: 'STANDARD', projectLead: 'lin.pm' }) },
    { mutation: 'logCommunicationRound', field: 'input.summary', input: (summary) => ({ projectId, channel: 'CALL', summary, attendees: ['client CTO'] }) },
    { mutation: 'logCommunicationRound', field: 'input.attendees[0]', input: (attendee) => ({ projectId, channel: 'CALL', summary: 'Kick-off', attendees: [attendee] }) },
    { mutation: 'addRequirement', field: 'input.title', input: (title) => ({ projectId, title }) },
    { mutation: 'requestChangeOrder', field: 'input.reason', input: (reason) => ({ projectId, kind: 'SCOPE', reason, amount: 100 }) },
    { mutation: 'recordCost', field: 'input.note', input: (note) => ({ projectId, phase: 'RESEARCH', amount: 10, note }) },
  ];
  const BAD_TEXT = [
    ['a NUL byte', 'a\u0000b'],
    ['a lone surrogate', '\ud800'],
  ] as const;

  describe.each(TEXT_CASES)('$mutation $field', ({ mutation, field, input }) => {
    it.each(BAD_TEXT)('refuses %s with BAD_USER_INPUT naming the field, then accepts a valid request', async (_, bad) => {
      const before = await snapshot(projectId);
      const response = await mutate(mutation, input(bad));
      expect(response.data).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await snapshot(projectId)).toEqual(before);

      const valid = await mutate(mutation, input('Fine text'));
      expect(valid.errors, JSON.stringify(valid.errors)).toBeUndefined();
      expect(valid.data![mutation].id).toEqual(expect.any(String));
    });
  });

  const MONEY_CASES: { mutation: string; field: string; input: (amount: number) => Record<string, unknown> }[] = [
    { mutation: 'requestChangeOrder', field: 'amount', input: (amount) => ({ projectId, kind: 'SCOPE', reason: 'More pages', amount }) },
    { mutation: 'recordCost', field: 'amount', input: (amount) => ({ projectId, phase: 'ITERATION', amount }) },
    {
      mutation: 'createProject',
      field: 'contractValue',
      input: (contractValue) => ({ clientId, name: 'Shop', packageCode: 'STANDARD', projectLead: 'lin.pm', contractValue }),
    },
  ];

  describe.each(MONEY_CASES)('$mutation $field', ({ mutation, field, input }) => {
    it.each([1e12, -1, 0.001])('refuses %d with BAD_USER_INPUT naming the field, then accepts a valid amount', async (amount) => {
      const before = await snapshot(projectId);
      const response = await mutate(mutation, input(amount));
      expect(response.data).toBeNull();
      expect(response.errors).toHaveLength(1);
      const extensions = response.errors![0]!.extensions!;
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.validationErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await snapshot(projectId)).toEqual(before);

      const valid = await mutate(mutation, input(1234.56));
      expect(valid.errors, JSON.stringify(valid.errors)).toBeUndefined();
    });
  });
});

describe('sent straight to the workflow, as another Temporal client would', () => {
  it('refuses unstorable payloads in the update validator and keeps accepting valid ones', async () => {
    const projectId = await createProject(await createClient('Direct Co'));
    const handle = app.temporal.workflow.getHandle(`project-${projectId}`);
    const before = await handle.query(sopStateQuery);

    const refusals: { action: 'addRequirement' | 'logCommunicationRound' | 'requestChangeOrder'; payload: object; rule: string }[] = [
      { action: 'addRequirement', payload: { actor: 'lin', requirementId: 'r1', title: 'x\u0000' }, rule: 'STORABLE_TEXT' },
      { action: 'addRequirement', payload: { actor: 'lin\ud800', requirementId: 'r1', title: 'x' }, rule: 'STORABLE_TEXT' },
      {
        action: 'logCommunicationRound',
        payload: { actor: 'lin', channel: 'CALL', summary: 'ok', attendees: ['\udc00client'], occurredAt: new Date().toISOString() },
        rule: 'STORABLE_TEXT',
      },
      { action: 'requestChangeOrder', payload: { actor: 'lin', changeOrderId: 'c1', kind: 'SCOPE', reason: 'a\u0000', amount: 10 }, rule: 'STORABLE_TEXT' },
      { action: 'requestChangeOrder', payload: { actor: 'lin', changeOrderId: 'c1', kind: 'SCOPE', reason: 'More pages', amount: 1e12 }, rule: 'AMOUNT' },
      { action: 'requestChangeOrder', payload: { actor: 'lin', changeOrderId: 'c1', kind: 'SCOPE', reason: 'More pages', amount: 0.001 }, rule: 'AMOUNT' },
    ];
    for (const { action, payload, rule } of refusals) {
      const error: unknown = await handle.executeUpdate(sopActionUpdate(action), { args: [payload as never] }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `${action} ${JSON.stringify(payload)}`).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe('INVALID_INPUT');
      expect((cause as ApplicationFailure).details?.[0]).toMatchObject({ code: 'INVALID_INPUT', rule });
    }
    expect(await handle.query(sopStateQuery)).toEqual(before);
    const timelineBefore = await app.sql('select seq from timeline_event where project_id = $1 order by seq', [projectId]);
    expect(timelineBefore).toEqual([{ seq: before.lastEventSeq }]);

    const after = await handle.executeUpdate(sopActionUpdate('addRequirement'), { args: [{ actor: 'lin', requirementId: 'r1', title: 'Checkout' }] });
    expect(after.requirements).toEqual([{ id: 'r1', title: 'Checkout', status: 'PROPOSED', validation: 'UNCHECKED' }]);
    expect(after.lastEventSeq).toBe(before.lastEventSeq + 1);
    const ordered = await handle.executeUpdate(sopActionUpdate('requestChangeOrder'), {
      args: [{ actor: 'lin', changeOrderId: 'c1', kind: 'SCOPE', reason: 'More pages', amount: MAX_MONEY - 0.01 }],
    });
    expect(ordered.lastEventSeq).toBe(before.lastEventSeq + 2);
    const timeline = await app.sql('select seq, type, actor from timeline_event where project_id = $1 order by seq', [projectId]);
    expect(timeline).toEqual([
      { seq: 0, type: 'PROJECT_CREATED', actor: expect.any(String) },
      { seq: 1, type: 'REQUIREMENT_ADDED', actor: 'lin' },
      { seq: 2, type: 'CHANGE_ORDER_REQUESTED', actor: 'lin' },
    ]);
    expect(await app.sql('select id, amount from change_order where project_id = $1', [projectId])).toEqual([{ id: 'c1', amount: '9999999999.98' }]);
  });
});

describe('every payload the rules accept can be projected (property)', () => {
  // Strings: mostly plain, plus any code point, any UTF-16 code unit (lone surrogates),
  // injected NUL and lone surrogates, blank strings and strings around every length limit.
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
  const poison = fc.oneof(fc.constant('\u0000'), loneSurrogate);
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  const long = fc
    .tuple(fc.constantFrom('a', ' x', 'é', '😀', 'e\u0301'), fc.constantFrom(199, 200, 201, 499, 500, 501, 3999, 4000, 4001, 6000), fc.option(poison, { nil: '' }))
    .map(([chunk, length, tail]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length) + tail);
  const text = fc.oneof(
    { weight: 12, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 20 }) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 10 }), poison, fc.string({ unit: 'binary', maxLength: 10 })).map((parts) => parts.join('')),
    },
    { weight: 1, arbitrary: long },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n', '\u3000', '\ufeff') },
  );
  const actor = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('lin.pm', 'wu') }, { weight: 1, arbitrary: text });
  const money = fc.oneof(
    fc.double(),
    fc.constantFrom(1e12, -1, -0.01, NaN, Infinity, -Infinity, 0, -0, MAX_MONEY, MAX_MONEY - 0.01, 9_999_999_999.995, 1e10, 0.001, 1.005, 0.1 + 0.2, 1e-9, 5e-324),
    fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
  );
  const requirementId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('r1', 'r2', 'r3') }, { weight: 1, arbitrary: text });
  const changeOrderId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('c1', 'c2') }, { weight: 1, arbitrary: text });
  const occurredAt = fc.oneof(
    { weight: 5, arbitrary: fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date(Date.now() + 10 * DAY_MS) }).map((d) => d.toISOString()) },
    { weight: 1, arbitrary: text },
  );

  const action = <N extends SopTransitionName>(name: N, payload: fc.Arbitrary<Record<string, unknown>>) => payload.map((p) => ({ name, payload: p }));
  const actions = fc.oneof(
    {
      weight: 3,
      arbitrary: action(
        'logCommunicationRound',
        fc.record({ actor, channel: fc.constantFrom('MEETING', 'CALL', 'EMAIL', 'TELEPATHY'), summary: text, attendees: fc.array(text, { minLength: 1, maxLength: 3 }), occurredAt }),
      ),
    },
    // Plain rounds too, so that runs reach the sign-off gate and leave REQUIREMENTS.
    { weight: 2, arbitrary: action('logCommunicationRound', fc.record({ actor, channel: fc.constant('CALL'), summary: text, attendees: fc.constant(['client']), occurredAt: fc.constant('2026-01-01T10:00:00.000Z') })) },
    { weight: 1, arbitrary: action('logResearchSession', fc.record({ actor, topic: text, attendees: fc.array(text, { minLength: 1, maxLength: 3 }) })) },
    { weight: 3, arbitrary: action('addRequirement', fc.record({ actor, requirementId, title: text })) },
    { weight: 2, arbitrary: action('confirmRequirement', fc.record({ actor, requirementId, reason: text }, { requiredKeys: ['actor', 'requirementId'] })) },
    { weight: 1, arbitrary: action('dropRequirement', fc.record({ actor, requirementId, reason: text }, { requiredKeys: ['actor', 'requirementId'] })) },
    { weight: 2, arbitrary: action('signOffRequirements', fc.record({ actor, note: text }, { requiredKeys: ['actor'] })) },
    {
      weight: 2,
      arbitrary: action(
        'requestChangeOrder',
        fc.record({ actor, changeOrderId, kind: fc.constantFrom('EXTRA_RESEARCH', 'EXTRA_ITERATION', 'SCOPE', 'FREE'), reason: text, amount: money }),
      ),
    },
    { weight: 1, arbitrary: action('approveChangeOrder', fc.record({ actor, changeOrderId, note: text }, { requiredKeys: ['actor', 'changeOrderId'] })) },
  );

  it('writes every accepted payload through the real projection without a single refusal', async () => {
    const projection = createTimelineProjectionActivities(app.orm);
    // A real project made over GraphQL serves as the template of a fresh project row per run; their workflows are never driven.
    const templateId = await createProject(await createClient('Property Co'));
    const [{ policy }] = (await app.sql('select policy from project where id = $1', [templateId])) as [{ policy: PackagePolicy }];
    const columns = (
      await app.sql(`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'project' and is_generated = 'NEVER' order by ordinal_position`)
    ).map((c) => `"${c.column_name}"`);
    const replaced: Record<string, string> = { '"id"': '$1', '"workflow_id"': '$2', '"projected_seq"': '0' };
    const cloneSql = `insert into project (${columns.join(', ')}) select ${columns.map((c) => replaced[c] ?? c).join(', ')} from project where id = $3`;

    const stats = { accepted: 0, refused: 0, unstorable: 0 };
    const acceptedByAction: Record<string, number> = {};

    await fc.assert(
      fc.asyncProperty(fc.array(actions, { minLength: 1, maxLength: 16 }), async (steps) => {
        const projectId = randomUUID();
        await app.sql(cloneSql, [projectId, `property-${projectId}`, templateId]);
        const state = initialSopState();
        let accepted = 0;
        for (const { name, payload } of steps) {
          const ctx: MachineContext = { state, policy, now: Date.now(), dayMs: DAY_MS };
          const violation = checkTransition(name, payload, ctx);
          if (violation) {
            stats.refused += 1;
            if (violation.rule === 'STORABLE_TEXT') stats.unstorable += 1;
            continue;
          }
          // As the workflow's atomicTransition does it.
          const rule = transitionOf(name);
          const from = state.stage;
          const { summary, details } = rule.apply(state, payload, ctx);
          state.stage = rule.to ?? from;
          state.lastEventSeq += 1;
          await projection.recordTimelineEvent({
            projectId,
            seq: state.lastEventSeq,
            type: rule.event,
            fromStage: from,
            toStage: state.stage,
            actor: payload.actor as string,
            occurredAt: new Date().toISOString(),
            summary,
            details,
            state: structuredClone(state),
          } as TimelineEvent);
          accepted += 1;
          stats.accepted += 1;
          acceptedByAction[name] = (acceptedByAction[name] ?? 0) + 1;
        }

        // The read model holds what the workflow's state says, nothing silently cut or lost.
        const [row] = await app.sql('select projected_seq, stage from project where id = $1', [projectId]);
        expect(row).toEqual({ projected_seq: state.lastEventSeq, stage: state.stage });
        expect((await app.sql('select count(*)::int as n from timeline_event where project_id = $1', [projectId]))[0]!.n).toBe(accepted);
        const byId = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0;
        const requirements = await app.sql('select id, title, status from requirement where project_id = $1', [projectId]);
        expect(requirements.sort(byId)).toEqual(state.requirements.map(({ id, title, status }) => ({ id, title, status })).sort(byId));
        const orders = await app.sql('select id, reason, status, amount::float8 as amount from change_order where project_id = $1', [projectId]);
        expect(orders.sort(byId)).toEqual(
          state.changeOrders.map(({ id, reason, status, amount }) => ({ id, reason, status, amount: Math.round(amount * 100) / 100 + 0 })).sort(byId),
        );
      }),
      { numRuns: 200 },
    );

    // Not vacuous: plenty were accepted and written, plenty refused, some for being unstorable.
    expect(stats.accepted).toBeGreaterThan(50);
    expect(stats.refused).toBeGreaterThan(50);
    expect(stats.unstorable).toBeGreaterThan(0);
    for (const name of ['logCommunicationRound', 'addRequirement', 'confirmRequirement', 'requestChangeOrder']) {
      expect(acceptedByAction[name], name).toBeGreaterThan(0);
    }
  });
});
