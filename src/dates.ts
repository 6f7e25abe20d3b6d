/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so that no time zone moves a day. */

const dayMs = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The organisation's time: China Standard Time, UTC+8 all year. A day is the day there, whatever
 * offset a commit was written in or the machine is set to: a day read in a commit's own offset
 * could be moved back by writing the same moment in UTC-12, and a server kept in UTC would start
 * the day at 08:00.
 */
const organisationOffsetMs = 8 * 3_600_000;

/** The calendar day a moment (milliseconds since the epoch) falls on in the organisation's time (UTC+8). */
export function organisationDay(ms: number): string {
  return new Date(ms + organisationOffsetMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / dayMs);
}

export function minDate(dates: readonly string[]): string | undefined {
  return dates.reduce<string | undefined>((min, date) => (min === undefined || date < min ? date : min), undefined);
}

export function maxDate(dates: readonly string[]): string | undefined {
  return dates.reduce<string | undefined>((max, date) => (max === undefined || date > max ? date : max), undefined);
}

/** The quarter a date falls in, e.g. 2026Q3. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The last day of a quarter such as 2026Q3. */
export function quarterEnd(quarter: string): string {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(5));
  return { 1: `${year}-03-31`, 2: `${year}-06-30`, 3: `${year}-09-30`, 4: `${year}-12-31` }[q] as string;
}

/** Every month from `first` to `last` (YYYY-MM), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year = 0, month = 0] = first.split('-').map(Number);
  for (let label = first; label <= last; label = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(label);
    month = (month % 12) + 1;
    if (month === 1) year++;
  }
  return months;
}
