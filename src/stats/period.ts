import { quarterEnd } from '../dates.ts';

/** The span a statistics report covers. */
export interface Period {
  /** 2026 or 2026Q4. */
  label: string;
  from: string;
  to: string;
}

/** `--quarter 2026Q4` or `--year 2026`; null when the value is not one. */
export function parsePeriod(value: string): Period | null {
  if (/^\d{4}$/.test(value)) return { label: value, from: `${value}-01-01`, to: `${value}-12-31` };
  const quarter = /^(\d{4})Q([1-4])$/.exec(value);
  if (!quarter) return null;
  const firstMonth = String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0');
  return { label: value, from: `${quarter[1]}-${firstMonth}-01`, to: quarterEnd(value) };
}

export const inPeriod = (date: string, period: Pick<Period, 'from' | 'to'>) => period.from <= date && date <= period.to;
