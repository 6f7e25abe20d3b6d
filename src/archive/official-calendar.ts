/**
 * The State Council's holiday calendar as the `chinese-days` package records it (one notice a
 * year, 2004 onwards; the package is updated when a new notice appears). Read from the package's
 * data file rather than through its functions: those format dates in the machine's time zone, so
 * west of Greenwich they answer for the day before.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** An official calendar: its listed days and the years it has a notice for. */
export interface OfficialCalendar {
  /** Days off (放假日), weekends of a holiday included. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休上班日). */
  makeUpWorkdays: ReadonlySet<string>;
  /** Years whose notice the calendar holds: a day of any other year is counted Monday–Friday, with a warning. */
  years: ReadonlySet<number>;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

export function officialCalendar(holidays: Iterable<string>, makeUpWorkdays: Iterable<string>): OfficialCalendar {
  const days = new Set(holidays);
  return { holidays: days, makeUpWorkdays: new Set(makeUpWorkdays), years: new Set([...days].map(yearOf)) };
}

/** The chinese-days calendar (its `workdays` are the make-up workdays: every entry is a weekend day). */
export const stateCouncilCalendar: OfficialCalendar = officialCalendar(Object.keys(data.holidays), Object.keys(data.workdays));

/** A calendar that knows no year: every day is counted Monday–Friday. */
export const noOfficialCalendar: OfficialCalendar = officialCalendar([], []);
