import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { WEEKDAYS, type BusinessCalendar, type Weekday } from '../../domain/businessCalendar.js';
import type { CalendarScope } from '../../domain/calendarScope.js';
import type { BusinessCalendarVersionView, SetBusinessCalendarResult } from '../../services/calendarService.js';
import { CalendarScopeEnum, WeekdayEnum } from '../enums.js';

@ObjectType('OpeningInterval', { description: 'An opening interval of a local day, [startMinute, endMinute) in minutes after local midnight.' })
export class OpeningIntervalType {
  @Field(() => Int, { description: 'Minute of the local day the interval opens, 0 to 1439 (540 = 09:00).' }) startMinute!: number;
  @Field(() => Int, { description: 'Minute of the local day the interval closes, after startMinute, up to 1440 (midnight at the end of the day).' })
  endMinute!: number;
}

@ObjectType('BusinessDay', { description: 'The opening intervals of one weekday.' })
export class BusinessDayType {
  @Field(() => WeekdayEnum, { description: 'The weekday, in local time.' }) day!: Weekday;
  @Field(() => [OpeningIntervalType], { description: 'Opening intervals in order, not overlapping; empty: closed all day.' }) intervals!: OpeningIntervalType[];
}

@ObjectType('BusinessCalendar', {
  description: "Business hours: an instant counts when its local time in the calendar's zone falls into an opening interval of its weekday and its local date is no holiday.",
})
export class BusinessCalendarType {
  @Field(() => String, { description: 'IANA time zone the week and the holidays are read in, e.g. Europe/Berlin.' }) timeZone!: string;
  @Field(() => [BusinessDayType], { description: 'All seven weekdays, Monday first, each with its opening intervals (empty when closed).' }) week!: BusinessDayType[];
  @Field(() => [LocalDateResolver], { description: 'Local dates on which the calendar is closed all day, in order.' }) holidays!: string[];
}

@ObjectType('BusinessCalendarVersion', { description: "One version of one scope's business-hours calendar; never changed once written." })
export class BusinessCalendarVersionType {
  @Field(() => CalendarScopeEnum, { description: 'Whose calendar: the agency, a team or a client.' }) scope!: CalendarScope;
  @Field(() => String, { description: "'' for the agency; the team's name for TEAM; the client's id for CLIENT." }) scopeKey!: string;
  @Field(() => Int, { description: 'Version number within the scope, from 1; the highest is in force for new tickets.' }) version!: number;
  @Field(() => BusinessCalendarType, { description: 'The calendar as this version set it.' }) calendar!: BusinessCalendarType;
  @Field(() => String, { description: 'The ADMIN who wrote it.' }) createdBy!: string;
  @Field(() => DateTimeISOResolver, { description: 'When this version was written.' }) createdAt!: Date;
}

@ObjectType('SetBusinessCalendarPayload', { description: 'What setting a business-hours calendar did.' })
export class SetBusinessCalendarPayload {
  @Field(() => BusinessCalendarVersionType, { description: "The scope's version in force now: the one written, or the unchanged latest when the change changed nothing." })
  version!: BusinessCalendarVersionType;
  @Field(() => Boolean, { description: 'Whether a new version was written (false: the calendar equals the one in force).' }) written!: boolean;
}

// ---------------------------------------------------------------------------------------
// From the domain

export function businessCalendarType(calendar: BusinessCalendar): BusinessCalendarType {
  return {
    timeZone: calendar.timeZone,
    week: WEEKDAYS.map((day) => ({ day, intervals: (calendar.week[day] ?? []).map(([startMinute, endMinute]) => ({ startMinute, endMinute })) })),
    holidays: [...calendar.holidays],
  };
}

export function businessCalendarVersionType(version: BusinessCalendarVersionView): BusinessCalendarVersionType {
  return { ...version, calendar: businessCalendarType(version.calendar) };
}

export function setBusinessCalendarPayload(result: SetBusinessCalendarResult): SetBusinessCalendarPayload {
  return { version: businessCalendarVersionType(result.version), written: result.written };
}
