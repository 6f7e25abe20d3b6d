import { monthsBetween } from '../dates.ts';
import type { RecordView, SiteModel } from './site-model.ts';

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
  };
}
