/**
 * SLA policies as data: which response targets a ticket runs under, and who gets it.
 *
 * A policy holds
 *
 * - `defaults`: targets per severity ("48-24-12" first response);
 * - `rules`: ordered rules matching on any of { severity, category, tier, minAffectedUsers },
 *   each setting targets, the self-service-first flag, or both;
 * - `routing`: the tiers whose tickets go to the client's dedicated CSM (everyone else's
 *   go to the CSM with the fewest open tickets);
 * - `version`: stamped on every ticket, so a ticket shows which policy it was judged by.
 *
 * Precedence, decided separately for the targets and for the self-service flag:
 *
 * 1. the first matching override that sets it (package and add-on overrides, same rule
 *    shape; list an add-on's overrides before its package's so an add-on bought on top wins);
 * 2. else the first matching policy rule that sets it;
 * 3. else the severity's default targets (and no self-service first).
 *
 * First match wins (not "most specific"): the order is visible in the data, and
 * `checkSlaPolicy` reports a rule that can never win because an earlier rule matches every
 * ticket it matches (UNREACHABLE_RULE). Targets are never merged field by field: a rule
 * sets all three targets and the calendar, so every rule can be checked on its own
 * (first response and next response within resolution) and the resolved targets always are
 * one checked set. An override replaces whatever the policy resolved for the tickets it
 * matches, including complaint and incident targets: scope it with `category` if it
 * should not.
 *
 * Everything here is pure (workflows import it). Policies and overrides are treated as
 * immutable values: their check result is cached per object.
 */
import { CLIENT_TIERS, type ClientTier } from '../../catalog/domain/clientTier.js';
import { ALWAYS_OPEN, HOUR_MS, type BusinessCalendar } from './businessCalendar.js';
import { TICKET_CATEGORIES, type TicketCategory } from './ticketCategory.js';
import { TICKET_SEVERITIES, type TicketSeverity } from './ticketSeverity.js';

/** Keys of the calendars SLA clocks count in; the calendars themselves are stored elsewhere. */
export const SLA_CALENDAR_KEYS = ['BUSINESS_HOURS', 'ALWAYS'] as const;
export type SlaCalendarKey = (typeof SLA_CALENDAR_KEYS)[number];

export interface SlaTargets {
  /** Business time (in the calendar) until the first response is due. */
  firstResponseMillis: number;
  /** Business time until the next response is due, after each client message. */
  nextResponseMillis: number;
  /** Business time until the ticket is resolved. */
  resolutionMillis: number;
  /** Which calendar counts the three. */
  calendar: SlaCalendarKey;
}

/** What a rule matches on; an absent field matches anything. */
export interface SlaRuleMatch {
  severity?: TicketSeverity;
  category?: TicketCategory;
  tier?: ClientTier;
  /** Matches tickets affecting at least this many users. */
  minAffectedUsers?: number;
}

export interface SlaRule {
  /** Unique within its list; shown in the ticket's explanation. */
  id: string;
  /** Why the rule exists (the seed promise it encodes), for explanations and admins. */
  note?: string;
  match: SlaRuleMatch;
  /** The targets for matching tickets; absent or null: this rule does not set targets. */
  targets?: SlaTargets | null;
  /** Offer self-service before a person picks the ticket up; absent or null: not set here. */
  selfServiceFirst?: boolean | null;
}

export interface SlaRouting {
  /** Tickets of clients in these tiers go to the client's dedicated CSM when it has one. */
  dedicatedCsmTiers: readonly ClientTier[];
}

export interface SlaPolicy {
  /** Positive integer, stamped on each ticket. */
  version: number;
  defaults: Readonly<Record<TicketSeverity, SlaTargets>>;
  rules: readonly SlaRule[];
  routing: SlaRouting;
}

// ---------------------------------------------------------------------------------------
// Limits (the input contract is the storage contract)

/** No target is longer than a year (8760 h, as the package policies' first-response hours). */
export const MAX_SLA_MILLIS = 8760 * HOUR_MS;
export const MAX_SLA_RULES = 50;
export const MAX_MIN_AFFECTED_USERS = 10_000_000;
/** Postgres `integer`. */
export const MAX_SLA_POLICY_VERSION = 2_147_483_647;
export const MAX_RULE_NOTE_LENGTH = 500;
const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

// ---------------------------------------------------------------------------------------
// The seeded default

const H = HOUR_MS;

/**
 * The defaults the product ships with. Sources (seed files in ../shared/seeds/, DESIGN.md §2):
 *
 * - First response 48 / 24 / 12 h for LOW / MEDIUM / HIGH: seed 000 line 20
 *   (售后团队实行"48-24-12"响应机制) and DESIGN.md §2 ("first response due in 48/24/12
 *   hours by severity"), the same numbers as the package policies (defaultPackages.ts).
 * - COMPLAINT, first remedy plan within 2 h: seed 002 line 14 (對“單客投訴”…承諾“2小時內反饋初步方案”; the
 *   seed's text carries pinyin glosses, e.g. 內(nèi), left out in these quotes).
 * - INCIDENT affecting many users, public response within 1 h: seed 002 line 14
 *   (對“群體性負面事件”…1小時內發布公開回應).
 * - BUSINESS, callback within 1 h: seed 002 line 14 (業務類(專屬顧問1小時內回電)).
 * - STRATEGIC, the client's CSM within 4 h: seed 002 line 14 (戰略類(客戶成功經理4小時內溝通)).
 * - SYSTEM, self-service first: seed 002 line 14 (系統類(自助解決)).
 * - Tier A to its dedicated CSM: seed 001 line 33 (对A类战略客户实施定制服务) and seed 000
 *   line 24 (建立客户成功经理专属通道); the others to the least-loaded CSM (issue 9; seed 001
 *   line 33 gives C clients "智能匹配").
 *
 * Where the seeds are silent, chosen here (change them as data):
 *
 * - Next response is half the first response (24 / 12 / 6 h); resolution 10 days / 5 days /
 *   72 h by severity.
 * - The category rules never promise later than the HIGH default (next response ≤ 6 h,
 *   resolution ≤ 72 h), so a category never makes a ticket slower than its severity alone:
 *   complaint next 4 h (seed 002's “黃金4小時” heading), resolution 72 h; incident next 2 h,
 *   resolution 24 h (seed 002 line 14 promises “24小時內出具解決方案” for complex needs);
 *   business callback next 4 h, resolution 48 h; strategic next 6 h, resolution 72 h.
 * - "Many users" is 10 or more (seed 002 says only “群體性”, a group); an incident affecting
 *   fewer falls back to its severity's targets.
 * - Every target counts on the ALWAYS calendar: the seeds state plain hours, and mixing
 *   calendars would let a 4-business-hour promise on a Friday evening end later than the
 *   12-hour HIGH default. An agency that answers in business hours only switches a rule's
 *   calendar to BUSINESS_HOURS.
 * - The seeds give no tier-specific numbers, so tiers change routing only.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = deepFreeze({
  version: 1,
  defaults: {
    LOW: { firstResponseMillis: 48 * H, nextResponseMillis: 24 * H, resolutionMillis: 240 * H, calendar: 'ALWAYS' },
    MEDIUM: { firstResponseMillis: 24 * H, nextResponseMillis: 12 * H, resolutionMillis: 120 * H, calendar: 'ALWAYS' },
    HIGH: { firstResponseMillis: 12 * H, nextResponseMillis: 6 * H, resolutionMillis: 72 * H, calendar: 'ALWAYS' },
  },
  rules: [
    {
      id: 'incident-public-response',
      note: 'An incident affecting many users gets a public response within 1 hour (seed 002).',
      match: { category: 'INCIDENT', minAffectedUsers: 10 },
      targets: { firstResponseMillis: 1 * H, nextResponseMillis: 2 * H, resolutionMillis: 24 * H, calendar: 'ALWAYS' },
    },
    {
      id: 'complaint-remedy-plan',
      note: 'A complaint gets a first remedy plan within 2 hours (seed 002).',
      match: { category: 'COMPLAINT' },
      targets: { firstResponseMillis: 2 * H, nextResponseMillis: 4 * H, resolutionMillis: 72 * H, calendar: 'ALWAYS' },
    },
    {
      id: 'business-callback',
      note: 'A business question gets a callback within 1 hour (seed 002).',
      match: { category: 'BUSINESS' },
      targets: { firstResponseMillis: 1 * H, nextResponseMillis: 4 * H, resolutionMillis: 48 * H, calendar: 'ALWAYS' },
    },
    {
      id: 'strategic-csm',
      note: "A strategic question reaches the client's CSM within 4 hours (seed 002).",
      match: { category: 'STRATEGIC' },
      targets: { firstResponseMillis: 4 * H, nextResponseMillis: 6 * H, resolutionMillis: 72 * H, calendar: 'ALWAYS' },
    },
    {
      id: 'system-self-service',
      note: 'A system question goes to self-service first (seed 002).',
      match: { category: 'SYSTEM' },
      selfServiceFirst: true,
    },
  ],
  routing: { dedicatedCsmTiers: ['A'] },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The calendar an SLA calendar key stands for, given the agency's business-hours calendar. */
export function slaCalendar(key: SlaCalendarKey, businessHours: BusinessCalendar): BusinessCalendar {
  return key === 'ALWAYS' ? ALWAYS_OPEN : businessHours;
}

// ---------------------------------------------------------------------------------------
// Validation

export type SlaPolicyProblemCode =
  | 'MALFORMED_POLICY'
  | 'INVALID_VERSION'
  | 'UNKNOWN_FIELD'
  | 'MISSING_DEFAULT'
  | 'UNKNOWN_SEVERITY'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_TIER'
  | 'UNKNOWN_CALENDAR'
  | 'MALFORMED_TARGETS'
  | 'NOT_INTEGER_MILLIS'
  | 'NON_POSITIVE_MILLIS'
  | 'MILLIS_TOO_LARGE'
  | 'FIRST_RESPONSE_AFTER_RESOLUTION'
  | 'NEXT_RESPONSE_AFTER_RESOLUTION'
  | 'TOO_MANY_RULES'
  | 'MALFORMED_RULE'
  | 'INVALID_RULE_ID'
  | 'DUPLICATE_RULE_ID'
  | 'INVALID_MIN_AFFECTED_USERS'
  | 'EMPTY_RULE'
  | 'UNREACHABLE_RULE'
  | 'MALFORMED_ROUTING';

export interface SlaPolicyProblem {
  code: SlaPolicyProblemCode;
  /** Where, e.g. 'defaults.LOW.resolutionMillis' or 'rules[2].match.tier'. */
  path: string;
  message: string;
}

type Add = (code: SlaPolicyProblemCode, path: string, message: string) => void;

const TARGET_FIELDS = ['firstResponseMillis', 'nextResponseMillis', 'resolutionMillis'] as const;
const MATCH_FIELDS = ['severity', 'category', 'tier', 'minAffectedUsers'] as const;
const RULE_FIELDS = ['id', 'note', 'match', 'targets', 'selfServiceFirst'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const includes = (list: readonly string[], value: unknown): boolean => typeof value === 'string' && list.includes(value);
const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

function unknownFields(object: Record<string, unknown>, known: readonly string[], path: string, add: Add) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) add('UNKNOWN_FIELD', at(path, key), `Unknown field ${key}; known: ${known.join(', ')}.`);
  }
}

function targetProblems(targets: unknown, path: string, add: Add) {
  if (!isObject(targets)) {
    add('MALFORMED_TARGETS', path, 'Targets are an object with firstResponseMillis, nextResponseMillis, resolutionMillis and calendar.');
    return;
  }
  unknownFields(targets, [...TARGET_FIELDS, 'calendar'], path, add);
  let allValid = true;
  for (const field of TARGET_FIELDS) {
    const value = targets[field];
    const fieldPath = at(path, field);
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      add('NOT_INTEGER_MILLIS', fieldPath, `${field} must be a whole number of milliseconds.`);
      allValid = false;
    } else if (value <= 0) {
      add('NON_POSITIVE_MILLIS', fieldPath, `${field} must be positive.`);
      allValid = false;
    } else if (value > MAX_SLA_MILLIS) {
      add('MILLIS_TOO_LARGE', fieldPath, `${field} must be at most ${MAX_SLA_MILLIS} ms (a year).`);
      allValid = false;
    }
  }
  if (!includes(SLA_CALENDAR_KEYS, targets.calendar)) {
    add('UNKNOWN_CALENDAR', at(path, 'calendar'), `Unknown calendar ${String(targets.calendar)}; use ${SLA_CALENDAR_KEYS.join(' or ')}.`);
  }
  if (allValid) {
    const { firstResponseMillis, nextResponseMillis, resolutionMillis } = targets as unknown as SlaTargets;
    if (firstResponseMillis > resolutionMillis) {
      add('FIRST_RESPONSE_AFTER_RESOLUTION', at(path, 'firstResponseMillis'), 'The first response cannot be due after the resolution.');
    }
    if (nextResponseMillis > resolutionMillis) {
      add('NEXT_RESPONSE_AFTER_RESOLUTION', at(path, 'nextResponseMillis'), 'The next response cannot be due after the resolution.');
    }
  }
}

/** Every problem of one set of targets (empty when usable). */
export function checkSlaTargets(targets: unknown, path = 'targets'): SlaPolicyProblem[] {
  const problems: SlaPolicyProblem[] = [];
  targetProblems(targets, path, (code, p, message) => problems.push({ code, path: p, message }));
  return problems;
}

/** Rule `earlier` matches every ticket `later` matches. */
function covers(earlier: SlaRuleMatch, later: SlaRuleMatch): boolean {
  return (
    (earlier.severity === undefined || earlier.severity === later.severity) &&
    (earlier.category === undefined || earlier.category === later.category) &&
    (earlier.tier === undefined || earlier.tier === later.tier) &&
    (earlier.minAffectedUsers === undefined || (later.minAffectedUsers !== undefined && later.minAffectedUsers >= earlier.minAffectedUsers))
  );
}

const setsTargets = (rule: SlaRule) => rule.targets !== undefined && rule.targets !== null;
const setsSelfService = (rule: SlaRule) => rule.selfServiceFirst !== undefined && rule.selfServiceFirst !== null;

function ruleListProblems(rules: unknown, path: string, add: Add) {
  if (!Array.isArray(rules)) {
    add('MALFORMED_POLICY', path, 'Rules are a list.');
    return;
  }
  if (rules.length > MAX_SLA_RULES) add('TOO_MANY_RULES', path, `At most ${MAX_SLA_RULES} rules.`);
  const ids = new Set<string>();
  // Well-formed rules seen so far, to find the ones an earlier rule always beats.
  const earlier: SlaRule[] = [];
  rules.forEach((rule: unknown, i) => {
    const rulePath = `${path}[${i}]`;
    if (!isObject(rule)) {
      add('MALFORMED_RULE', rulePath, 'A rule is an object with id, match and targets and/or selfServiceFirst.');
      return;
    }
    let wellFormed = true;
    const fail: Add = (code, p, message) => {
      wellFormed = false;
      add(code, p, message);
    };
    unknownFields(rule, RULE_FIELDS, rulePath, fail);
    if (typeof rule.id !== 'string' || !RULE_ID_PATTERN.test(rule.id)) {
      fail('INVALID_RULE_ID', at(rulePath, 'id'), 'A rule id is 1 to 64 letters, digits or . _ : / - (starting with a letter or digit).');
    } else if (ids.has(rule.id)) {
      fail('DUPLICATE_RULE_ID', at(rulePath, 'id'), `Rule id ${rule.id} is used twice.`);
    } else {
      ids.add(rule.id);
    }
    if (rule.note !== undefined && (typeof rule.note !== 'string' || rule.note.length > MAX_RULE_NOTE_LENGTH)) {
      fail('MALFORMED_RULE', at(rulePath, 'note'), `A note is text of at most ${MAX_RULE_NOTE_LENGTH} characters.`);
    }

    const match = rule.match;
    const matchPath = at(rulePath, 'match');
    if (!isObject(match)) {
      fail('MALFORMED_RULE', matchPath, 'match is an object with any of severity, category, tier, minAffectedUsers.');
    } else {
      unknownFields(match, MATCH_FIELDS, matchPath, fail);
      if (match.severity !== undefined && !includes(TICKET_SEVERITIES, match.severity)) {
        fail('UNKNOWN_SEVERITY', at(matchPath, 'severity'), `Unknown severity ${String(match.severity)}; use ${TICKET_SEVERITIES.join(', ')}.`);
      }
      if (match.category !== undefined && !includes(TICKET_CATEGORIES, match.category)) {
        fail('UNKNOWN_CATEGORY', at(matchPath, 'category'), `Unknown category ${String(match.category)}; use ${TICKET_CATEGORIES.join(', ')}.`);
      }
      if (match.tier !== undefined && !includes(CLIENT_TIERS, match.tier)) {
        fail('UNKNOWN_TIER', at(matchPath, 'tier'), `Unknown tier ${String(match.tier)}; use ${CLIENT_TIERS.join(', ')}.`);
      }
      const min = match.minAffectedUsers;
      if (min !== undefined && (typeof min !== 'number' || !Number.isInteger(min) || min < 1 || min > MAX_MIN_AFFECTED_USERS)) {
        fail('INVALID_MIN_AFFECTED_USERS', at(matchPath, 'minAffectedUsers'), `minAffectedUsers is a whole number from 1 to ${MAX_MIN_AFFECTED_USERS}.`);
      }
    }

    const hasTargets = rule.targets !== undefined && rule.targets !== null;
    const hasSelfService = rule.selfServiceFirst !== undefined && rule.selfServiceFirst !== null;
    if (hasTargets) targetProblems(rule.targets, at(rulePath, 'targets'), fail);
    if (hasSelfService && typeof rule.selfServiceFirst !== 'boolean') {
      fail('MALFORMED_RULE', at(rulePath, 'selfServiceFirst'), 'selfServiceFirst is true or false.');
    }
    if (!hasTargets && !hasSelfService) {
      fail('EMPTY_RULE', rulePath, 'The rule sets neither targets nor selfServiceFirst.');
    }

    if (!wellFormed) return;
    const typed = rule as unknown as SlaRule;
    const beaten = (sets: (r: SlaRule) => boolean) => earlier.find((e) => sets(e) && covers(e.match, typed.match));
    const targetsBeatenBy = setsTargets(typed) ? beaten(setsTargets) : undefined;
    const selfServiceBeatenBy = setsSelfService(typed) ? beaten(setsSelfService) : undefined;
    if ((!setsTargets(typed) || targetsBeatenBy) && (!setsSelfService(typed) || selfServiceBeatenBy)) {
      const by = [...new Set([targetsBeatenBy?.id, selfServiceBeatenBy?.id].filter((id) => id !== undefined))];
      add('UNREACHABLE_RULE', rulePath, `Rule ${typed.id} never applies: earlier rule ${by.join(' and ')} matches every ticket it matches.`);
    }
    earlier.push(typed);
  });
}

/**
 * Every problem of a policy (empty when it is usable). Accepts untyped input (the database,
 * an admin form): the same contract holds for storing a policy and for using one.
 */
export function checkSlaPolicy(policy: unknown): SlaPolicyProblem[] {
  const problems: SlaPolicyProblem[] = [];
  const add: Add = (code, path, message) => problems.push({ code, path, message });
  if (!isObject(policy)) {
    add('MALFORMED_POLICY', '', 'A policy is an object with version, defaults, rules and routing.');
    return problems;
  }
  unknownFields(policy, ['version', 'defaults', 'rules', 'routing'], '', add);
  const { version, defaults, rules, routing } = policy;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > MAX_SLA_POLICY_VERSION) {
    add('INVALID_VERSION', 'version', `The version is a whole number from 1 to ${MAX_SLA_POLICY_VERSION}.`);
  }

  if (!isObject(defaults)) {
    add('MALFORMED_POLICY', 'defaults', 'defaults maps each severity to its targets.');
  } else {
    for (const severity of TICKET_SEVERITIES) {
      if (defaults[severity] === undefined) add('MISSING_DEFAULT', `defaults.${severity}`, `No default targets for ${severity}.`);
      else targetProblems(defaults[severity], `defaults.${severity}`, add);
    }
    for (const key of Object.keys(defaults)) {
      if (!includes(TICKET_SEVERITIES, key)) add('UNKNOWN_SEVERITY', `defaults.${key}`, `Unknown severity ${key}; use ${TICKET_SEVERITIES.join(', ')}.`);
    }
  }

  ruleListProblems(rules, 'rules', add);

  if (!isObject(routing)) {
    add('MALFORMED_ROUTING', 'routing', 'routing is an object with dedicatedCsmTiers.');
  } else {
    unknownFields(routing, ['dedicatedCsmTiers'], 'routing', add);
    const tiers = routing.dedicatedCsmTiers;
    if (!Array.isArray(tiers)) {
      add('MALFORMED_ROUTING', 'routing.dedicatedCsmTiers', 'dedicatedCsmTiers is a list of tiers.');
    } else {
      tiers.forEach((tier: unknown, i) => {
        if (!includes(CLIENT_TIERS, tier)) add('UNKNOWN_TIER', `routing.dedicatedCsmTiers[${i}]`, `Unknown tier ${String(tier)}; use ${CLIENT_TIERS.join(', ')}.`);
        else if (tiers.indexOf(tier) !== i) add('MALFORMED_ROUTING', `routing.dedicatedCsmTiers[${i}]`, `Tier ${String(tier)} is listed twice.`);
      });
    }
  }
  return problems;
}

/** Every problem of a package's or add-on's override rules (same rule checks as a policy's). */
export function checkSlaOverrides(overrides: unknown, path = 'overrides'): SlaPolicyProblem[] {
  const problems: SlaPolicyProblem[] = [];
  ruleListProblems(overrides, path, (code, p, message) => problems.push({ code, path: p, message }));
  return problems;
}

// ---------------------------------------------------------------------------------------
// Resolution

export type SlaPolicyErrorCode = 'INVALID_SLA_POLICY' | 'INVALID_TICKET';

export class SlaPolicyError extends Error {
  constructor(
    readonly code: SlaPolicyErrorCode,
    message: string,
    readonly problems: readonly SlaPolicyProblem[] = [],
  ) {
    super(message);
    this.name = 'SlaPolicyError';
  }
}

/** What the rules look at. */
export interface SlaTicketFacts {
  severity: TicketSeverity;
  category: TicketCategory;
  tier: ClientTier;
  /** How many users the problem affects (0 when unknown). */
  affectedUsers: number;
}

/** A rule that decided part of the result. */
export interface SlaRuleRef {
  source: 'OVERRIDE' | 'POLICY';
  id: string;
  note?: string;
}

export interface ResolvedSla {
  targets: SlaTargets;
  selfServiceFirst: boolean;
  /** The policy version to stamp on the ticket. */
  policyVersion: number;
  /** The rule that set the targets; null: the severity's defaults. */
  targetsRule: SlaRuleRef | null;
  /** The rule that set selfServiceFirst; null: not set by any rule (false). */
  selfServiceRule: SlaRuleRef | null;
  /** One sentence for the ticket's explanation. */
  explanation: string;
}

export function ruleMatches(match: SlaRuleMatch, ticket: SlaTicketFacts): boolean {
  return (
    (match.severity === undefined || match.severity === ticket.severity) &&
    (match.category === undefined || match.category === ticket.category) &&
    (match.tier === undefined || match.tier === ticket.tier) &&
    (match.minAffectedUsers === undefined || ticket.affectedUsers >= match.minAffectedUsers)
  );
}

/**
 * Problems that make a policy or overrides unusable. UNREACHABLE_RULE is only a warning
 * (returned to the ADMIN who stores the policy, not refused): the result is still well
 * defined, and a combined list of add-on and package overrides may rightly have an
 * add-on's rule beat every ticket of a package's rule.
 */
const blocking = (problems: SlaPolicyProblem[]) => problems.filter((p) => p.code !== 'UNREACHABLE_RULE');

const checkedPolicies = new WeakMap<object, SlaPolicyProblem[]>();
const checkedOverrides = new WeakMap<object, SlaPolicyProblem[]>();

function cached(cache: WeakMap<object, SlaPolicyProblem[]>, value: object, check: () => SlaPolicyProblem[]) {
  let problems = cache.get(value);
  if (!problems) {
    problems = check();
    cache.set(value, problems);
  }
  return problems;
}

function describeProblems(problems: readonly SlaPolicyProblem[]) {
  return problems.map((p) => `${p.code} at ${p.path || 'policy'}`).join(', ');
}

function hours(millis: number): string {
  return millis % HOUR_MS === 0 ? `${millis / HOUR_MS} h` : `${Math.round(millis / 60_000)} min`;
}

/**
 * The targets a ticket runs under, the self-service flag, the policy version and the rules
 * that decided them. `overrides` are a package's and its add-ons' rules (first match wins,
 * ahead of the policy's rules; ids must be unique within the combined list, so prefix
 * them with their source, e.g. 'package:PREMIUM/high'). Throws SlaPolicyError when the policy, the overrides or the
 * ticket's facts are invalid (unreachable rules aside, see `blocking`).
 */
export function resolveSlaTargets(policy: SlaPolicy, ticket: SlaTicketFacts, overrides: readonly SlaRule[] = []): ResolvedSla {
  const policyProblems = cached(checkedPolicies, policy, () => blocking(checkSlaPolicy(policy)));
  if (policyProblems.length > 0) {
    throw new SlaPolicyError('INVALID_SLA_POLICY', `Invalid SLA policy: ${describeProblems(policyProblems)}.`, policyProblems);
  }
  const overrideProblems = cached(checkedOverrides, overrides, () => blocking(checkSlaOverrides(overrides)));
  if (overrideProblems.length > 0) {
    throw new SlaPolicyError('INVALID_SLA_POLICY', `Invalid SLA overrides: ${describeProblems(overrideProblems)}.`, overrideProblems);
  }
  if (
    !includes(TICKET_SEVERITIES, ticket.severity) ||
    !includes(TICKET_CATEGORIES, ticket.category) ||
    !includes(CLIENT_TIERS, ticket.tier) ||
    !Number.isInteger(ticket.affectedUsers) ||
    ticket.affectedUsers < 0
  ) {
    throw new SlaPolicyError('INVALID_TICKET', 'A ticket needs a known severity, category and tier and a whole, non-negative number of affected users.');
  }

  const rulesInOrder: [SlaRuleRef, SlaRule][] = [
    ...overrides.map((rule): [SlaRuleRef, SlaRule] => [ref('OVERRIDE', rule), rule]),
    ...policy.rules.map((rule): [SlaRuleRef, SlaRule] => [ref('POLICY', rule), rule]),
  ];
  const matching = rulesInOrder.filter(([, rule]) => ruleMatches(rule.match, ticket));
  const targetsHit = matching.find(([, rule]) => setsTargets(rule));
  const selfServiceHit = matching.find(([, rule]) => setsSelfService(rule));

  const targets = targetsHit ? targetsHit[1].targets! : policy.defaults[ticket.severity];
  const selfServiceFirst = selfServiceHit ? selfServiceHit[1].selfServiceFirst! : false;
  const targetsRule = targetsHit ? targetsHit[0] : null;
  const selfServiceRule = selfServiceHit ? selfServiceHit[0] : null;

  const name = (r: SlaRuleRef) => `${r.source === 'OVERRIDE' ? 'override' : 'rule'} ${r.id}`;
  const from = targetsRule ? name(targetsRule) : `the ${ticket.severity} default`;
  let explanation =
    `SLA policy v${policy.version}: first response ${hours(targets.firstResponseMillis)}, next response ${hours(targets.nextResponseMillis)}, ` +
    `resolution ${hours(targets.resolutionMillis)} (${targets.calendar === 'ALWAYS' ? 'around the clock' : 'business hours'}) from ${from}`;
  if (selfServiceRule) explanation += `; self-service ${selfServiceFirst ? 'first' : 'not first'} from ${name(selfServiceRule)}`;
  explanation += '.';

  return { targets: { ...targets }, selfServiceFirst, policyVersion: policy.version, targetsRule, selfServiceRule, explanation };
}

function ref(source: SlaRuleRef['source'], rule: SlaRule): SlaRuleRef {
  return rule.note === undefined ? { source, id: rule.id } : { source, id: rule.id, note: rule.note };
}

// ---------------------------------------------------------------------------------------
// Routing

export interface TicketRoutingInput {
  tier: ClientTier;
  /** The client's dedicated CSM (username), if it has one. */
  dedicatedCsm?: string | null;
  /** STRATEGIC questions go to the client's CSM when it has one, whatever its tier (seed 002). */
  category?: TicketCategory;
  /** Open tickets per CSM username: the CSMs who can take tickets. */
  csmOpenCounts: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

/**
 * Who gets a new ticket: the client's dedicated CSM when it has one and its tier routes to
 * one (`routing.dedicatedCsmTiers`, tier A by default) or the ticket is a STRATEGIC question; otherwise the CSM with
 * the fewest open tickets, ties broken by username (code-unit order, not locale, so every
 * host agrees); null when there is no CSM. Entries with an empty username or a count that is
 * not a whole, non-negative number are ignored.
 */
export function routeTicket(input: TicketRoutingInput, routing: SlaRouting = DEFAULT_SLA_POLICY.routing): string | null {
  if (input.dedicatedCsm && (routing.dedicatedCsmTiers.includes(input.tier) || input.category === 'STRATEGIC')) return input.dedicatedCsm;
  const entries = input.csmOpenCounts instanceof Map ? [...input.csmOpenCounts.entries()] : Object.entries(input.csmOpenCounts);
  let best: [string, number] | null = null;
  for (const [username, count] of entries) {
    if (!username || !Number.isInteger(count) || count < 0) continue;
    if (best === null || count < best[1] || (count === best[1] && username < best[0])) best = [username, count];
  }
  return best ? best[0] : null;
}
