import { describe, expect, it } from 'vitest';
import { archiveRecord } from '../../src/archive/allocate-number.ts';
import { approve } from '../../src/approvals/approve.ts';
import { openRepository } from '../../src/approvals/open-repository.ts';
import { statusOf } from '../../src/approvals/status.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { at, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { supervisionText } from '../helpers/records.ts';

const path = 'content/supervision/2026/0001.md';
const id = 'supervision/2026-0001';
/** S08 supervises P01 from 2026-07-01 (staff.yaml), beside S04. */
const secondSupervisor = { id: 'S08', name: '唐思远', email: 'tang.sy@mingxi.example' };

describe('a supervision record through its approvals [G-ARCHIVE-CONTENT]', () => {
  it('is reviewed by the business lead, not by a supervisor, then numbered 类别-DD-次序-年月 with the business lead\'s approval too', async () => {
    const repo = await archiveRepo();
    const submitted = await submitRecord(repo, staff.supervisor, '2026-10-20', path, supervisionText({ date: '2026-10-20', recordsDiscussed: [] }));
    expect(submitted.stage).toBe('supervision');

    const bySupervisor = await repo.as(secondSupervisor, at('2026-10-21'), () => approve({ cwd: repo.dir, today: '2026-10-21', branch: submitted.branch }));
    expect(bySupervisor).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-UNAUTHORISED] S08 在 2026-10-21 不担任「督导记录审阅」所需的角色「业务负责人」')] });
    const byLead = await repo.as(staff.businessLead, at('2026-10-21'), () => approve({ cwd: repo.dir, today: '2026-10-21', branch: submitted.branch }));
    expect(byLead.approved).toBe(true);
    const reviewed = await openRepository(repo.dir, '2026-10-21');
    expect(statusOf(reviewed.history, reviewed.history.byId.get(id)!).next).toMatchObject({ action: 'archive' });

    const archived = await repo.as(staff.supervisor, at('2026-11-02'), () => archiveRecord({ cwd: repo.dir, today: '2026-11-02', record: id }));
    expect(archived.archiveNo).toBe('QSN-DD-001-202611');
    // The number too is the business lead's to approve: the author is the supervisor, and a post may have no other.
    expect((await repo.as(secondSupervisor, at('2026-11-03'), () => approve({ cwd: repo.dir, today: '2026-11-03', branch: archived.branch }))).approved).toBe(false);
    const filed = await repo.as(staff.businessLead, at('2026-11-03'), () => approve({ cwd: repo.dir, today: '2026-11-03', branch: archived.branch }));
    expect(filed.approved).toBe(true);
    expect((await checkRepository(repo.dir, '2026-11-03')).findings).toEqual([]);
    const done = await openRepository(repo.dir, '2026-11-03');
    expect(statusOf(done.history, done.history.byId.get(id)!)).toMatchObject({ waiting: [], next: null });
  }, 60_000);
});
