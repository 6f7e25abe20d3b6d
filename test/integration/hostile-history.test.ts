import { describe, expect, it } from 'vitest';
import { checkRepository } from '../../src/check/check-repository.ts';
import { approvalMessage, at, checkRules, commitOnBranch, findingsOf, mergeByHand, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

/**
 * History whose bytes are hostile: a commit message or a file that imitates the separators of the
 * log swa reads, a record git prints as binary, and attributes that would make it print records so.
 */

const id = 'cases/2026-0001';
const path = casePath(id);

/** A repository where the case was approved on 2026-03-03 and a worker then pushes an edit straight to main. */
async function approvedCase(): Promise<ArchiveRepo> {
  const repo = await archiveRepo();
  const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
  mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
  await repo.write(path, `${caseText()}\n补充（虚构）\n`);
  repo.git(staff.worker, at('2026-03-04'), 'add', path);
  return repo;
}

/** The fields of a made-up commit as the log format separates them (unit separators). */
const madeUp = ['f'.repeat(40), '', 'e'.repeat(40), 'x', 'x@x.example', at('2026-03-04'), 'x', 'x@x.example', at('2026-03-04'), 'made up'].join('\x1f');

describe('separators planted in history do not make up commits', () => {
  it('a commit message carrying a record separator and a made-up commit is refused, naming the commit', async () => {
    const repo = await approvedCase();
    repo.git(staff.worker, at('2026-03-04'), 'commit', '-q', '-m', `Edit the case\x1f\x1e${madeUp}`);
    const push = repo.git(staff.worker, at('2026-03-04'), 'rev-parse', 'HEAD').trim();
    await expect(checkRepository(repo.dir, '2026-03-04')).rejects.toThrow(`提交 ${push.slice(0, 8)} 的说明或 content/ 下的文件含有控制字符`);
  });

  it('a file carrying them is refused the same way', async () => {
    const repo = await approvedCase();
    await repo.write('content/.notes', `\x1e${madeUp}\x1f\n`);
    repo.git(staff.worker, at('2026-03-04'), 'add', 'content/.notes');
    repo.git(staff.worker, at('2026-03-04'), 'commit', '-q', '-m', 'Edit the case');
    await expect(checkRepository(repo.dir, '2026-03-04')).rejects.toThrow('含有控制字符');
  });

  it('control: the same push with a plain message is reported as a direct push', async () => {
    const repo = await approvedCase();
    repo.git(staff.worker, at('2026-03-04'), 'commit', '-q', '-m', 'Edit the case');
    expect(await checkRules(repo, '2026-03-04')).toEqual(['error:A-UNAPPROVED-CHANGE']);
  });
});

describe('a record that git prints as binary still counts as changed', () => {
  it('two direct pushes, through a version with a NUL byte (which git prints as binary) and back to text, are reported [A-UNAPPROVED-CHANGE]', async () => {
    const repo = await approvedCase();
    await repo.commit(staff.worker, at('2026-03-04', '09:00:00'), 'Edit the case', { [path]: `${caseText()}\n补充\0（虚构）\n` });
    await repo.commit(staff.worker, at('2026-03-04'), 'Edit the case again', { [path]: `${caseText()}\n补充（虚构）\n` });
    const unapproved = await findingsOf(repo, '2026-03-04', 'A-UNAPPROVED-CHANGE');
    expect(unapproved.map((f) => [f.severity, f.record])).toEqual([['error', id], ['error', id]]);
    expect(unapproved[0]?.message).toContain('直接推送到 main');
  });

  it('control: an approval of a record that once held a NUL byte is approved', async () => {
    const repo = await archiveRepo();
    const branch = 'submit/cases/2026-0001';
    await commitOnBranch(repo, staff.worker, '2026-03-02', branch, path, `${caseText()}\n\0\n`, 'intake');
    const head = await commitOnBranch(repo, staff.worker, '2026-03-02', branch, path, caseText(), 'intake');
    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', head));
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });
});

describe('attributes in the work tree do not change how history reads', () => {
  /** Intake approved on 2026-03-03; a session of 2026-03-05 filed on 2026-03-10, five days late (C-SESSION-RECORD). */
  async function lateSession(attributes: string | null) {
    const repo = await archiveRepo();
    if (attributes !== null) await repo.commit(staff.orgHead, at('2026-03-01'), 'Attributes', { '.gitattributes': attributes });
    const intake = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    mergeByHand(repo, staff.supervisor, '2026-03-03', intake.branch, approvalMessage(id, 'intake', 'S04', 'supervisor', intake.sha));
    const late = await submitRecord(repo, staff.worker, '2026-03-10', path, caseText({ consent: '2026-03-03', plan: '2026-03-04', sessions: ['2026-03-05'] }));
    mergeByHand(repo, staff.supervisor, '2026-03-10', late.branch, approvalMessage(id, 'session', 'S04', 'supervisor', late.sha));
    return (await findingsOf(repo, '2026-03-10', 'C-SESSION-RECORD')).map((f) => f.message);
  }

  it('a root .gitattributes that makes git print records as binary hides no late record', async () => {
    expect(await lateSession('*.md -diff\n')).toEqual([expect.stringContaining('于 2026-03-10 才入库')]);
  });

  it('control: without it, the same late record is reported the same way', async () => {
    expect(await lateSession(null)).toEqual([expect.stringContaining('于 2026-03-10 才入库')]);
  });
});
