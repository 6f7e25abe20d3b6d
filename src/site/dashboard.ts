import { monthsBetween } from '../dates.ts';
import { indicatorLabels, indicators } from '../schemas/project.ts';
import type { RecordView, SiteModel } from './site-model.ts';
import type { SiteStats } from './site-stats.ts';

export interface Count {
  label: string;
  count: number;
}

export interface Dashboard {
  byKind: Count[];
  byStage: Count[];
  byCategory: Count[];
  byMonth: Count[];
  /** Every submission waiting for a decision; a new record only on its branch has no page (slug null). */
  waiting: { id: string; slug: string | null; title: string; stage: string; candidates: string[] }[];
  overdue: { record: RecordView; rule: string; message: string }[];
  errors: { record: RecordView; rule: string; message: string }[];
  /** Each project's targets of the year against delivery; `bar` is the percentage capped at 100. */
  projects: { id: string; name: string; rows: { label: string; target: number; delivered: number; percent: number | null; bar: number }[] }[];
  /** One chart per indicator with anything delivered this year: its figure month by month. */
  monthly: { label: string; counts: Count[] }[];
  supervision: SiteStats['supervision'];
}

function countBy(records: readonly RecordView[], key: (r: RecordView) => string): Count[] {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(key(record), (counts.get(key(record)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}

/** Month counts from the first month to the last, a month without records counted as zero. */
function everyMonth(counts: readonly Count[]): Count[] {
  const months = counts.map((c) => c.label).sort();
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return [];
  const byMonth = new Map(counts.map((c) => [c.label, c.count]));
  return monthsBetween(first, last).map((label) => ({ label, count: byMonth.get(label) ?? 0 }));
}

/** What the dashboard shows, from the view model alone. Pure. */
export function dashboardOf(model: SiteModel): Dashboard {
  const services = model.records.filter((r) => ['case', 'consultation', 'group', 'community'].includes(r.kind));
  const byCount = (a: Count, b: Count) => b.count - a.count || a.label.localeCompare(b.label);
  return {
    byKind: countBy(services, (r) => r.kindLabel).sort(byCount),
    byStage: countBy(services, (r) => `${r.kindLabel} · ${r.stage}`).sort((a, b) => a.label.localeCompare(b.label)),
    byCategory: countBy(services, (r) => r.categoryLabel).sort(byCount),
    byMonth: everyMonth(countBy(services, (r) => r.yearMonth)),
    waiting: [
      ...model.records.flatMap((record) => record.waiting.map((w) => ({ id: record.id, slug: record.slug, title: record.title, ...w }))),
      ...model.branchOnly.flatMap((record) => record.waiting.map((w) => ({ id: record.id, slug: null, title: '（新记录，尚未进入 main）', ...w }))),
    ],
    overdue: model.records.flatMap((record) => record.findings.filter((f) => f.severity === 'warning').map((f) => ({ record, rule: f.rule, message: f.message }))),
    errors: model.records.flatMap((record) => record.findings.filter((f) => f.severity === 'error').map((f) => ({ record, rule: f.rule, message: f.message }))),
    ...statsViews(model.stats),
  };
}

function statsViews(stats: SiteStats): Pick<Dashboard, 'projects' | 'monthly' | 'supervision'> {
  const projects = new Map<string, Dashboard['projects'][number]>();
  for (const t of stats.targets) {
    const project = projects.get(t.project) ?? { id: t.project, name: t.name, rows: [] };
    project.rows.push({ label: indicatorLabels[t.indicator], target: t.target, delivered: t.delivered, percent: t.percent, bar: Math.min(100, t.percent ?? 100) });
    projects.set(t.project, project);
  }
  const monthly = indicators
    .filter((key) => stats.totals[key] > 0)
    .map((key) => ({ label: indicatorLabels[key], counts: Object.entries(stats.byMonth).map(([label, figures]) => ({ label, count: figures[key] })) }));
  return { projects: [...projects.values()], monthly, supervision: stats.supervision };
}
