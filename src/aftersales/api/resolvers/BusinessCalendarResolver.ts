import { Arg, Authorized, Ctx, Extensions, Mutation, Query, Resolver } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import { DomainError } from '../../../platform/domainError.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import type { CalendarScope } from '../../domain/calendarScope.js';
import { businessCalendars, businessCalendarVersions, setBusinessCalendar } from '../../services/calendarService.js';
import { SLA_SETTINGS_READERS } from '../../services/slaPolicyService.js';
import { CalendarScopeEnum } from '../enums.js';
import { businessCalendar, SetBusinessCalendarInput, type BusinessDayInput } from '../inputs/businessCalendarInputs.js';
import { BusinessCalendarVersionType, businessCalendarVersionType, SetBusinessCalendarPayload, setBusinessCalendarPayload } from '../types/BusinessCalendarType.js';
import { inApiTerms } from './SlaPolicyResolver.js';

/** A domain path of a calendar (`calendar.week.MON[1]`) as the API names it (`calendar.week[0].intervals[1]`), given the input's weekdays in order. */
function calendarApiPath(path: string, week: readonly BusinessDayInput[]): string {
  const match = /^calendar\.week\.([A-Z]{3})(.*)$/.exec(path);
  if (!match) return path;
  const index = week.findIndex((entry) => entry.day === match[1]);
  return index < 0 ? path : `calendar.week[${index}].intervals${match[2]}`;
}

@Resolver()
export class BusinessCalendarResolver {
  @Authorized(SLA_SETTINGS_READERS)
  @Extensions(listRows(10))
  @Query(() => [BusinessCalendarVersionType], {
    description: "The business-hours calendar in force of every scope that has one: the agency's, then teams', then clients' (ADMIN, LEAD, CSM).",
  })
  async businessCalendars(@Ctx() ctx: GraphQLContext) {
    return (await businessCalendars(ctx)).map(businessCalendarVersionType);
  }

  @Authorized(SLA_SETTINGS_READERS)
  @Extensions(listRows(10))
  @Query(() => [BusinessCalendarVersionType], { description: "Every version of one scope's business-hours calendar, newest first; empty when it has none (ADMIN, LEAD, CSM)." })
  async businessCalendarVersions(
    @Arg('scope', () => CalendarScopeEnum, { description: 'Whose calendar: the agency, a team or a client.' }) scope: CalendarScope,
    @Arg('scopeKey', () => String, { defaultValue: '', description: "'' for AGENCY (the default); the team's name for TEAM; the client's id for CLIENT." }) scopeKey: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return (await businessCalendarVersions(ctx, scope, scopeKey)).map(businessCalendarVersionType);
  }

  @Authorized(['ADMIN'])
  @Mutation(() => SetBusinessCalendarPayload, {
    description:
      "Writes the next version of one scope's business-hours calendar (ADMIN). New tickets count in it; open tickets keep theirs. Refused with BAD_USER_INPUT naming the field for an invalid calendar, NOT_FOUND for a team no user works in or a client that does not exist. A calendar equal to the one in force writes no version.",
  })
  async setBusinessCalendar(
    @Arg('input', () => SetBusinessCalendarInput, { description: 'The scope and its whole new calendar.' }) input: SetBusinessCalendarInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { week } = input.calendar;
    week.forEach(({ day }, i) => {
      if (week.findIndex((entry) => entry.day === day) !== i) {
        throw new DomainError('INVALID_INPUT', `calendar.week[${i}].day ${day} is listed twice; give each weekday once.`, { field: `calendar.week[${i}].day` });
      }
    });
    try {
      return setBusinessCalendarPayload(await setBusinessCalendar(ctx, { scope: input.scope, scopeKey: input.scopeKey, calendar: businessCalendar(input.calendar) }));
    } catch (error) {
      throw inApiTerms(error, (path) => calendarApiPath(path, week));
    }
  }
}
