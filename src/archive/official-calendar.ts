/**
 * The State Council's holiday calendar as the `chinese-days` package records it (one notice a
 * year, 2004 onwards; the package is updated when a new notice appears). Read from the package's
 * data file rather than through its functions: those format dates in the machine's time zone, so
 * west of Greenwich they answer for the day before.
 */
import { createRequire } from 'node:module';

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

let stateCouncil: OfficialCalendar | undefined;

/** The package's data file: what the caches are kept under names it too (see codeVersion). */
export const calendarDataFile = 'chinese-days/dist/chinese-days.json';

/**
 * The chinese-days calendar (its `workdays` are the make-up workdays: every entry is a weekend
 * day), read when first asked for: most commands count no working days. Required, not imported:
 * a JSON module needs an import attribute, which the CLI's bundler does not keep.
 */
export function stateCouncilCalendar(): OfficialCalendar {
  if (!stateCouncil) {
    const data = createRequire(import.meta.url)(calendarDataFile) as Record<'holidays' | 'workdays', Record<string, string>>;
    stateCouncil = officialCalendar(Object.keys(data.holidays), Object.keys(data.workdays));
  }
  return stateCouncil;
}

/** A calendar that knows no year: every day is counted Monday–Friday. */
export const noOfficialCalendar: OfficialCalendar = officialCalendar([], []);
