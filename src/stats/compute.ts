import { monthsBetween, quarterOf } from '../dates.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { indicators, type Indicator, type Project } from '../schemas/project.ts';
import { eventsOf } from './events.ts';
import { inPeriod, type Period } from './period.ts';
import { projectOf } from './projects.ts';

export type Figures = Record<Indicator, number>;

export interface TargetRow {
  project: string;
  name: string;
  indicator: Indicator;
  /** The year's contract target. */
  target: number;
  /** Delivered from the start of that year (or of the project) to the end of the period. */
  delivered: number;
  /** delivered / target × 100, one decimal; null for a target of 0. */
  percent: number | null;
}

export interface SupervisionRow {
  worker: string;
  quarter: string;
  sessions: number;
  hours: number;
}

export interface Stats {
  period: Period;
  /** The project the figures are limited to, or null for the whole archive. */
  project: string | null;
  totals: Figures;
  byPost: Record<string, Figures>;
  byCategory: Record<string, Figures>;
  byMonth: Record<string, Figures>;
  targets: TargetRow[];
  /** Supervision received, per supervisee and quarter. */
  supervision: SupervisionRow[];
}

const zero = (): Figures => Object.fromEntries(indicators.map((key) => [key, 0])) as Figures;
const round = (n: number) => Math.round(n * 100) / 100;

/** One record with what it counts for and where it belongs. */
interface Counted {
  record: ArchiveRecord;
  project: string | null;
  post: string;
  category: string;
  events: ReturnType<typeof eventsOf>;
}

/**
 * The funder's figures for a period (服务统计与项目指标), from the records alone: by post, by
 * category, by month, and each project's targets against what was delivered. Pure.
 */
export function computeStats(records: readonly ArchiveRecord[], projects: readonly Project[], period: Period, project: string | null = null): Stats {
  const counted: Counted[] = records
    .map((record) => {
      const d = record.data as { post?: string; category?: string };
      return { record, project: projectOf(record, projects), post: d.post ?? '', category: d.category ?? '', events: eventsOf(record) };
    })
    .filter((c) => c.events.length > 0 && (project === null || c.project === project));

  const totals = zero();
  const byPost: Record<string, Figures> = {};
  const byCategory: Record<string, Figures> = {};
  const byMonth: Record<string, Figures> = Object.fromEntries(monthsBetween(period.from.slice(0, 7), period.to.slice(0, 7)).map((m) => [m, zero()]));
  for (const c of counted) {
    for (const e of c.events) {
      if (!inPeriod(e.date, period)) continue;
      for (const figures of [totals, (byPost[c.post] ??= zero()), (byCategory[c.category] ??= zero()), byMonth[e.date.slice(0, 7)] as Figures]) {
        figures[e.indicator] = round(figures[e.indicator] + e.value);
      }
    }
  }
  return {
    period,
    project,
    totals,
    byPost: sortedKeys(byPost),
    byCategory: sortedKeys(byCategory),
    byMonth,
    targets: targetRows(counted, projects, period, project),
    supervision: supervisionRows(counted, period),
  };
}

/** Each project's targets of the period's year against what it delivered from the year's start to the period's end. */
function targetRows(counted: readonly Counted[], projects: readonly Project[], period: Period, only: string | null): TargetRow[] {
  const year = period.to.slice(0, 4);
  return projects
    .filter((p) => only === null || p.id === only)
    .flatMap((p) => {
      const span = { from: [`${year}-01-01`, p.period.from].sort().at(-1) as string, to: [period.to, p.period.to].sort()[0] as string };
      const delivered = zero();
      for (const c of counted) {
        if (c.project !== p.id) continue;
        for (const e of c.events) if (inPeriod(e.date, span)) delivered[e.indicator] = round(delivered[e.indicator] + e.value);
      }
      const targets = p.targets[year] ?? {};
      return indicators.flatMap((indicator) => {
        const target = targets[indicator];
        if (target === undefined) return [];
        const percent = target === 0 ? null : Math.round((delivered[indicator] / target) * 1000) / 10;
        return [{ project: p.id, name: p.name, indicator, target, delivered: delivered[indicator], percent }];
      });
    });
}

function supervisionRows(counted: readonly Counted[], period: Period): SupervisionRow[] {
  const rows = new Map<string, SupervisionRow>();
  for (const { record } of counted) {
    if (record.kind !== 'supervision' || !inPeriod(record.data.date, period)) continue;
    for (const worker of record.data.supervisees) {
      const quarter = quarterOf(record.data.date);
      const row = rows.get(`${worker} ${quarter}`) ?? { worker, quarter, sessions: 0, hours: 0 };
      row.sessions += 1;
      row.hours = round(row.hours + record.data.hours);
      rows.set(`${worker} ${quarter}`, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.worker.localeCompare(b.worker) || a.quarter.localeCompare(b.quarter));
}

const sortedKeys = <T>(table: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
