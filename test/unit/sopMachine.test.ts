import { describe, expect, it } from 'vitest';
import { checkCommunicationRound, type CommunicationRound } from '../../src/delivery/domain/communicationRound.js';
import { DEFAULT_PACKAGES } from '../../src/catalog/domain/defaultPackages.js';
import { availableSopActions, checkGate } from '../../src/delivery/domain/sopMachine.js';
import { initialSopState, type SopState } from '../../src/delivery/domain/sopState.js';

const premium = DEFAULT_PACKAGES.find((p) => p.code === 'PREMIUM')!.policy;
const state = (patch: Partial<SopState> = {}): SopState => ({ ...initialSopState(), ...patch });

describe('the requirements sign-off gate', () => {
  it('says how many rounds are missing', () => {
    expect(checkGate('signOffRequirements', { state: state({ communicationRounds: 2 }), policy: premium, now: 0, dayMs: 1 })).toEqual({
      code: 'SOP_RULE_VIOLATION',
      rule: 'MIN_COMMUNICATION_ROUNDS',
      message: 'Requirements cannot be signed off: 2 of 8 communication rounds logged.',
      required: 8,
      actual: 2,
    });
  });

  const confirmed = [{ id: 'r1', title: 'Search', status: 'CONFIRMED' as const, validation: 'UNCHECKED' as const }];

  it('needs a confirmed requirement on top of the rounds', () => {
    expect(checkGate('signOffRequirements', { state: state({ communicationRounds: 8 }), policy: premium, now: 0, dayMs: 1 })).toMatchObject({
      rule: 'CONFIRMED_REQUIREMENT',
    });
  });

  it('opens at the package minimum', () => {
    expect(checkGate('signOffRequirements', { state: state({ communicationRounds: 8, requirements: confirmed }), policy: premium, now: 0, dayMs: 1 })).toBeNull();
    expect(checkGate('signOffRequirements', { state: state({ communicationRounds: 9, requirements: confirmed }), policy: premium, now: 0, dayMs: 1 })).toBeNull();
  });

  it('refuses actions outside their stages with STAGE_CONFLICT', () => {
    const inDevelopment = { state: state({ stage: 'DEVELOPMENT', communicationRounds: 8 }), policy: premium, now: 0, dayMs: 1 };
    expect(checkGate('signOffRequirements', inDevelopment)?.code).toBe('STAGE_CONFLICT');
    expect(checkGate('logCommunicationRound', inDevelopment)?.message).toContain('not allowed while the project is in DEVELOPMENT');
  });

  it('lists what a lead can do next', () => {
    const always = ['requestChangeOrder', 'approveChangeOrder', 'rejectChangeOrder', 'cancelProject'];
    const requirements = ['logCommunicationRound', 'logResearchSession', 'addRequirement', 'confirmRequirement', 'dropRequirement'];
    expect(availableSopActions({ state: state(), policy: premium, now: 0, dayMs: 1 })).toEqual([...requirements, ...always]);
    expect(availableSopActions({ state: state({ communicationRounds: 8, requirements: confirmed }), policy: premium, now: 0, dayMs: 1 })).toEqual([
      ...requirements,
      'signOffRequirements',
      ...always,
    ]);
    expect(availableSopActions({ state: state({ stage: 'CLOSED' }), policy: premium, now: 0, dayMs: 1 })).toEqual([]);
  });
});

describe('checkCommunicationRound', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const valid: CommunicationRound = {
    channel: 'WORKSHOP',
    summary: 'Sitemap review',
    attendees: ['client PM'],
    occurredAt: '2026-06-01T09:00:00Z',
    actor: 'lin',
  };

  it('accepts a complete round, including one a few minutes ahead (clock skew)', () => {
    expect(checkCommunicationRound(valid, now)).toBeNull();
    expect(checkCommunicationRound({ ...valid, occurredAt: '2026-06-01T12:03:00Z' }, now)).toBeNull();
  });

  it.each([
    [{ channel: 'FAX' }, 'CHANNEL'],
    [{ summary: '' }, 'SUMMARY'],
    [{ attendees: [''] }, 'ATTENDEES'],
    [{ occurredAt: 'not a date' }, 'OCCURRED_AT'],
    [{ occurredAt: '2026-06-02T12:00:00Z' }, 'OCCURRED_AT'],
    [{ actor: ' ' }, 'ACTOR'],
  ])('refuses %o (%s)', (patch, rule) => {
    expect(checkCommunicationRound({ ...valid, ...(patch as Partial<CommunicationRound>) }, now)).toMatchObject({
      code: 'INVALID_INPUT',
      rule,
    });
  });
});
