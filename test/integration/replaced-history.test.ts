import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalMessage, at, findingsOf, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

const id = 'cases/2026-0001';
const path = casePath(id);

describe('history as git stores it, not as a replace ref shows it', () => {
  it('a direct push hidden behind `git replace` by a made-up approval merge is still a direct push [A-UNAPPROVED-CHANGE]', async () => {
    const repo = await archiveRepo();
    const { sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    // The worker pushes the record straight to main, never merging the branch.
    repo.git(staff.worker, at('2026-03-03'), 'merge', '-q', '--ff-only', `submit/${id}`);
    repo.git(staff.worker, at('2026-03-03'), 'branch', '-q', '-D', `submit/${id}`);
    const before = await findingsOf(repo, '2026-03-03', 'A-UNAPPROVED-CHANGE');
    expect(before.map((f) => f.record)).toEqual([id]);

    // Then, in their clone, a submission and its approval merge made up with the same tree stand in for that commit.
    const [parent, tree] = repo.git(staff.worker, at('2026-03-03'), 'log', '-1', '--format=%P %T', sha).trim().split(' ') as [string, string];
    const submission = repo.git(staff.worker, at('2026-03-02'), 'log', '-1', '--format=%B', sha);
    const branch = repo.git(staff.worker, at('2026-03-02'), 'commit-tree', tree, '-p', parent, '-m', submission).trim();
    const message = approvalMessage(id, 'intake', 'S04', 'supervisor', branch);
    const fake = repo.git(staff.supervisor, at('2026-03-03', '16:00:00'), 'commit-tree', tree, '-p', parent, '-p', branch, '-m', message).trim();
    repo.git(staff.worker, at('2026-03-03'), 'replace', sha, fake);
    expect(repo.git(staff.worker, at('2026-03-03'), 'log', '-1', '--format=%s', 'main').trim()).toBe(message.split('\n')[0]);

    // Read afresh, as a new clone would read it: the caches were made before the replace ref.
    await rm(join(repo.dir, '.git', 'swa'), { recursive: true, force: true });
    const after = await findingsOf(repo, '2026-03-03', 'A-UNAPPROVED-CHANGE');
    expect(after.map((f) => [f.severity, f.record])).toEqual([['error', id]]);
  });
});
