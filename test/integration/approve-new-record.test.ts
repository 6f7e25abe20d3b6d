import { describe, expect, it } from 'vitest';
import { approve } from '../../src/commands/approve.ts';
import { due } from '../../src/commands/due.ts';
import { reject } from '../../src/commands/reject.ts';
import { status } from '../../src/commands/status.ts';
import { at, checkRules, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

// P02 has no supervisor in the fixture roster: its business lead (S02) approves its intakes (第三章第四条).
const id = 'cases/2026-0001';
const westCase = caseText({ post: 'P02', worker: staff.westWorker.id });

async function submittedWestCase() {
  const repo = await archiveRepo();
  const { branch } = await submitRecord(repo, staff.westWorker, '2026-03-02', casePath(id), westCase);
  return { repo, branch };
}

describe('a new record, known only from its submit branch, is approved by who its post says (C-INTAKE-APPROVAL)', () => {
  it('swa approve refuses the supervisor of another post, as swa check would after the merge', async () => {
    const { repo, branch } = await submittedWestCase();
    const refused = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(refused).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-UNAUTHORISED] S04 在 2026-03-03 不担任「接案审批」')] });
    expect(repo.git(staff.supervisor, at('2026-03-03'), 'branch', '--list', branch).trim()).not.toBe('');
  }, 60_000);

  it('swa approve lets the business lead approve, and swa check finds the merge authorised', async () => {
    const { repo, branch } = await submittedWestCase();
    const approved = await repo.as(staff.businessLead, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(approved).toMatchObject({ approved: true, record: id, stage: 'intake' });
    expect((await checkRules(repo, '2026-03-03')).filter((r) => r.includes('A-UNAUTHORISED'))).toEqual([]);
  }, 60_000);

  it('swa status and swa due name the business lead as the one to approve it', async () => {
    const { repo } = await submittedWestCase();
    const [waiting] = await status({ cwd: repo.dir, today: '2026-03-03', record: id });
    expect(waiting?.waiting.map((w) => w.candidates)).toEqual([[staff.businessLead.id]]);
    const all = await status({ cwd: repo.dir, today: '2026-03-03' });
    expect(all.find((s) => s.record === id)?.waiting.map((w) => w.candidates)).toEqual([[staff.businessLead.id]]);
    const { obligations } = await due({ cwd: repo.dir, today: '2026-03-03' });
    expect(obligations.filter((o) => o.record === id && o.what.startsWith('等待')).map((o) => o.who)).toEqual([[staff.businessLead.id]]);
  }, 60_000);

  it('swa reject goes by the same answer: the supervisor of another post may not return it, the business lead may', async () => {
    const { repo, branch } = await submittedWestCase();
    const asSupervisor = repo.as(staff.supervisor, at('2026-03-03'), () => reject({ cwd: repo.dir, today: '2026-03-03', branch, reason: '请补充' }));
    await expect(asSupervisor).rejects.toThrow('S04 不担任「接案审批」所需的角色「督导」，不能退回');
    const returned = await repo.as(staff.businessLead, at('2026-03-03'), () => reject({ cwd: repo.dir, today: '2026-03-03', branch, reason: '请补充' }));
    expect(returned).toMatchObject({ record: id, stage: 'intake' });
  }, 60_000);
});
