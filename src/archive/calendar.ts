/**
 * The working-day calendar of the rulebook.
 *
 * C-REFERRAL-REPLY: a worker receiving a referral replies "within N working days; weekends and a
 * configurable holiday list excluded". Working days are Monday–Friday, minus the public holidays,
 * plus the make-up workdays (调休上班日: weekend days that are working days). Both lists come from
 * the State Council's calendar (./official-calendar.ts), with archive.yaml's own lists added on
 * top and winning where they disagree (a local holiday, a notice the package has not caught up
 * with). A year neither source covers is counted Monday–Friday: `uncoveredYears` names it so the
 * caller can say so. Dates are YYYY-MM-DD strings; all arithmetic is in UTC via ../dates.ts.
 */
import { addDays, daysBetween } from '../dates.ts';
import { stateCouncilCalendar, type OfficialCalendar } from './official-calendar.ts';

/** The `holidays` and `makeUpWorkdays` fields of ArchiveConfig, so a config object can be passed directly. */
export interface WorkCalendar {
  /** Public holidays (法定节假日): not working even on a weekday. */
  holidays: readonly string[];
  /** Make-up workdays (调休上班日): working even on a weekend. */
  makeUpWorkdays: readonly string[];
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** A working-day test for `cal` over `official`, with its date sets built once. */
function workingDayTest(cal: WorkCalendar, official: OfficialCalendar): (date: string) => boolean {
  const holidays = new Set(cal.holidays);
  const makeUp = new Set(cal.makeUpWorkdays);
  return (date) => {
    if (makeUp.has(date)) return true;
    if (holidays.has(date)) return false;
    if (official.makeUpWorkdays.has(date)) return true;
    if (official.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

/**
 * Whether `date` is a working day. archive.yaml first: its make-up workday is working even on a
 * weekend (and wins if a date is listed as both), its holiday is not working even on a weekday;
 * then the official calendar, in the same order; otherwise Monday–Friday.
 */
export function isWorkingDay(date: string, cal: WorkCalendar, official: OfficialCalendar = stateCouncilCalendar()): boolean {
  return workingDayTest(cal, official)(date);
}

/**
 * The number of working days after `from` up to and including `to`, i.e. how many working days
 * have elapsed since `from` (0 when `to` is on or before `from`).
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar, official: OfficialCalendar = stateCouncilCalendar()): number {
  const isWorking = workingDayTest(cal, official);
  const span = daysBetween(from, to);
  let count = 0;
  for (let i = 1; i <= span; i++) if (isWorking(addDays(from, i))) count++;
  return count;
}

/**
 * The date on which the n-th working day after `date` falls (n >= 1), i.e. the deadline of
 * "within n working days of `date`". Throws a RangeError unless n is a positive integer.
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar, official: OfficialCalendar = stateCouncilCalendar()): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const isWorking = workingDayTest(cal, official);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorking(day)) left--;
  }
  return day;
}

/**
 * The years of the days after `from` up to and including `to` whose holidays neither source
 * knows, in order: not in the official calendar, and archive.yaml lists no holiday in them (every
 * year's notice has holidays, so a year typed into archive.yaml has some).
 */
export function uncoveredYears(from: string, to: string, cal: WorkCalendar, official: OfficialCalendar = stateCouncilCalendar()): number[] {
  if (to <= from) return [];
  const local = new Set(cal.holidays.map(yearOf));
  const years: number[] = [];
  for (let year = yearOf(addDays(from, 1)); year <= yearOf(to); year++) if (!official.years.has(year) && !local.has(year)) years.push(year);
  return years;
}

/** The warning for a working-day deadline that reaches `years` (C-REFERRAL-REPLY, swa due). */
export function uncoveredYearsNote(years: readonly number[]): string {
  const named = years.map((y) => `${y} 年`).join('、');
  return `${named}的法定节假日与调休安排未收录（chinese-days 与 archive.yaml 均没有），该年工作日暂按周一至周五计算；请升级 chinese-days，或在 archive.yaml 的 holidays 与 makeUpWorkdays 中补充${named}的安排`;
}
