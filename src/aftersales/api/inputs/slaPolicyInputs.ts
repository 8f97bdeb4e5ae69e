import { Field, InputType, Int } from 'type-graphql';
import { ClientTierEnum } from '../../../catalog/api/enums.js';
import type { ClientTier } from '../../../catalog/domain/clientTier.js';
import { MINUTE_MS } from '../../domain/businessCalendar.js';
import type { SlaCalendarKey, SlaPolicy, SlaRule, SlaRuleMatch, SlaTargets } from '../../domain/slaPolicy.js';
import type { TicketCategory } from '../../domain/ticketCategory.js';
import type { TicketSeverity } from '../../domain/ticketSeverity.js';
import type { SlaOverrides, SlaPolicyDraft } from '../../services/slaPolicyService.js';
import { SlaCalendarKeyEnum, TicketCategoryEnum, TicketSeverityEnum } from '../enums.js';

/**
 * The SLA settings as an ADMIN writes them: each part whole (not a patch). Targets are
 * whole minutes here and exact milliseconds in the domain (minutes × 60000). Ranges and
 * consistency are checked on the whole document by `checkSlaPolicy` / `checkSlaOverrides`,
 * which answer BAD_USER_INPUT naming the field.
 */

@InputType({ description: 'When responses and the resolution are due, in whole minutes of one calendar (each above 0 and at most 525600, a year).' })
export class SlaTargetsInput {
  @Field(() => Int, { description: 'Minutes until the first response is due; at most the resolution.' }) firstResponseMinutes!: number;
  @Field(() => Int, { description: 'Minutes until the next response is due after each client message; at most the resolution.' }) nextResponseMinutes!: number;
  @Field(() => Int, { description: 'Minutes until the ticket must be resolved.' }) resolutionMinutes!: number;
  @Field(() => SlaCalendarKeyEnum, { description: 'Which calendar counts the three.' }) calendar!: SlaCalendarKey;
}

@InputType({ description: 'Targets by severity, for tickets no rule sets targets for.' })
export class SlaDefaultsInput {
  @Field(() => SlaTargetsInput, { description: 'Targets of a LOW-severity ticket.' }) LOW!: SlaTargetsInput;
  @Field(() => SlaTargetsInput, { description: 'Targets of a MEDIUM-severity ticket.' }) MEDIUM!: SlaTargetsInput;
  @Field(() => SlaTargetsInput, { description: 'Targets of a HIGH-severity ticket.' }) HIGH!: SlaTargetsInput;
}

@InputType({ description: 'Which tickets a rule applies to: all the given fields must match; a field left out or null matches any ticket.' })
export class SlaRuleMatchInput {
  @Field(() => TicketSeverityEnum, { nullable: true, description: 'Tickets of this severity; null: any.' }) severity?: TicketSeverity | null;
  @Field(() => TicketCategoryEnum, { nullable: true, description: 'Tickets of this category; null: any.' }) category?: TicketCategory | null;
  @Field(() => ClientTierEnum, { nullable: true, description: 'Tickets of clients in this tier; null: any.' }) tier?: ClientTier | null;
  @Field(() => Int, { nullable: true, description: 'Tickets affecting at least this many users, 1 to 10000000; null: any number.' }) minAffectedUsers?: number | null;
}

@InputType({ description: 'One rule: sets targets, selfServiceFirst or both for the tickets it matches (first matching rule that sets it wins).' })
export class SlaRuleInput {
  @Field(() => String, { description: 'Unique within its list: 1 to 64 letters, digits or . _ : / - starting with a letter or digit.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Why the rule exists (at most 500 characters); null: no note.' }) note?: string | null;
  @Field(() => SlaRuleMatchInput, { description: 'Which tickets the rule applies to; {} matches every ticket.' }) match!: SlaRuleMatchInput;
  @Field(() => SlaTargetsInput, { nullable: true, description: 'Targets of matching tickets; null: this rule does not set targets.' }) targets?: SlaTargetsInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether matching tickets are offered self-service first; null: not set by this rule.' })
  selfServiceFirst?: boolean | null;
}

@InputType({ description: 'Who gets a new ticket.' })
export class SlaRoutingInput {
  @Field(() => [ClientTierEnum], { description: "Tiers whose tickets go to the client's dedicated CSM when it has one (each tier once)." })
  dedicatedCsmTiers!: ClientTier[];
}

@InputType({ description: 'A whole SLA policy; its version is numbered by the server.' })
export class SlaPolicyInput {
  @Field(() => SlaDefaultsInput, { description: 'Targets by severity.' }) defaults!: SlaDefaultsInput;
  @Field(() => [SlaRuleInput], { description: 'Rules in order (at most 50); ids unique.' }) rules!: SlaRuleInput[];
  @Field(() => SlaRoutingInput, { description: 'Who gets a new ticket.' }) routing!: SlaRoutingInput;
}

@InputType({ description: "One package's or add-on pack's override rules." })
export class SlaOverridesInput {
  @Field(() => String, { description: 'Code of an existing service package (in packageOverrides) or add-on pack (in addOnOverrides); each code once per list.' })
  code!: string;
  @Field(() => [SlaRuleInput], { description: 'The override rules in order (at most 50); an empty list removes the overrides of this code.' }) rules!: SlaRuleInput[];
}

@InputType({
  description:
    'The next SLA settings version: each part given replaces the whole current part; a part left out or null is kept. The server numbers the version. A change that changes nothing writes no version.',
})
export class UpdateSlaPolicyInput {
  @Field(() => SlaPolicyInput, { nullable: true, description: 'The whole new policy; left out: unchanged.' }) policy?: SlaPolicyInput | null;
  @Field(() => [SlaOverridesInput], { nullable: true, description: 'Every package override, one entry per package code; a code left out has none; left out: unchanged.' })
  packageOverrides?: SlaOverridesInput[] | null;
  @Field(() => [SlaOverridesInput], { nullable: true, description: 'Every add-on override, one entry per add-on code; a code left out has none; left out: unchanged.' })
  addOnOverrides?: SlaOverridesInput[] | null;
}

// ---------------------------------------------------------------------------------------
// To the domain

export function slaTargets(input: SlaTargetsInput): SlaTargets {
  return {
    firstResponseMillis: input.firstResponseMinutes * MINUTE_MS,
    nextResponseMillis: input.nextResponseMinutes * MINUTE_MS,
    resolutionMillis: input.resolutionMinutes * MINUTE_MS,
    calendar: input.calendar,
  };
}

/** A rule with nulls left out (absent and null mean the same). */
export function slaRule(input: SlaRuleInput): SlaRule {
  const match: SlaRuleMatch = {};
  if (input.match.severity != null) match.severity = input.match.severity;
  if (input.match.category != null) match.category = input.match.category;
  if (input.match.tier != null) match.tier = input.match.tier;
  if (input.match.minAffectedUsers != null) match.minAffectedUsers = input.match.minAffectedUsers;
  const rule: SlaRule = { id: input.id, match };
  if (input.note != null) rule.note = input.note;
  if (input.targets != null) rule.targets = slaTargets(input.targets);
  if (input.selfServiceFirst != null) rule.selfServiceFirst = input.selfServiceFirst;
  return rule;
}

export function slaPolicyDraft(input: SlaPolicyInput): SlaPolicyDraft {
  const defaults: SlaPolicy['defaults'] = { LOW: slaTargets(input.defaults.LOW), MEDIUM: slaTargets(input.defaults.MEDIUM), HIGH: slaTargets(input.defaults.HIGH) };
  return { defaults, rules: input.rules.map(slaRule), routing: { dedicatedCsmTiers: [...input.routing.dedicatedCsmTiers] } };
}

/** Overrides by code (the caller refuses a code listed twice). */
export function slaOverrides(input: readonly SlaOverridesInput[]): SlaOverrides {
  return Object.fromEntries(input.map((entry) => [entry.code, entry.rules.map(slaRule)]));
}
