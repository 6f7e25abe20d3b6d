import { organisationDay } from './dates.ts';
import { UsageError } from './errors.ts';

/**
 * The --today value, or when absent the day it is now in the organisation's time (UTC+8), as
 * commits are dated (see dayOf), whatever time zone the machine is set to. The clock is read only here.
 */
export function resolveToday(value: string | undefined, now: () => Date = () => new Date()): string {
  if (value === undefined) return organisationDay(now().getTime());
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--today 应为日期 YYYY-MM-DD，例如 2026-11-29；收到 ${value}`);
  }
  return value;
}
