import { describe, expect, it } from 'vitest';
import { archiveRecord } from '../../src/archive/allocate-number.ts';
import { approve } from '../../src/approvals/approve.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { at, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { supervisionText } from '../helpers/records.ts';

const path = 'content/supervision/2026/0001.md';
const id = 'supervision/2026-0001';
/** S08 supervises P01 from 2026-07-01 (staff.yaml), beside S04. */
const secondSupervisor = { id: 'S08', name: '唐思远', email: 'tang.sy@mingxi.example' };

describe('a supervision record through its approvals [G-ARCHIVE-CONTENT]', () => {
  it('is reviewed by the business lead, not by a supervisor, and then numbered 类别-DD-次序-年月', async () => {
    const repo = await archiveRepo();
    const submitted = await submitRecord(repo, staff.supervisor, '2026-10-20', path, supervisionText({ date: '2026-10-20', recordsDiscussed: [] }));
    expect(submitted.stage).toBe('supervision');

    const bySupervisor = await repo.as(secondSupervisor, at('2026-10-21'), () => approve({ cwd: repo.dir, today: '2026-10-21', branch: submitted.branch }));
    expect(bySupervisor).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-UNAUTHORISED] S08 在 2026-10-21 不担任「督导记录审阅」所需的角色 businessLead')] });
    const byLead = await repo.as(staff.businessLead, at('2026-10-21'), () => approve({ cwd: repo.dir, today: '2026-10-21', branch: submitted.branch }));
    expect(byLead.approved).toBe(true);

    const archived = await repo.as(staff.supervisor, at('2026-11-02'), () => archiveRecord({ cwd: repo.dir, today: '2026-11-02', record: id }));
    expect(archived.archiveNo).toBe('QSN-DD-001-202611');
    const filed = await repo.as(secondSupervisor, at('2026-11-03'), () => approve({ cwd: repo.dir, today: '2026-11-03', branch: archived.branch }));
    expect(filed.approved).toBe(true);
    expect((await checkRepository(repo.dir, '2026-11-03')).findings).toEqual([]);
  }, 60_000);
});
