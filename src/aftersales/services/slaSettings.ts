import type { EntityManager } from '@mikro-orm/postgresql';
import { ALWAYS_OPEN, type BusinessCalendar } from '../domain/businessCalendar.js';
import { CALENDAR_PRECEDENCE, type CalendarScope } from '../domain/calendarScope.js';
import { DEFAULT_SLA_POLICY, type SlaRule } from '../domain/slaPolicy.js';
import { BusinessCalendarVersion, SlaPolicyVersion } from '../entities/index.js';

/**
 * What a new ticket runs under, read from the versioned data ADMINs edit
 * (src/aftersales/services/slaPolicyService.ts, calendarService.ts): the SLA policy in force
 * (its highest version), the override rules of the project's package and add-ons, and the
 * business-hours calendar of the client, else of the assignee's team, else of the agency.
 */

/** The policy version in force: the highest one (the seeded default on an empty table). */
export async function currentSlaPolicy(em: EntityManager): Promise<SlaPolicyVersion> {
  const [latest] = await em.find(SlaPolicyVersion, {}, { orderBy: { version: 'desc' }, limit: 1 });
  return latest ?? em.create(SlaPolicyVersion, { version: DEFAULT_SLA_POLICY.version, policy: DEFAULT_SLA_POLICY, packageOverrides: {}, addOnOverrides: {}, createdBy: 'seed' }, { persist: false });
}

/**
 * The override rules for a project: its add-ons' first (in code order, so every reader
 * agrees), then its package's; each id prefixed with where it comes from, so ids stay
 * unique in the combined list and the ticket's explanation names the source.
 */
export function slaOverridesFor(version: Pick<SlaPolicyVersion, 'packageOverrides' | 'addOnOverrides'>, packageCode: string, addOnCodes: readonly string[]): SlaRule[] {
  const prefixed = (source: string, rules: readonly SlaRule[] | undefined) => (rules ?? []).map((rule) => ({ ...rule, id: `${source}/${rule.id}` }));
  return [
    ...[...addOnCodes].sort().flatMap((code) => prefixed(`add-on:${code}`, version.addOnOverrides[code])),
    ...prefixed(`package:${packageCode}`, version.packageOverrides[packageCode]),
  ];
}

/** The latest calendar of one scope, or null when it has none. */
export async function latestCalendar(em: EntityManager, scope: CalendarScope, scopeKey: string): Promise<BusinessCalendarVersion | null> {
  const [latest] = await em.find(BusinessCalendarVersion, { scope, scopeKey }, { orderBy: { version: 'desc' }, limit: 1 });
  return latest ?? null;
}

/** The calendar a ticket counts business hours in: the client's, else the team's, else the agency's, else around the clock. */
export async function calendarFor(em: EntityManager, owner: { clientId: string; team: string | null }): Promise<BusinessCalendar> {
  const keys: Record<CalendarScope, string | null> = { CLIENT: owner.clientId, TEAM: owner.team, AGENCY: '' };
  for (const scope of CALENDAR_PRECEDENCE) {
    const key = keys[scope];
    if (key === null) continue;
    const found = await latestCalendar(em, scope, key);
    if (found) return found.calendar;
  }
  return ALWAYS_OPEN;
}
