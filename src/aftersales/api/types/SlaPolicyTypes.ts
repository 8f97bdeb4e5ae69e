import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { ClientTierEnum } from '../../../catalog/api/enums.js';
import type { ClientTier } from '../../../catalog/domain/clientTier.js';
import { MINUTE_MS } from '../../domain/businessCalendar.js';
import type { SlaCalendarKey, SlaPolicy, SlaPolicyProblem, SlaRule, SlaTargets } from '../../domain/slaPolicy.js';
import type { TicketCategory } from '../../domain/ticketCategory.js';
import type { TicketSeverity } from '../../domain/ticketSeverity.js';
import type { SlaPolicyUpdateResult, SlaPolicyVersionView } from '../../services/slaPolicyService.js';
import { SlaCalendarKeyEnum, TicketCategoryEnum, TicketSeverityEnum } from '../enums.js';

/**
 * The SLA policy as the API shows it. The domain keeps targets in milliseconds; the API
 * speaks whole minutes (a year of minutes fits a GraphQL Int, a year of milliseconds
 * does not), and `SlaPolicyInput` converts back exactly.
 */

@ObjectType('SlaTargets', { description: 'When responses and the resolution of a ticket are due, counted in one calendar from when the ticket opens.' })
export class SlaTargetsType {
  @Field(() => Int, { description: 'Minutes (in the calendar) until the first response is due.' }) firstResponseMinutes!: number;
  @Field(() => Int, { description: 'Minutes until the next response is due, after each client message; at most the resolution.' }) nextResponseMinutes!: number;
  @Field(() => Int, { description: 'Minutes until the ticket must be resolved.' }) resolutionMinutes!: number;
  @Field(() => SlaCalendarKeyEnum, { description: 'Which calendar counts the three: business hours or around the clock.' }) calendar!: SlaCalendarKey;
}

@ObjectType('SlaDefaults', { description: 'The targets of a ticket no rule sets targets for, by severity.' })
export class SlaDefaultsType {
  @Field(() => SlaTargetsType, { description: 'Targets of a LOW-severity ticket (first response 48 h as shipped).' }) LOW!: SlaTargetsType;
  @Field(() => SlaTargetsType, { description: 'Targets of a MEDIUM-severity ticket (first response 24 h as shipped).' }) MEDIUM!: SlaTargetsType;
  @Field(() => SlaTargetsType, { description: 'Targets of a HIGH-severity ticket (first response 12 h as shipped).' }) HIGH!: SlaTargetsType;
}

@ObjectType('SlaRuleMatch', { description: 'Which tickets a rule applies to: all the given fields must match; a null field matches any ticket.' })
export class SlaRuleMatchType {
  @Field(() => TicketSeverityEnum, { nullable: true, description: "Tickets of this severity; null: any severity." }) severity?: TicketSeverity | null;
  @Field(() => TicketCategoryEnum, { nullable: true, description: 'Tickets of this category; null: any category.' }) category?: TicketCategory | null;
  @Field(() => ClientTierEnum, { nullable: true, description: 'Tickets of clients in this tier; null: any tier.' }) tier?: ClientTier | null;
  @Field(() => Int, { nullable: true, description: 'Tickets affecting at least this many users; null: any number.' }) minAffectedUsers?: number | null;
}

@ObjectType('SlaRule', { description: 'One rule of an SLA policy or of overrides: the first matching rule that sets something wins it.' })
export class SlaRuleType {
  @Field(() => String, { description: "Unique within its list; named in a ticket's SLA explanation." }) id!: string;
  @Field(() => String, { nullable: true, description: 'Why the rule exists, for explanations and admins.' }) note?: string | null;
  @Field(() => SlaRuleMatchType, { description: 'Which tickets the rule applies to.' }) match!: SlaRuleMatchType;
  @Field(() => SlaTargetsType, { nullable: true, description: "The targets of matching tickets; null: this rule does not set targets." }) targets?: SlaTargetsType | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether matching tickets are offered self-service before a person picks them up; null: not set by this rule.' })
  selfServiceFirst?: boolean | null;
}

@ObjectType('SlaRouting', { description: 'Who gets a new ticket.' })
export class SlaRoutingType {
  @Field(() => [ClientTierEnum], { description: "Tickets of clients in these tiers go to the client's dedicated CSM when it has one; others to the least-loaded CSM." })
  dedicatedCsmTiers!: ClientTier[];
}

@ObjectType('SlaPolicy', { description: "The agency's after-sales SLA policy: data an ADMIN edits, with versions." })
export class SlaPolicyType {
  @Field(() => Int, { description: 'The version, stamped on every ticket opened under it.' }) version!: number;
  @Field(() => SlaDefaultsType, { description: 'Targets by severity, for tickets no rule sets targets for.' }) defaults!: SlaDefaultsType;
  @Field(() => [SlaRuleType], { description: 'Rules in order; for targets and for self-service separately, the first matching rule that sets it wins.' })
  rules!: SlaRuleType[];
  @Field(() => SlaRoutingType, { description: 'Who gets a new ticket.' }) routing!: SlaRoutingType;
}

@ObjectType('SlaOverrides', { description: "A service package's or add-on pack's override rules, ahead of the policy's rules for its projects' tickets." })
export class SlaOverridesType {
  @Field(() => String, { description: 'Code of the service package or add-on pack.' }) code!: string;
  @Field(() => [SlaRuleType], { description: 'The override rules in order (same shape and precedence as the policy rules).' }) rules!: SlaRuleType[];
}

@ObjectType('SlaPolicyVersion', { description: 'One version of the SLA settings (the policy and the package and add-on overrides); never changed once written.' })
export class SlaPolicyVersionType {
  @Field(() => Int, { description: 'Version number, from 1 (the shipped default); the highest is in force.' }) version!: number;
  @Field(() => SlaPolicyType, { description: 'The policy as this version set it.' }) policy!: SlaPolicyType;
  @Field(() => [SlaOverridesType], { description: 'Override rules per service package, by code. An add-on bought on top wins over its package.' })
  packageOverrides!: SlaOverridesType[];
  @Field(() => [SlaOverridesType], { description: 'Override rules per add-on pack, by code; they come before the package overrides.' })
  addOnOverrides!: SlaOverridesType[];
  @Field(() => String, { description: 'Who wrote it: an ADMIN, or seed for the shipped default.' }) createdBy!: string;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When this version was written; null only for the shipped default before it is stored.' })
  createdAt!: Date | null;
}

@ObjectType('SlaPolicyProblem', { description: 'Something about a policy worth knowing that did not stop it being stored.' })
export class SlaPolicyProblemType {
  @Field(() => String, { description: 'What it is, e.g. UNREACHABLE_RULE: an earlier rule matches every ticket this rule matches, so it never applies.' }) code!: string;
  @Field(() => String, { description: 'Where, e.g. policy.rules[3] or packageOverrides[0].rules[1].' }) path!: string;
  @Field(() => String, { description: 'The explanation, for the admin.' }) message!: string;
}

@ObjectType('UpdateSlaPolicyPayload', { description: 'What updating the SLA policy did.' })
export class UpdateSlaPolicyPayload {
  @Field(() => SlaPolicyVersionType, { description: 'The version in force now: the one written, or the unchanged latest when the change changed nothing.' })
  version!: SlaPolicyVersionType;
  @Field(() => Boolean, { description: 'Whether a new version was written (false: the input equals the version in force).' }) written!: boolean;
  @Field(() => [SlaPolicyProblemType], { description: 'Warnings about the version in force, such as rules that never apply; they do not stop it being stored.' })
  warnings!: SlaPolicyProblemType[];
}

// ---------------------------------------------------------------------------------------
// From the domain

/** Whole minutes of a target (stored targets written through the API always are; others round up). */
export const minutes = (millis: number) => Math.ceil(millis / MINUTE_MS);

export function slaTargetsType(targets: SlaTargets): SlaTargetsType {
  return {
    firstResponseMinutes: minutes(targets.firstResponseMillis),
    nextResponseMinutes: minutes(targets.nextResponseMillis),
    resolutionMinutes: minutes(targets.resolutionMillis),
    calendar: targets.calendar,
  };
}

export function slaRuleType(rule: SlaRule): SlaRuleType {
  return {
    id: rule.id,
    note: rule.note ?? null,
    match: { severity: rule.match.severity ?? null, category: rule.match.category ?? null, tier: rule.match.tier ?? null, minAffectedUsers: rule.match.minAffectedUsers ?? null },
    targets: rule.targets ? slaTargetsType(rule.targets) : null,
    selfServiceFirst: rule.selfServiceFirst ?? null,
  };
}

export function slaPolicyType(policy: SlaPolicy): SlaPolicyType {
  return {
    version: policy.version,
    defaults: { LOW: slaTargetsType(policy.defaults.LOW), MEDIUM: slaTargetsType(policy.defaults.MEDIUM), HIGH: slaTargetsType(policy.defaults.HIGH) },
    rules: policy.rules.map(slaRuleType),
    routing: { dedicatedCsmTiers: [...policy.routing.dedicatedCsmTiers] },
  };
}

/** Overrides by code as a list sorted by code. */
export function slaOverridesType(overrides: Readonly<Record<string, readonly SlaRule[]>>): SlaOverridesType[] {
  return Object.keys(overrides)
    .sort()
    .map((code) => ({ code, rules: overrides[code]!.map(slaRuleType) }));
}

export function slaPolicyVersionType(version: SlaPolicyVersionView): SlaPolicyVersionType {
  return {
    version: version.version,
    policy: slaPolicyType(version.policy),
    packageOverrides: slaOverridesType(version.packageOverrides),
    addOnOverrides: slaOverridesType(version.addOnOverrides),
    createdBy: version.createdBy,
    createdAt: version.createdAt,
  };
}

export function updateSlaPolicyPayload(result: SlaPolicyUpdateResult, apiPath: (path: string) => string): UpdateSlaPolicyPayload {
  return {
    version: slaPolicyVersionType(result.version),
    written: result.written,
    warnings: result.warnings.map((problem: SlaPolicyProblem) => ({ code: problem.code, path: apiPath(problem.path), message: problem.message })),
  };
}
