import { describe, expect, it } from 'vitest';
import { dashboardOf } from '../../src/site/dashboard.ts';
import { indicators } from '../../src/schemas/project.ts';
import type { RecordView, SiteModel } from '../../src/site/site-model.ts';

const record = (id: string, yearMonth: string) => ({ id, kind: 'case', kindLabel: '个案', stage: '服务中', categoryLabel: '青少年', yearMonth, waiting: [], findings: [] }) as unknown as RecordView;
const noStats = { targets: [], byMonth: {}, totals: {}, supervision: [] };
const model = (records: RecordView[], stats: unknown = noStats) => ({ records, branchOnly: [], stats }) as unknown as SiteModel;

describe('the dashboard\'s monthly chart', () => {
  it('shows every month from the first to the last, a month without records as zero, across a new year', () => {
    const counts = dashboardOf(model([record('cases/2025-0001', '2025-11'), record('cases/2026-0001', '2026-02'), record('cases/2026-0002', '2026-02')])).byMonth;
    expect(counts).toEqual([
      { label: '2025-11', count: 1 },
      { label: '2025-12', count: 0 },
      { label: '2026-01', count: 0 },
      { label: '2026-02', count: 2 },
    ]);
  });

  it('is empty without records', () => {
    expect(dashboardOf(model([])).byMonth).toEqual([]);
  });
});

describe('the dashboard\'s project targets and monthly figures', () => {
  const figures = (n: number) => Object.fromEntries(indicators.map((key) => [key, key === 'caseSessions' ? n : 0]));
  const stats = {
    targets: [
      { project: 'DH-2026', name: '东湖项目', indicator: 'caseSessions', target: 10, delivered: 12, percent: 120 },
      { project: 'DH-2026', name: '东湖项目', indicator: 'groups', target: 0, delivered: 0, percent: null },
      { project: 'XL-2026', name: '西岭项目', indicator: 'caseSessions', target: 20, delivered: 5, percent: 25 },
    ],
    byMonth: { '2026-01': figures(5), '2026-02': figures(7) },
    totals: figures(12),
    supervision: [],
  };

  it('groups targets by project, a bar capped at 100 and a target of 0 shown full', () => {
    expect(dashboardOf(model([], stats)).projects).toEqual([
      { id: 'DH-2026', name: '东湖项目', rows: [{ label: '个案服务（次）', target: 10, delivered: 12, percent: 120, bar: 100 }, { label: '开展小组（个）', target: 0, delivered: 0, percent: null, bar: 100 }] },
      { id: 'XL-2026', name: '西岭项目', rows: [{ label: '个案服务（次）', target: 20, delivered: 5, percent: 25, bar: 25 }] },
    ]);
  });

  it('charts only the indicators with anything delivered, month by month', () => {
    expect(dashboardOf(model([], stats)).monthly).toEqual([{ label: '个案服务（次）', counts: [{ label: '2026-01', count: 5 }, { label: '2026-02', count: 7 }] }]);
  });
});
