import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from '../../catalog/entities/index.js';
import { User } from '../../identity/entities/index.js';
import { requireRole } from '../../identity/services/access.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { checkCalendar, WEEKDAYS, type BusinessCalendar, type DayInterval, type Weekday } from '../domain/businessCalendar.js';
import { CALENDAR_SCOPES, type CalendarScope } from '../domain/calendarScope.js';
import { BusinessCalendarVersion } from '../entities/index.js';
import { SLA_SETTINGS_READERS } from './slaPolicyService.js';
import { latestCalendar } from './slaSettings.js';
import { isUuid } from '../../shared/domain/uuid.js';

/**
 * Business-hours calendars are data an ADMIN edits, with versions: one line of versions
 * per scope (the agency's, a team's, a client's; src/aftersales/domain/calendarScope.ts),
 * each change the next row of `business_calendar_version`, the highest in force. A
 * ticket keeps the calendar it opened with; slaSettings.ts picks the one a new ticket gets.
 */

export interface SetBusinessCalendar {
  scope: CalendarScope;
  /** '' for the agency; a team's name (the `team` of some user) for TEAM; a client's id for CLIENT. */
  scopeKey: string;
  /** The whole calendar (not a patch). */
  calendar: BusinessCalendar;
}

/** One version of one scope's calendar, as the API shows it. */
export interface BusinessCalendarVersionView {
  scope: CalendarScope;
  scopeKey: string;
  version: number;
  calendar: BusinessCalendar;
  createdBy: string;
  createdAt: Date;
}

export interface SetBusinessCalendarResult {
  /** The version in force after the call: the one written, or the latest when nothing changed. */
  version: BusinessCalendarVersionView;
  /** Whether a new version was written. */
  written: boolean;
}

const view = (v: BusinessCalendarVersion): BusinessCalendarVersionView => ({
  scope: v.scope,
  scopeKey: v.scopeKey,
  version: v.version,
  calendar: v.calendar,
  createdBy: v.createdBy,
  createdAt: v.createdAt,
});


/** JSON with object keys sorted: two calendars are the same version when this is. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

/** A checked calendar in its stored form: closed days left out, holidays sorted and each once, nothing but its three fields. */
function normalize(calendar: BusinessCalendar): BusinessCalendar {
  const week: Partial<Record<Weekday, DayInterval[]>> = {};
  for (const day of WEEKDAYS) {
    const intervals = calendar.week[day];
    if (intervals && intervals.length > 0) week[day] = intervals.map(([start, end]) => [start, end] as const);
  }
  return { timeZone: calendar.timeZone, week, holidays: [...new Set(calendar.holidays)].sort() };
}

/** The scope key's owner exists: '' for the agency, a team some user works in, an existing client. */
async function checkScopeKey(em: EntityManager, scope: CalendarScope, scopeKey: string): Promise<void> {
  switch (scope) {
    case 'AGENCY':
      if (scopeKey !== '') throw new DomainError('INVALID_INPUT', "scopeKey is '' for the agency's calendar.", { field: 'scopeKey' });
      return;
    case 'TEAM':
      if (scopeKey === '' || !(await em.count(User, { team: scopeKey }))) {
        throw new DomainError('NOT_FOUND', `No user works in team ${JSON.stringify(scopeKey)}.`, { entity: 'Team', id: scopeKey });
      }
      return;
    case 'CLIENT':
      if (!isUuid(scopeKey) || !(await em.count(Client, { id: scopeKey }))) {
        throw new DomainError('NOT_FOUND', `Client ${scopeKey} does not exist.`, { entity: 'Client', id: scopeKey });
      }
      return;
  }
}

/**
 * Writes the next version of one scope's business-hours calendar (ADMIN). Refuses with
 * INVALID_INPUT naming the field (`calendar.timeZone`, `calendar.week.MON[1]`,
 * `calendar.holidays[0]`) when `checkCalendar` finds a problem, and with NOT_FOUND when
 * the team or client does not exist. A change that changes nothing writes no version.
 */
export async function setBusinessCalendar(ctx: ServiceContext, input: SetBusinessCalendar): Promise<SetBusinessCalendarResult> {
  const admin = requireRole(ctx, ['ADMIN']);
  if (!(CALENDAR_SCOPES as readonly string[]).includes(input.scope)) {
    throw new DomainError('INVALID_INPUT', `Unknown scope ${String(input.scope)}; use ${CALENDAR_SCOPES.join(', ')}.`, { field: 'scope' });
  }
  const problems = checkCalendar(input.calendar).map((p) => ({ ...p, path: p.path ? `calendar.${p.path}` : 'calendar' }));
  if (problems.length > 0) {
    throw new DomainError('INVALID_INPUT', `The calendar is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, { field: problems[0]!.path, problems });
  }
  const calendar = normalize(input.calendar);
  await checkScopeKey(ctx.em, input.scope, input.scopeKey);
  return ctx.em.transactional(async (tx) => {
    // Two changes of one scope at once write versions n+1 and n+2, never two n+1.
    await tx.execute('select pg_advisory_xact_lock(hashtext(?), hashtext(?))', ['business_calendar_version', `${input.scope}:${input.scopeKey}`]);
    const latest = await latestCalendar(tx, input.scope, input.scopeKey);
    if (latest && canonical(latest.calendar) === canonical(calendar)) return { version: view(latest), written: false };
    const written = tx.create(BusinessCalendarVersion, {
      scope: input.scope,
      scopeKey: input.scopeKey,
      version: (latest?.version ?? 0) + 1,
      calendar,
      createdBy: admin.username,
    });
    await tx.flush();
    return { version: view(written), written: true };
  });
}

/** The latest calendar of every scope that has one: the agency's first, then teams', then clients', each by key (the agency's staff). */
export async function businessCalendars(ctx: ServiceContext): Promise<BusinessCalendarVersionView[]> {
  requireRole(ctx, SLA_SETTINGS_READERS);
  const rows: Record<string, unknown>[] = await ctx.em.execute(
    'select distinct on ("scope", "scope_key") * from "business_calendar_version" order by "scope", "scope_key", "version" desc',
  );
  const latest = rows.map((row) => ctx.em.map(BusinessCalendarVersion, row));
  const order = (scope: CalendarScope) => CALENDAR_SCOPES.indexOf(scope);
  return latest.sort((a, b) => order(a.scope) - order(b.scope) || a.scopeKey.localeCompare(b.scopeKey)).map(view);
}

/** Every version of one scope's calendar, newest first; empty when it has none (the agency's staff). */
export async function businessCalendarVersions(ctx: ServiceContext, scope: CalendarScope, scopeKey: string): Promise<BusinessCalendarVersionView[]> {
  requireRole(ctx, SLA_SETTINGS_READERS);
  const rows = await ctx.em.find(BusinessCalendarVersion, { scope, scopeKey }, { orderBy: { version: 'desc' } });
  return rows.map(view);
}
