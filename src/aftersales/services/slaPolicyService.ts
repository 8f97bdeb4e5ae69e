import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRole } from '../../identity/services/access.js';
import type { Role } from '../../identity/domain/role.js';
import { AddOnPack, ServicePackage } from '../../catalog/entities/index.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { unstorableText } from '../../shared/domain/storable.js';
import { checkSlaOverrides, checkSlaPolicy, type SlaPolicy, type SlaPolicyProblem, type SlaRule } from '../domain/slaPolicy.js';
import { SlaPolicyVersion } from '../entities/index.js';
import { currentSlaPolicy } from './slaSettings.js';

/**
 * The SLA policy is data an ADMIN edits, with versions, like the package policies
 * (src/catalog/services/policyService.ts): every change writes the next row of
 * `sla_policy_version` (never an edit of an old one), the highest version is in force,
 * and a ticket keeps the version it opened under. A version holds the whole document: the
 * policy, and the override rules of service packages and add-on packs. Calendars are in
 * calendarService.ts; what a new ticket reads is slaSettings.ts.
 */

/** Who reads the SLA settings: the agency's staff, CSMs included (they answer the tickets). */
export const SLA_SETTINGS_READERS: readonly Role[] = ['ADMIN', 'LEAD', 'CSM'];

/** A policy as an ADMIN writes it: the version is the service's to choose. */
export type SlaPolicyDraft = Omit<SlaPolicy, 'version'> & { version?: never };

/** Override rules per package or add-on code. */
export type SlaOverrides = Record<string, SlaRule[]>;

export interface UpdateSlaPolicy {
  /** The whole new policy (not a patch); absent or null: the current one is kept. */
  policy?: SlaPolicyDraft | null;
  /** The whole new set of package overrides by package code; absent or null: kept. A code with no rules has none. */
  packageOverrides?: SlaOverrides | null;
  /** The whole new set of add-on overrides by add-on code; absent or null: kept. */
  addOnOverrides?: SlaOverrides | null;
}

/** One version of the SLA settings, as the API shows it. */
export interface SlaPolicyVersionView {
  version: number;
  policy: SlaPolicy;
  packageOverrides: SlaOverrides;
  addOnOverrides: SlaOverrides;
  createdBy: string;
  /** Null only for the shipped default read from an empty table (never written). */
  createdAt: Date | null;
}

export interface SlaPolicyUpdateResult {
  /** The version in force after the call: the one written, or the current one when nothing changed. */
  version: SlaPolicyVersionView;
  /** Problems that do not block storing (rules that never apply because an earlier rule always wins). */
  warnings: SlaPolicyProblem[];
  /** Whether a new version was written. */
  written: boolean;
}

const view = (v: SlaPolicyVersion): SlaPolicyVersionView => ({
  version: v.version,
  policy: v.policy,
  packageOverrides: v.packageOverrides,
  addOnOverrides: v.addOnOverrides,
  createdBy: v.createdBy,
  // An unsaved row (the shipped default on an empty table) has no creation time.
  createdAt: (v.createdAt as Date | undefined) ?? null,
});

/** JSON with object keys sorted: two documents are the same version when this is. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `object` without its null and undefined fields: absent and null mean the same in a rule, and are stored as absent. */
function compact(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
}

/** A rule in its stored form (nulls left out, in the rule and its match); anything malformed is left for the checks. */
function normalizeRule(rule: unknown): unknown {
  if (!isObject(rule)) return rule;
  const result = compact(rule);
  if (isObject(result.match)) result.match = compact(result.match);
  return result;
}

function normalizeRules(rules: unknown): unknown {
  return Array.isArray(rules) ? rules.map(normalizeRule) : rules;
}

/** Overrides in their stored form: codes with no rules left out. */
function normalizeOverrides(overrides: unknown): unknown {
  if (!isObject(overrides)) return overrides;
  return Object.fromEntries(
    Object.entries(overrides)
      .filter(([, rules]) => !(Array.isArray(rules) && rules.length === 0))
      .map(([code, rules]) => [code, normalizeRules(rules)]),
  );
}

/** Rule notes Postgres could not store (NUL, unpaired surrogates); the domain checks only their length. */
function unstorableNotes(rules: unknown, path: string): SlaPolicyProblem[] {
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule: unknown, i) => {
    const note = isObject(rule) ? rule.note : undefined;
    const problem = typeof note === 'string' ? unstorableText(note) : null;
    return problem ? [{ code: 'MALFORMED_RULE' as const, path: `${path}[${i}].note`, message: `A note ${problem}.` }] : [];
  });
}

/** BAD_USER_INPUT naming the first field at fault, with every problem listed. */
function refuse(problems: readonly { path: string; message: string }[], what: string): void {
  if (problems.length === 0) return;
  throw new DomainError('INVALID_INPUT', `${what}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, {
    field: problems[0]!.path,
    problems,
  });
}

const blocking = (problems: SlaPolicyProblem[]) => problems.filter((p) => p.code !== 'UNREACHABLE_RULE');
const warningsOf = (problems: SlaPolicyProblem[]) => problems.filter((p) => p.code === 'UNREACHABLE_RULE');

/** Problems of one part of overrides: its shape, each code's rules, and codes that name nothing. */
async function overrideProblems(em: EntityManager, overrides: unknown, part: 'packageOverrides' | 'addOnOverrides'): Promise<SlaPolicyProblem[]> {
  if (!isObject(overrides)) return [{ code: 'MALFORMED_POLICY', path: part, message: 'Overrides map a code to its list of rules.' }];
  const codes = Object.keys(overrides);
  const problems = codes.flatMap((code) => [...checkSlaOverrides(overrides[code], `${part}.${code}`), ...unstorableNotes(overrides[code], `${part}.${code}`)]);
  if (codes.length > 0) {
    const rows =
      part === 'packageOverrides'
        ? await em.find(ServicePackage, { code: { $in: codes } }, { fields: ['code'] })
        : await em.find(AddOnPack, { code: { $in: codes } }, { fields: ['code'] });
    const known = new Set(rows.map((row) => row.code));
    const what = part === 'packageOverrides' ? 'service package' : 'add-on pack';
    problems.unshift(
      ...codes.filter((code) => !known.has(code)).map((code) => ({ code: 'MALFORMED_POLICY' as const, path: `${part}.${code}`, message: `There is no ${what} ${code}.` })),
    );
  }
  return problems;
}

/** Every warning of a whole document (the policy's and each code's overrides'), for the ADMIN to see. */
function documentWarnings(document: Pick<SlaPolicyVersion, 'policy' | 'packageOverrides' | 'addOnOverrides'>): SlaPolicyProblem[] {
  return [
    ...warningsOf(checkSlaPolicy(document.policy)).map((p) => ({ ...p, path: `policy.${p.path}` })),
    ...Object.entries(document.packageOverrides).flatMap(([code, rules]) => warningsOf(checkSlaOverrides(rules, `packageOverrides.${code}`))),
    ...Object.entries(document.addOnOverrides).flatMap(([code, rules]) => warningsOf(checkSlaOverrides(rules, `addOnOverrides.${code}`))),
  ];
}

/** Advisory lock key of the SLA policy's versions (Postgres `hashtext`), held until the transaction ends. */
const POLICY_LOCK = 'sla_policy_version';

/**
 * Writes the next SLA policy version (ADMIN) from the given parts, each whole (not a
 * patch); a part left out keeps the current one. The service numbers the version (the
 * latest plus one) and stamps it into the policy. Refuses with INVALID_INPUT naming the
 * field (`policy.rules[1].targets.firstResponseMillis`, `packageOverrides.GOLD`) when a
 * check blocks; rules an earlier rule always beats are stored and returned as warnings.
 * A change that changes nothing writes no version.
 */
export async function updateSlaPolicy(ctx: ServiceContext, input: UpdateSlaPolicy): Promise<SlaPolicyUpdateResult> {
  const admin = requireRole(ctx, ['ADMIN']);
  const given = {
    policy: input.policy ?? undefined,
    packageOverrides: input.packageOverrides === null || input.packageOverrides === undefined ? undefined : normalizeOverrides(input.packageOverrides),
    addOnOverrides: input.addOnOverrides === null || input.addOnOverrides === undefined ? undefined : normalizeOverrides(input.addOnOverrides),
  };
  return ctx.em.transactional(async (tx) => {
    // Two updates at once write versions n+1 and n+2, never two n+1: the second waits
    // here until the first commits, then reads the version the first wrote.
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [POLICY_LOCK]);
    const current = await currentSlaPolicy(tx);
    const next = current.version + 1;

    let policy: unknown = current.policy;
    if (given.policy !== undefined) {
      const draft: unknown = given.policy;
      policy = isObject(draft) ? { ...draft, rules: normalizeRules(draft.rules), version: next } : draft;
    }
    const problems: SlaPolicyProblem[] = [];
    if (given.policy !== undefined) {
      problems.push(...blocking(checkSlaPolicy(policy)).map((p) => ({ ...p, path: p.path ? `policy.${p.path}` : 'policy' })));
      if (isObject(policy)) problems.push(...unstorableNotes(policy.rules, 'policy.rules'));
    }
    if (given.packageOverrides !== undefined) problems.push(...blocking(await overrideProblems(tx, given.packageOverrides, 'packageOverrides')));
    if (given.addOnOverrides !== undefined) problems.push(...blocking(await overrideProblems(tx, given.addOnOverrides, 'addOnOverrides')));
    refuse(problems, 'The SLA policy is not valid');

    const document = {
      policy: policy as SlaPolicy,
      packageOverrides: (given.packageOverrides ?? current.packageOverrides) as SlaOverrides,
      addOnOverrides: (given.addOnOverrides ?? current.addOnOverrides) as SlaOverrides,
    };
    const warnings = documentWarnings(document);
    // The same document under another number is no change.
    const content = (v: typeof document) => canonical({ policy: { ...v.policy, version: null }, packageOverrides: v.packageOverrides, addOnOverrides: v.addOnOverrides });
    if (content(document) === content(current)) return { version: view(current), warnings, written: false };

    const written = tx.create(SlaPolicyVersion, { version: next, ...document, policy: { ...document.policy, version: next }, createdBy: admin.username });
    await tx.flush();
    return { version: view(written), warnings, written: true };
  });
}

/** The SLA policy in force (its highest version; the shipped default on an empty table), for the agency's staff. */
export async function slaPolicyInForce(ctx: ServiceContext): Promise<SlaPolicyVersionView> {
  requireRole(ctx, SLA_SETTINGS_READERS);
  return view(await currentSlaPolicy(ctx.em));
}

/** Every version of the SLA policy, newest first (the agency's staff). */
export async function listSlaPolicyVersions(ctx: ServiceContext): Promise<SlaPolicyVersionView[]> {
  requireRole(ctx, SLA_SETTINGS_READERS);
  const versions = await ctx.em.find(SlaPolicyVersion, {}, { orderBy: { version: 'desc' } });
  return versions.length > 0 ? versions.map(view) : [view(await currentSlaPolicy(ctx.em))];
}
