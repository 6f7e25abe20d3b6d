import { describe, expect, it } from 'vitest';
import { timelineOf } from '../../src/approvals/timeline.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { approvalMessage, at, commitOnBranch, mergeByHand } from '../helpers/approvals.ts';
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

describe('history findings in Chinese', () => {
  it('name stages and roles by their Chinese names, never by their keys', async () => {
    const repo = await archiveRepo();
    // A closing form and a session on a case whose intake was never approved, merged by a worker as "supervisor".
    const text = caseText({ consent: '2026-03-03', plan: '2026-03-03', sessions: ['2026-03-04'], closingReport: '2026-03-05', closingForm: '2026-03-06' });
    const sha = await commitOnBranch(repo, staff.worker, '2026-03-06', 'submit/cases/2026-0001', casePath(), text, 'closing');
    mergeByHand(repo, staff.westWorker, '2026-03-07', 'submit/cases/2026-0001', approvalMessage('cases/2026-0001', 'closing', 'S06', 'businessLead', sha));
    const messages = (await checkRepository(repo.dir, '2026-03-07')).findings.map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('所需的角色是「督导」'),
        expect.stringContaining('不担任「结案审批」所需的角色「督导」'),
        expect.stringContaining('「结案审批」早于它所依赖的「接案审批」'),
        expect.stringContaining('没有「接案审批」的审批合并'),
      ]),
    );
    const keys = /\b(intake|session|referral|closing|supervisor|businessLead|orgHead|financeLead|employer)\b(?!:)/;
    expect(messages.filter((m) => keys.test(m.replace(/Role 写的是 \w+/, '')))).toEqual([]);
  }, 60_000);
});
