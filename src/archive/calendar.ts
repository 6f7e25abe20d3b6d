/**
 * The working-day calendar of the rulebook.
 *
 * C-REFERRAL-REPLY: a worker receiving a referral replies "within N working days; weekends and a
 * configurable holiday list excluded". Working days are Monday–Friday, minus the configured public
 * holidays, plus the configured make-up workdays (调休上班日: weekend days that are working days).
 * Dates are YYYY-MM-DD strings; all arithmetic is in UTC via ../dates.ts.
 */
import { addDays, daysBetween } from '../dates.ts';

/** The `holidays` and `makeUpWorkdays` fields of ArchiveConfig, so a config object can be passed directly. */
export interface WorkCalendar {
  /** Public holidays (法定节假日): not working even on a weekday. */
  holidays: readonly string[];
  /** Make-up workdays (调休上班日): working even on a weekend. */
  makeUpWorkdays: readonly string[];
}

/** A working-day test for `cal`, with its date sets built once. */
function workingDayTest(cal: WorkCalendar): (date: string) => boolean {
  const holidays = new Set(cal.holidays);
  const makeUp = new Set(cal.makeUpWorkdays);
  return (date) => {
    if (makeUp.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

/**
 * Whether `date` is a working day: a make-up workday is working even on a weekend (and wins if a
 * date is listed as both); a holiday is not working even on a weekday; otherwise Monday–Friday.
 */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return workingDayTest(cal)(date);
}

/**
 * The number of working days after `from` up to and including `to`, i.e. how many working days
 * have elapsed since `from` (0 when `to` is on or before `from`).
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const isWorking = workingDayTest(cal);
  const span = daysBetween(from, to);
  let count = 0;
  for (let i = 1; i <= span; i++) if (isWorking(addDays(from, i))) count++;
  return count;
}

/**
 * The date on which the n-th working day after `date` falls (n >= 1), i.e. the deadline of
 * "within n working days of `date`". Throws a RangeError unless n is a positive integer.
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const isWorking = workingDayTest(cal);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorking(day)) left--;
  }
  return day;
}
