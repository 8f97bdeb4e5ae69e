import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, HOUR_MS, type BusinessCalendar } from '../../src/aftersales/domain/businessCalendar.js';
import {
  checkSlaOverrides,
  checkSlaPolicy,
  checkSlaTargets,
  DEFAULT_SLA_POLICY,
  MAX_SLA_MILLIS,
  MAX_SLA_RULES,
  resolveSlaTargets,
  routeTicket,
  SLA_CALENDAR_KEYS,
  slaCalendar,
  SlaPolicyError,
  type SlaPolicy,
  type SlaRule,
  type SlaTargets,
  type SlaTicketFacts,
} from '../../src/aftersales/domain/slaPolicy.js';
import { TICKET_CATEGORIES } from '../../src/aftersales/domain/ticketCategory.js';
import { TICKET_SEVERITIES } from '../../src/aftersales/domain/ticketSeverity.js';
import { CLIENT_TIERS } from '../../src/catalog/domain/clientTier.js';

const H = HOUR_MS;
const ticket = (facts: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  severity: 'MEDIUM',
  category: 'SYSTEM',
  tier: 'B',
  affectedUsers: 1,
  ...facts,
});
const targets = (first: number, next: number, resolution: number, calendar: SlaTargets['calendar'] = 'ALWAYS'): SlaTargets => ({
  firstResponseMillis: first * H,
  nextResponseMillis: next * H,
  resolutionMillis: resolution * H,
  calendar,
});
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);
/** A mutable deep copy of the default policy, to break. */
const copy = (): any => structuredClone(DEFAULT_SLA_POLICY);

describe('DEFAULT_SLA_POLICY (seeded)', () => {
  it('is valid and version 1', () => {
    expect(checkSlaPolicy(DEFAULT_SLA_POLICY)).toEqual([]);
    expect(resolveSlaTargets(DEFAULT_SLA_POLICY, ticket()).policyVersion).toBe(1);
  });

  it.each([
    ['LOW', 48],
    ['MEDIUM', 24],
    ['HIGH', 12],
  ] as const)('"48-24-12": a %s ticket gets its first response within %i h', (severity, hours) => {
    // SYSTEM sets no targets, so the severity default applies.
    const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ severity, category: 'SYSTEM' }));
    expect(resolved.targets.firstResponseMillis).toBe(hours * H);
    expect(resolved.targets.nextResponseMillis).toBe((hours / 2) * H);
    expect(resolved.targetsRule).toBeNull();
    expect(resolved.explanation).toContain(`first response ${hours} h`);
    expect(resolved.explanation).toContain(`the ${severity} default`);
  });

  it('a complaint needs a first remedy plan within 2 h, whatever its severity', () => {
    for (const severity of TICKET_SEVERITIES) {
      const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ severity, category: 'COMPLAINT' }));
      expect(resolved.targets.firstResponseMillis).toBe(2 * H);
      expect(resolved.targetsRule).toMatchObject({ source: 'POLICY', id: 'complaint-remedy-plan' });
      expect(resolved.selfServiceFirst).toBe(false);
    }
  });

  it('an incident affecting many users needs a public response within 1 h', () => {
    const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ severity: 'LOW', category: 'INCIDENT', affectedUsers: 10 }));
    expect(resolved.targets).toEqual(targets(1, 2, 24));
    expect(resolved.targetsRule?.id).toBe('incident-public-response');
    expect(resolved.explanation).toContain('rule incident-public-response');
    expect(resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ category: 'INCIDENT', affectedUsers: 5000 })).targets.firstResponseMillis).toBe(1 * H);
  });

  it('an incident affecting few users falls back to its severity', () => {
    const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ severity: 'HIGH', category: 'INCIDENT', affectedUsers: 9 }));
    expect(resolved.targets).toEqual(DEFAULT_SLA_POLICY.defaults.HIGH);
    expect(resolved.targetsRule).toBeNull();
  });

  it('a business question gets a callback within 1 h; a strategic one the CSM within 4 h', () => {
    expect(resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ category: 'BUSINESS' })).targets.firstResponseMillis).toBe(1 * H);
    expect(resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ category: 'STRATEGIC' })).targets.firstResponseMillis).toBe(4 * H);
  });

  it('a system question goes to self-service first, under its severity targets', () => {
    const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ severity: 'LOW', category: 'SYSTEM' }));
    expect(resolved.selfServiceFirst).toBe(true);
    expect(resolved.selfServiceRule).toMatchObject({ source: 'POLICY', id: 'system-self-service' });
    expect(resolved.targets).toEqual(DEFAULT_SLA_POLICY.defaults.LOW);
    expect(resolved.explanation).toContain('self-service first from rule system-self-service');
    for (const category of TICKET_CATEGORIES.filter((c) => c !== 'SYSTEM')) {
      expect(resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ category })).selfServiceFirst).toBe(false);
    }
  });

  it('no category makes a ticket slower than its severity alone (all on the same calendar)', () => {
    for (const severity of TICKET_SEVERITIES) {
      for (const category of TICKET_CATEGORIES) {
        for (const affectedUsers of [0, 100]) {
          const { targets: t } = resolveSlaTargets(DEFAULT_SLA_POLICY, { severity, category, tier: 'C', affectedUsers });
          const d = DEFAULT_SLA_POLICY.defaults[severity];
          expect(t.firstResponseMillis).toBeLessThanOrEqual(d.firstResponseMillis);
          expect(t.nextResponseMillis).toBeLessThanOrEqual(d.nextResponseMillis);
          expect(t.resolutionMillis).toBeLessThanOrEqual(d.resolutionMillis);
          expect(t.calendar).toBe(d.calendar);
        }
      }
    }
  });

  it('is frozen, and resolved targets are copies', () => {
    expect(Object.isFrozen(DEFAULT_SLA_POLICY.defaults.LOW)).toBe(true);
    const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket());
    resolved.targets.firstResponseMillis = 1;
    expect(DEFAULT_SLA_POLICY.defaults.MEDIUM.firstResponseMillis).toBe(24 * H);
  });

  it('maps calendar keys to calendars', () => {
    const office: BusinessCalendar = { timeZone: 'Europe/Berlin', week: { MON: [[540, 1020]] }, holidays: [] };
    expect(slaCalendar('ALWAYS', office)).toBe(ALWAYS_OPEN);
    expect(slaCalendar('BUSINESS_HOURS', office)).toBe(office);
  });
});

describe('rule precedence', () => {
  const policy: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    version: 7,
    rules: [
      { id: 'tier-a-high', match: { tier: 'A', severity: 'HIGH' }, targets: targets(1, 1, 8) },
      { id: 'complaints', match: { category: 'COMPLAINT' }, targets: targets(2, 4, 72) },
      { id: 'tier-a', match: { tier: 'A' }, targets: targets(6, 6, 48, 'BUSINESS_HOURS') },
      { id: 'system', match: { category: 'SYSTEM' }, selfServiceFirst: true },
      { id: 'tier-a-no-self-service', match: { tier: 'A' }, selfServiceFirst: false },
    ],
  };

  it('the first matching rule wins, even when a later one is more specific', () => {
    expect(checkSlaPolicy(policy)).toEqual([]);
    expect(resolveSlaTargets(policy, ticket({ tier: 'A', severity: 'HIGH', category: 'COMPLAINT' })).targetsRule?.id).toBe('tier-a-high');
    expect(resolveSlaTargets(policy, ticket({ tier: 'A', severity: 'LOW', category: 'COMPLAINT' })).targetsRule?.id).toBe('complaints');
    const tierA = resolveSlaTargets(policy, ticket({ tier: 'A', severity: 'LOW', category: 'BUSINESS' }));
    expect(tierA.targets).toEqual(targets(6, 6, 48, 'BUSINESS_HOURS'));
    expect(tierA.explanation).toContain('business hours');
    expect(tierA.policyVersion).toBe(7);
  });

  it('targets and the self-service flag are decided separately', () => {
    // 'system' sets only the flag, so it does not stop 'tier-a' from setting targets.
    const resolved = resolveSlaTargets(policy, ticket({ tier: 'A', severity: 'LOW', category: 'SYSTEM' }));
    expect(resolved.targetsRule?.id).toBe('tier-a');
    expect(resolved.selfServiceRule?.id).toBe('system');
    expect(resolved.selfServiceFirst).toBe(true);
  });

  it('reports a rule that an earlier rule always beats', () => {
    const shadowed = {
      ...policy,
      rules: [
        { id: 'incidents', match: { category: 'INCIDENT' }, targets: targets(2, 2, 24) },
        { id: 'big-incidents', match: { category: 'INCIDENT', minAffectedUsers: 50 }, targets: targets(1, 1, 24) },
        { id: 'big', match: { minAffectedUsers: 10 }, targets: targets(3, 3, 24) },
        { id: 'bigger', match: { minAffectedUsers: 100, tier: 'B' }, targets: targets(3, 3, 24) },
        { id: 'smaller', match: { minAffectedUsers: 5, tier: 'B' }, targets: targets(3, 3, 24) },
        // Sets a flag no earlier rule sets: reachable.
        { id: 'incident-self-service', match: { category: 'INCIDENT' }, selfServiceFirst: false },
      ],
    };
    expect(checkSlaPolicy(shadowed)).toEqual([
      expect.objectContaining({ code: 'UNREACHABLE_RULE', path: 'rules[1]' }),
      expect.objectContaining({ code: 'UNREACHABLE_RULE', path: 'rules[3]' }),
    ]);
    // Refused when stored, harmless when resolving: the earlier rule wins.
    const resolved = resolveSlaTargets(shadowed as SlaPolicy, ticket({ category: 'INCIDENT', affectedUsers: 100 }));
    expect(resolved.targetsRule?.id).toBe('incidents');
    expect(resolved.selfServiceRule?.id).toBe('incident-self-service');
  });
});

describe('package and add-on overrides', () => {
  const premium: SlaRule[] = [{ id: 'package:PREMIUM/high', note: 'Premium answers HIGH within 4 h.', match: { severity: 'HIGH' }, targets: targets(4, 2, 48) }];
  const rushAddOn: SlaRule[] = [{ id: 'addon:RUSH/all', match: {}, targets: targets(1, 1, 24) }];

  it('apply on top of the policy', () => {
    const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ severity: 'HIGH', category: 'SYSTEM' }), premium);
    expect(resolved.targets).toEqual(targets(4, 2, 48));
    expect(resolved.targetsRule).toEqual({ source: 'OVERRIDE', id: 'package:PREMIUM/high', note: 'Premium answers HIGH within 4 h.' });
    expect(resolved.explanation).toContain('from override package:PREMIUM/high');
    // The policy's self-service rule still applies: the override does not set the flag.
    expect(resolved.selfServiceFirst).toBe(true);
    // Tickets the override does not match keep the policy's result.
    expect(resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ severity: 'LOW' }), premium).targets).toEqual(DEFAULT_SLA_POLICY.defaults.LOW);
  });

  it('beat even the policy’s category rules (scope them with category if they should not)', () => {
    const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ severity: 'HIGH', category: 'COMPLAINT' }), premium);
    expect(resolved.targetsRule?.id).toBe('package:PREMIUM/high');
  });

  it('first match among overrides wins: add-ons listed first beat the package', () => {
    const facts = ticket({ severity: 'HIGH' });
    expect(resolveSlaTargets(DEFAULT_SLA_POLICY, facts, [...rushAddOn, ...premium]).targetsRule?.id).toBe('addon:RUSH/all');
    expect(resolveSlaTargets(DEFAULT_SLA_POLICY, facts, [...premium, ...rushAddOn]).targetsRule?.id).toBe('package:PREMIUM/high');
  });

  it('can switch self-service off', () => {
    const resolved = resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ category: 'SYSTEM', tier: 'A' }), [
      { id: 'addon:white-glove', match: { tier: 'A' }, selfServiceFirst: false },
    ]);
    expect(resolved.selfServiceFirst).toBe(false);
    expect(resolved.selfServiceRule?.source).toBe('OVERRIDE');
    expect(resolved.explanation).toContain('self-service not first from override addon:white-glove');
  });

  it('are checked like policy rules (an add-on beating a package rule is fine when combined)', () => {
    expect(checkSlaOverrides([...rushAddOn, ...premium])).toEqual([
      expect.objectContaining({ code: 'UNREACHABLE_RULE', path: 'overrides[1]' }),
    ]);
    const bad = [{ id: 'x', match: { tier: 'D' }, targets: targets(5, 1, 4) }] as unknown as SlaRule[];
    expect(codes(checkSlaOverrides(bad))).toEqual(['UNKNOWN_TIER', 'FIRST_RESPONSE_AFTER_RESOLUTION']);
    expect(() => resolveSlaTargets(DEFAULT_SLA_POLICY, ticket(), bad)).toThrow(/Invalid SLA overrides: UNKNOWN_TIER at overrides\[0\]\.match\.tier/);
  });
});

describe('checkSlaPolicy', () => {
  it.each<[string, (p: any) => void, string[], string]>([
    ['zero millis', (p) => (p.defaults.LOW.firstResponseMillis = 0), ['NON_POSITIVE_MILLIS'], 'defaults.LOW.firstResponseMillis'],
    ['negative millis', (p) => (p.rules[0].targets.nextResponseMillis = -1), ['NON_POSITIVE_MILLIS'], 'rules[0].targets.nextResponseMillis'],
    ['fractional millis', (p) => (p.defaults.HIGH.resolutionMillis = 1.5), ['NOT_INTEGER_MILLIS'], 'defaults.HIGH.resolutionMillis'],
    ['millis as text', (p) => (p.defaults.HIGH.resolutionMillis = '72'), ['NOT_INTEGER_MILLIS'], 'defaults.HIGH.resolutionMillis'],
    ['over a year', (p) => (p.defaults.LOW.resolutionMillis = MAX_SLA_MILLIS + 1), ['MILLIS_TOO_LARGE'], 'defaults.LOW.resolutionMillis'],
    ['first response after resolution', (p) => (p.defaults.LOW.firstResponseMillis = 241 * H), ['FIRST_RESPONSE_AFTER_RESOLUTION'], 'defaults.LOW.firstResponseMillis'],
    ['next response after resolution', (p) => (p.rules[1].targets.nextResponseMillis = 73 * H), ['NEXT_RESPONSE_AFTER_RESOLUTION'], 'rules[1].targets.nextResponseMillis'],
    ['unknown calendar', (p) => (p.rules[2].targets.calendar = 'OFFICE'), ['UNKNOWN_CALENDAR'], 'rules[2].targets.calendar'],
    ['unknown severity in a rule', (p) => (p.rules[0].match.severity = 'URGENT'), ['UNKNOWN_SEVERITY'], 'rules[0].match.severity'],
    ['unknown severity default', (p) => (p.defaults.URGENT = p.defaults.HIGH), ['UNKNOWN_SEVERITY'], 'defaults.URGENT'],
    ['missing severity default', (p) => delete p.defaults.MEDIUM, ['MISSING_DEFAULT'], 'defaults.MEDIUM'],
    ['unknown category', (p) => (p.rules[1].match.category = 'BILLING'), ['UNKNOWN_CATEGORY'], 'rules[1].match.category'],
    ['unknown tier', (p) => (p.rules[1].match.tier = 'D'), ['UNKNOWN_TIER'], 'rules[1].match.tier'],
    ['unknown routing tier', (p) => (p.routing.dedicatedCsmTiers = ['A', 'Z']), ['UNKNOWN_TIER'], 'routing.dedicatedCsmTiers[1]'],
    ['a misspelt match field', (p) => (p.rules[1].match = { categroy: 'COMPLAINT' }), ['UNKNOWN_FIELD'], 'rules[1].match.categroy'],
    ['zero min affected users', (p) => (p.rules[0].match.minAffectedUsers = 0), ['INVALID_MIN_AFFECTED_USERS'], 'rules[0].match.minAffectedUsers'],
    ['a duplicate rule id', (p) => (p.rules[1].id = p.rules[0].id), ['DUPLICATE_RULE_ID'], 'rules[1].id'],
    ['a blank rule id', (p) => (p.rules[1].id = ' '), ['INVALID_RULE_ID'], 'rules[1].id'],
    ['a rule setting nothing', (p) => delete p.rules[4].selfServiceFirst, ['EMPTY_RULE'], 'rules[4]'],
    ['a non-boolean flag', (p) => (p.rules[4].selfServiceFirst = 'yes'), ['MALFORMED_RULE'], 'rules[4].selfServiceFirst'],
    ['malformed targets', (p) => (p.rules[0].targets = 3600000), ['MALFORMED_TARGETS'], 'rules[0].targets'],
    ['version 0', (p) => (p.version = 0), ['INVALID_VERSION'], 'version'],
  ])('reports %s', (_name, breakIt, expectedCodes, path) => {
    const policy = copy();
    breakIt(policy);
    const problems = checkSlaPolicy(policy);
    expect(codes(problems)).toEqual(expectedCodes);
    expect(problems[0]!.path).toBe(path);
    expect(() => resolveSlaTargets(policy, ticket())).toThrow(expect.objectContaining({ code: 'INVALID_SLA_POLICY', problems }));
  });

  it('reports more than MAX_SLA_RULES rules', () => {
    const policy = copy();
    policy.rules = Array.from({ length: MAX_SLA_RULES + 1 }, (_, i) => ({ id: `r${i}`, match: { minAffectedUsers: MAX_SLA_RULES + 1 - i }, selfServiceFirst: true }));
    expect(codes(checkSlaPolicy(policy))).toEqual(['TOO_MANY_RULES']);
    policy.rules.pop();
    expect(checkSlaPolicy(policy)).toEqual([]);
  });

  it('reports a malformed policy instead of throwing', () => {
    expect(codes(checkSlaPolicy(null))).toEqual(['MALFORMED_POLICY']);
    expect(codes(checkSlaPolicy({}))).toEqual(['INVALID_VERSION', 'MALFORMED_POLICY', 'MALFORMED_POLICY', 'MALFORMED_ROUTING']);
    expect(codes(checkSlaPolicy({ ...copy(), rules: [null, { id: 'a', match: 'COMPLAINT', selfServiceFirst: true }] }))).toEqual(['MALFORMED_RULE', 'MALFORMED_RULE']);
  });

  it('refuses tickets with unknown facts', () => {
    expect(() => resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ category: 'BILLING' as never }))).toThrow(expect.objectContaining({ code: 'INVALID_TICKET' }));
    expect(() => resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ affectedUsers: -1 }))).toThrow(expect.objectContaining({ code: 'INVALID_TICKET' }));
    expect(() => resolveSlaTargets(DEFAULT_SLA_POLICY, ticket({ tier: 'Z' as never }))).toThrow(SlaPolicyError);
  });
});

describe('routeTicket', () => {
  it("sends a STRATEGIC question to the client's CSM whatever its tier, and other categories of tier B by load", () => {
    const counts = { bob: 0, carol: 5 };
    expect(routeTicket({ tier: 'B', category: 'STRATEGIC', dedicatedCsm: 'carol', csmOpenCounts: counts })).toBe('carol');
    expect(routeTicket({ tier: 'B', category: 'BUSINESS', dedicatedCsm: 'carol', csmOpenCounts: counts })).toBe('bob');
    expect(routeTicket({ tier: 'C', category: 'STRATEGIC', dedicatedCsm: null, csmOpenCounts: counts })).toBe('bob');
  });

  const counts = { carol: 3, alice: 1, bob: 1, dave: 0 };

  it('sends a tier-A ticket to the client’s dedicated CSM, whatever the load', () => {
    expect(routeTicket({ tier: 'A', dedicatedCsm: 'carol', csmOpenCounts: counts })).toBe('carol');
  });

  it('sends others, and tier A without a dedicated CSM, to the least-loaded CSM', () => {
    expect(routeTicket({ tier: 'B', dedicatedCsm: 'carol', csmOpenCounts: counts })).toBe('dave');
    expect(routeTicket({ tier: 'C', csmOpenCounts: counts })).toBe('dave');
    expect(routeTicket({ tier: 'A', dedicatedCsm: null, csmOpenCounts: counts })).toBe('dave');
    expect(routeTicket({ tier: 'A', dedicatedCsm: '', csmOpenCounts: new Map([['erin', 2]]) })).toBe('erin');
  });

  it('breaks ties by username, in any input order', () => {
    expect(routeTicket({ tier: 'B', csmOpenCounts: { carol: 3, bob: 1, alice: 1 } })).toBe('alice');
    expect(routeTicket({ tier: 'B', csmOpenCounts: new Map([['bob', 1], ['alice', 1], ['Zed', 1]]) })).toBe('Zed');
  });

  it('returns null when there is no CSM, and ignores broken counts', () => {
    expect(routeTicket({ tier: 'B', csmOpenCounts: {} })).toBeNull();
    expect(routeTicket({ tier: 'A', dedicatedCsm: null, csmOpenCounts: new Map() })).toBeNull();
    expect(routeTicket({ tier: 'B', csmOpenCounts: { a: Number.NaN, b: -1, c: 2.5, '': 0 } })).toBeNull();
  });

  it('follows the routing data', () => {
    expect(routeTicket({ tier: 'B', dedicatedCsm: 'carol', csmOpenCounts: counts }, { dedicatedCsmTiers: ['A', 'B'] })).toBe('carol');
    expect(routeTicket({ tier: 'A', dedicatedCsm: 'carol', csmOpenCounts: counts }, { dedicatedCsmTiers: [] })).toBe('dave');
  });
});

describe('property: resolved targets are always a valid set', () => {
  const millis = fc.integer({ min: 1, max: MAX_SLA_MILLIS });
  const validTargets = fc
    .tuple(millis, millis, millis, fc.constantFrom(...SLA_CALENDAR_KEYS))
    .map(([a, b, c, calendar]): SlaTargets => {
      const [first, next, resolution] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      // Resolution is the largest; first and next in either order.
      return { firstResponseMillis: a % 2 ? first : next, nextResponseMillis: a % 2 ? next : first, resolutionMillis: resolution, calendar };
    });
  const match = fc.record(
    {
      severity: fc.constantFrom(...TICKET_SEVERITIES),
      category: fc.constantFrom(...TICKET_CATEGORIES),
      tier: fc.constantFrom(...CLIENT_TIERS),
      minAffectedUsers: fc.integer({ min: 1, max: 1000 }),
    },
    { requiredKeys: [] },
  );
  const rules = (prefix: string) =>
    fc
      .array(fc.record({ match, targets: fc.option(validTargets, { nil: undefined }), selfServiceFirst: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 8 })
      .map((list) =>
        list
          .map((r, i): SlaRule => ({ id: `${prefix}${i}`, ...r, ...(r.targets === undefined && r.selfServiceFirst === undefined ? { selfServiceFirst: true } : {}) })),
      );
  const facts = fc.record({
    severity: fc.constantFrom(...TICKET_SEVERITIES),
    category: fc.constantFrom(...TICKET_CATEGORIES),
    tier: fc.constantFrom(...CLIENT_TIERS),
    affectedUsers: fc.integer({ min: 0, max: 2000 }),
  });

  it('pass the per-target checks, with first response ≤ resolution', () => {
    fc.assert(
      fc.property(
        fc.record({ LOW: validTargets, MEDIUM: validTargets, HIGH: validTargets }),
        rules('p'),
        rules('o'),
        facts,
        (defaults, policyRules, overrides, ticketFacts) => {
          // Drop rules an earlier one always beats: a stored policy has none.
          const policy: SlaPolicy = { version: 3, defaults, rules: policyRules, routing: { dedicatedCsmTiers: ['A'] } };
          const reachable = (list: SlaRule[], path: string) =>
            list.filter((_, i) => !checkSlaOverrides(list.slice(0, i + 1), path).some((p) => p.path === `${path}[${i}]`));
          const cleanPolicy = { ...policy, rules: reachable(policyRules, 'rules') };
          const cleanOverrides = reachable(overrides, 'overrides');
          expect(checkSlaPolicy(cleanPolicy)).toEqual([]);

          const resolved = resolveSlaTargets(cleanPolicy, ticketFacts, cleanOverrides);
          expect(checkSlaTargets(resolved.targets)).toEqual([]);
          expect(resolved.targets.firstResponseMillis).toBeLessThanOrEqual(resolved.targets.resolutionMillis);
          expect(resolved.policyVersion).toBe(3);
          if (resolved.targetsRule === null) expect(resolved.targets).toEqual(defaults[ticketFacts.severity]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
