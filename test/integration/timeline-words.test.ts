import { describe, expect, it } from 'vitest';
import { timelineOf } from '../../src/approvals/timeline.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { at } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

describe('the timeline in Chinese', () => {
  it('names how an unapproved change reached main, and its first arrival, without git\'s English', async () => {
    const repo = await archiveRepo();
    await repo.commit(staff.worker, at('2026-03-02'), 'Add a case', { [casePath()]: caseText() });
    const check = await checkRepository(repo.dir, '2026-03-02');
    expect(timelineOf(check.history!, 'cases/2026-0001', check.findings).map((e) => e.note)).toEqual(['首次进入正式档案', '未经审批的改动（直接推送，陈一禾）']);
  });
});
