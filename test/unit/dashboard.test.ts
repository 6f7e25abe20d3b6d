import { describe, expect, it } from 'vitest';
import { dashboardOf } from '../../src/site/dashboard.ts';
import type { RecordView, SiteModel } from '../../src/site/site-model.ts';

const record = (id: string, yearMonth: string) => ({ id, kind: 'case', kindLabel: '个案', stage: '服务中', categoryLabel: '青少年', yearMonth, waiting: [], findings: [] }) as unknown as RecordView;
const model = (records: RecordView[]) => ({ records, branchOnly: [] }) as unknown as SiteModel;

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
