import { UsageError } from './errors.ts';

/** The --today value, or the machine's local date when absent. The clock is read only here. */
export function resolveToday(value: string | undefined, now: () => Date = () => new Date()): string {
  if (value === undefined) {
    const date = now();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--today 应为日期 YYYY-MM-DD，例如 2026-11-29；收到 ${value}`);
  }
  return value;
}
