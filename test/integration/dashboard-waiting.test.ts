import { describe, expect, it } from 'vitest';
import { checkRepository } from '../../src/check/check-repository.ts';
import { dashboardOf } from '../../src/site/dashboard.ts';
import { siteModel } from '../../src/site/site-model.ts';
import { commitOnBranch } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

describe('the dashboard\'s 等待审批 list', () => {
  it('includes a new record that exists only on its submit branch, with no page to link to', async () => {
    const repo = await archiveRepo();
    await commitOnBranch(repo, staff.worker, '2026-03-02', 'submit/cases/2026-0001', casePath(), caseText(), 'intake');
    const check = await checkRepository(repo.dir, '2026-03-02');
    const dashboard = dashboardOf(siteModel(check.context!, check.history, check.findings, false));
    // Who may approve a record known only from its branch is pinned by the approval tests, not here.
    expect(dashboard.waiting.map(({ candidates, ...w }) => ({ ...w, named: candidates.includes('许慕言') }))).toEqual([
      { id: 'cases/2026-0001', slug: null, title: '（新记录，尚未进入 main）', stage: 'intake', named: true },
    ]);
  }, 60_000);
});
