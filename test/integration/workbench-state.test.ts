import { describe, expect, it } from 'vitest';
import { stateReader } from '../../src/workbench/state.ts';
import { approvalMessage, at, commitOnBranch, mergeByHand } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

describe("the workbench's state", () => {
  it('is read once while nothing changed, and again after a record file, a branch, a merge or the day changed', async () => {
    const repo = await archiveRepo();
    const id = 'cases/2026-0001';
    await repo.commit(staff.worker, at('2026-03-02'), 'Record', { [casePath(id)]: caseText({ id }) });
    const read = stateReader(repo.dir);
    const first = await read('2026-03-03');
    expect((await read('2026-03-03')).repo).toBe(first.repo);

    await repo.write(casePath(id), caseText({ id, intake: '2026-03-01' }));
    const edited = await read('2026-03-03');
    expect(edited.repo).not.toBe(first.repo);
    expect(edited.repo.parsed[0]?.text).toContain('2026-03-01');
    expect((await read('2026-03-03')).repo).toBe(edited.repo);

    const other = 'cases/2026-0002';
    const head = await commitOnBranch(repo, staff.worker, '2026-03-03', `submit/${other}`, casePath(other), caseText({ id: other }), 'intake');
    const submitted = await read('2026-03-03');
    expect(submitted.history?.ledger.pendingBranches.map((p) => p.branch)).toEqual([`submit/${other}`]);

    mergeByHand(repo, staff.supervisor, '2026-03-04', `submit/${other}`, approvalMessage(other, 'intake', 'S04', 'supervisor', head));
    const merged = await read('2026-03-03');
    expect(merged.history?.ledger.approvals.map((a) => a.record)).toEqual([other]);

    expect((await read('2026-03-05')).repo).not.toBe(merged.repo);
  }, 60_000);
});
