import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import type { BusinessCalendar, DayInterval, Weekday } from '../../domain/businessCalendar.js';
import type { CalendarScope } from '../../domain/calendarScope.js';
import { CalendarScopeEnum, WeekdayEnum } from '../enums.js';

/**
 * A business-hours calendar as an ADMIN writes it: the whole calendar, not a patch.
 * Checked whole by `checkCalendar`, which answers BAD_USER_INPUT naming the field.
 */

@InputType({ description: 'An opening interval of a local day, [startMinute, endMinute) in minutes after local midnight.' })
export class OpeningIntervalInput {
  @Field(() => Int, { description: 'Minute the interval opens, 0 to 1439 (540 = 09:00).' }) startMinute!: number;
  @Field(() => Int, { description: 'Minute the interval closes, after startMinute, up to 1440 (the end of the day).' }) endMinute!: number;
}

@InputType({ description: 'The opening intervals of one weekday.' })
export class BusinessDayInput {
  @Field(() => WeekdayEnum, { description: 'The weekday; each at most once in a week.' }) day!: Weekday;
  @Field(() => [OpeningIntervalInput], { description: 'Opening intervals in order, not overlapping, at most 24; empty: closed.' }) intervals!: OpeningIntervalInput[];
}

@InputType({ description: 'A whole business-hours calendar.' })
export class BusinessCalendarInput {
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Berlin.' }) timeZone!: string;
  @Field(() => [BusinessDayInput], { description: 'The open weekdays with their intervals; a weekday left out is closed. At least one interval in the week.' })
  week!: BusinessDayInput[];
  @Field(() => [LocalDateResolver], { description: 'Local dates closed all day (at most 500).' }) holidays!: string[];
}

@InputType({ description: "The next version of one scope's business-hours calendar. A calendar equal to the one in force writes no version." })
export class SetBusinessCalendarInput {
  @Field(() => CalendarScopeEnum, { description: 'Whose calendar: the agency, a team or a client.' }) scope!: CalendarScope;
  @Field(() => String, { description: "'' for AGENCY; an existing team's name for TEAM; an existing client's id for CLIENT." }) scopeKey!: string;
  @Field(() => BusinessCalendarInput, { description: 'The whole calendar.' }) calendar!: BusinessCalendarInput;
}

/** The domain calendar (the caller refuses a weekday listed twice). */
export function businessCalendar(input: BusinessCalendarInput): BusinessCalendar {
  return {
    timeZone: input.timeZone,
    week: Object.fromEntries(input.week.map(({ day, intervals }) => [day, intervals.map(({ startMinute, endMinute }): DayInterval => [startMinute, endMinute])])),
    holidays: [...input.holidays],
  };
}
