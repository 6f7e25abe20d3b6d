import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { readBranchRecords } from '../../src/approvals/branch-records.ts';
import { branchOnlyStatus, statusOf } from '../../src/approvals/status.ts';
import { submit } from '../../src/approvals/submit.ts';
import { timelineOf } from '../../src/approvals/timeline.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { approvalMessage, at, checkRules, commitOnBranch, findingsOf, mergeByHand, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, gitEnv, staff, type ArchiveRepo, type Person } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

/**
 * The five forgeries of issue 13, each next to its honest twin. Fictional people and records,
 * fixed dates: every repository is built the same way on every run.
 */

const id = 'cases/2026-0001';
const other = 'cases/2026-0002';
const path = casePath(id);
const otherPath = casePath(other);
const westCase = (seq: string) => caseText({ id: `cases/2026-${seq}`, worker: 'S06', post: 'P02' });

/** git as one person writing a commit (author) and another recording it (committer), at fixed dates. */
function gitAs(repo: ArchiveRepo, author: { name: string; email: string }, committer: { name: string; email: string }, date: string, ...args: string[]): string {
  const env = { ...gitEnv(committer, date), GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email };
  return execFileSync('git', args, { cwd: repo.dir, env, encoding: 'utf8' });
}

/** A roster (or archive.yaml) change on a branch of its own (written by the finance lead), merged (approved, when `by` is the org head) as stage `roster`. */
async function rosterMerge(repo: ArchiveRepo, by: Person, day: string, staffYaml: string, file = 'content/staff.yaml', branch = 'submit/roster'): Promise<string> {
  repo.git(staff.financeLead, at(day, '09:00:00'), 'switch', '-q', '-c', branch);
  const head = await repo.commit(staff.financeLead, at(day, '09:00:00'), 'Change the roster', { [file]: staffYaml });
  repo.git(staff.financeLead, at(day, '09:00:00'), 'switch', '-q', 'main');
  return mergeByHand(repo, by, day, branch, `Approve roster change\n\nStage: roster\nApproved-by: ${by.id}\nRole: orgHead\nApproved-head: ${head}`);
}

const westWorkerAsSupervisor = (roster: string) =>
  roster.replace('      - { role: worker, from: 2024-06-01, posts: [P02] }\n', '      - { role: worker, from: 2024-06-01, posts: [P02] }\n      - { role: supervisor, from: 2026-01-01, posts: [P01] }\n');

describe('1. an approval approves the one record it names [A-UNAPPROVED-CHANGE]', () => {
  it('a second record carried in a branch commit is unapproved, shown on its timeline, and refused by swa approve and swa submit', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    repo.git(staff.worker, at('2026-03-02'), 'switch', '-q', branch);
    const extra = await repo.commit(staff.worker, at('2026-03-02', '11:00:00'), 'Tidy up', { [otherPath]: caseText({ id: other }) });
    repo.git(staff.worker, at('2026-03-02'), 'switch', '-q', 'main');

    const refused = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(refused).toMatchObject({ approved: false, reasons: [expect.stringMatching(/^\[A-UNAPPROVED-CHANGE\] 分支 submit\/cases\/2026-0001 除了 cases\/2026-0001 还改动了 content\/cases\/2026\/0002\.md/)] });
    await repo.write(path, `${caseText()}\n补充（虚构）\n`);
    await expect(repo.as(staff.worker, at('2026-03-03'), () => submit({ cwd: repo.dir, today: '2026-03-03', record: path }))).rejects.toThrow('还改动了 content/cases/2026/0002.md');
    repo.git(staff.worker, at('2026-03-03'), 'clean', '-fq', '--', 'content');

    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', extra));
    const carried = await findingsOf(repo, '2026-03-03', 'A-UNAPPROVED-CHANGE');
    expect(carried.map((f) => [f.severity, f.record, f.file])).toEqual([['error', other, otherPath]]);
    expect(carried[0]?.message).toContain('经由cases/2026-0001 的审批合并顺带带入');
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-UNAPPROVED-CHANGE']);

    const check = await checkRepository(repo.dir, '2026-03-03');
    const timeline = timelineOf(check.history!, other, check.findings);
    expect(timeline.map((e) => e.kind)).toEqual(['first-on-main', 'unapproved-change']);
    expect(timeline.at(-1)?.note).toContain('随合并');
    expect(timelineOf(check.history!, id, check.findings).map((e) => e.kind)).toContain('approved');
    expect(sha).not.toBe(extra);
  });

  it('a second record changed in the merge commit itself is unapproved', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    repo.git(staff.supervisor, at('2026-03-03', '16:00:00'), 'merge', '--no-ff', '--no-commit', '-q', branch);
    await repo.write(otherPath, caseText({ id: other }));
    repo.git(staff.supervisor, at('2026-03-03', '16:00:00'), 'add', otherPath);
    repo.git(staff.supervisor, at('2026-03-03', '16:00:00'), 'commit', '-q', '-m', approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    const carried = await findingsOf(repo, '2026-03-03', 'A-UNAPPROVED-CHANGE');
    expect(carried.map((f) => [f.severity, f.record])).toEqual([['error', other]]);
  });

  it('the named record changed in the merge commit itself, beyond the head reviewed, is not approved [A-STALE-HEAD]', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    // Main moves on meanwhile, so that the merge could not keep the branch's tree anyway.
    await repo.commit(staff.orgHead, at('2026-03-03', '09:00:00'), 'Notes', { 'content/README.md': '虚构\n' });
    repo.git(staff.supervisor, at('2026-03-03', '16:00:00'), 'merge', '--no-ff', '--no-commit', '-q', branch);
    await repo.write(path, `${caseText()}\n合并时另加的一段（虚构）\n`);
    repo.git(staff.supervisor, at('2026-03-03', '16:00:00'), 'add', path);
    repo.git(staff.supervisor, at('2026-03-03', '16:00:00'), 'commit', '-q', '-m', approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    const stale = await findingsOf(repo, '2026-03-03', 'A-STALE-HEAD');
    expect(stale.map((f) => [f.severity, f.record])).toEqual([['error', id]]);
    expect(stale[0]?.message).toContain(`合并提交本身改动了 ${path}`);
  });

  it('control: the same merge, after main moved on, without an edit of its own is approved', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    await repo.commit(staff.orgHead, at('2026-03-03', '09:00:00'), 'Notes', { 'content/README.md': '虚构\n' });
    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });

  it('a branch is the submission of the record it is named after, whatever its commit\'s Record trailer says', async () => {
    const repo = await archiveRepo();
    await commitOnBranch(repo, staff.worker, '2026-03-02', 'submit/cases/2026-0001', otherPath, caseText({ id: other }), 'intake');
    const refused = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch: 'submit/cases/2026-0001' }));
    expect(refused).toMatchObject({ approved: false, reasons: ['[A-UNAPPROVED-CHANGE] 分支 submit/cases/2026-0001 除了 cases/2026-0001 还改动了 content/cases/2026/0002.md；一次审批只批准它写明的那一份，请把这些改动分开提交'] });
  });

  it('control: a branch that changes only its record is approved', async () => {
    const repo = await archiveRepo();
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const result = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(result.approved).toBe(true);
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });
});

describe('2. dates are not trusted [A-CLOCK]', () => {
  /** S04's supervisor role ends on 2026-03-31; the business lead approves a west case (P02 has no supervisor) on 2026-04-01. */
  const endingRole = () => archiveRepo({ staffYaml: (t) => t.replace('{ role: supervisor, from: 2024-03-01, posts: [P01, P03] }', '{ role: supervisor, from: 2024-03-01, to: 2026-03-31, posts: [P01, P03] }') });
  const approveWest = async (repo: ArchiveRepo, day: string) => {
    const west = await submitRecord(repo, staff.westWorker, '2026-03-02', casePath('cases/2026-0003'), westCase('0003'));
    return mergeByHand(repo, staff.businessLead, day, west.branch, approvalMessage('cases/2026-0003', 'intake', 'S02', 'supervisor', west.sha));
  };

  it('an approval dated back into a role that has ended is reported with both commits and approves nothing', async () => {
    const repo = await endingRole();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const parent = await approveWest(repo, '2026-04-01');
    // Merged on 2026-04-02, dated 2026-03-30: the role is still held on the date it claims.
    repo.git(staff.supervisor, at('2026-03-30', '16:00:00'), 'merge', '--no-ff', '-q', '-m', approvalMessage(id, 'intake', 'S04', 'supervisor', sha), branch);
    const merge = repo.git(staff.supervisor, at('2026-03-30'), 'rev-parse', 'HEAD').trim();

    const clock = await findingsOf(repo, '2026-04-02', 'A-CLOCK');
    expect(clock.map((f) => [f.severity, f.record])).toEqual([['error', id]]);
    expect(clock[0]?.message).toContain(`提交 ${merge.slice(0, 8)} 的时间（2026-03-30T16:00:00+08:00）早于 main 上在它之前的提交 ${parent.slice(0, 8)}`);
    // And judged on its first parent's day, the role has ended.
    expect(await checkRules(repo, '2026-04-02')).toEqual(['error:A-CLOCK', 'error:A-UNAUTHORISED']);
    const check = await checkRepository(repo.dir, '2026-04-02');
    expect(check.history?.invalid.has(merge)).toBe(true);
  });

  it('control: the same approval made on 2026-03-30, before the next commit on main, counts', async () => {
    const repo = await endingRole();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    mergeByHand(repo, staff.supervisor, '2026-03-30', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    await approveWest(repo, '2026-04-01');
    expect(await checkRules(repo, '2026-04-02')).toEqual([]);
  });

  describe('a day is the organisation\'s calendar day (UTC+8), whatever offset a commit is written in', () => {
    const approveWritten = async (date: string) => {
      const repo = await endingRole();
      const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
      repo.git(staff.supervisor, date, 'merge', '--no-ff', '-q', '-m', approvalMessage(id, 'intake', 'S04', 'supervisor', sha), branch);
      return repo;
    };

    it('an approval made on 2026-04-01 at 07:39 in Beijing, written in UTC as 2026-03-31, is judged on 2026-04-01', async () => {
      const repo = await approveWritten('2026-03-31T23:39:00Z');
      const unauthorised = await findingsOf(repo, '2026-04-01', 'A-UNAUTHORISED');
      expect(unauthorised.map((f) => f.severity)).toEqual(['error']);
      expect(unauthorised[0]?.message).toContain('S04 在 2026-04-01 不担任');
    });

    it('control: one made on 2026-03-31 at 23:39 in Beijing, written in UTC, counts', async () => {
      const repo = await approveWritten('2026-03-31T15:39:00Z');
      expect(await checkRules(repo, '2026-04-01')).toEqual([]);
    });
  });

  it('a direct push dated a little before the approval it follows is not remedied by it: "later" is first-parent order', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    // Pushed after the 16:00 approval, dated 15:55: within the clock tolerance, but after it in history.
    await repo.commit(staff.worker, at('2026-03-03', '15:55:00'), 'Edit the case', { [path]: `${caseText()}\n补充（虚构）\n` });
    const unapproved = await findingsOf(repo, '2026-03-03', 'A-UNAPPROVED-CHANGE');
    expect(unapproved.map((f) => f.severity)).toEqual(['error']);
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-UNAPPROVED-CHANGE']);
  });

  it('a direct push dated a day before the commit it follows is reported by A-CLOCK as well', async () => {
    const repo = await archiveRepo();
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const merge = mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    const push = await repo.commit(staff.worker, at('2026-03-02', '15:00:00'), 'Edit the case', { [path]: `${caseText()}\n补充（虚构）\n` });
    const clock = await findingsOf(repo, '2026-03-03', 'A-CLOCK');
    expect(clock.map((f) => [f.severity, f.record])).toEqual([['error', id]]);
    expect(clock[0]?.message).toContain(`提交 ${push.slice(0, 8)} 的时间（2026-03-02T15:00:00+08:00）早于 main 上在它之前的提交 ${merge.slice(0, 8)}`);
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-CLOCK', 'error:A-UNAPPROVED-CHANGE']);
  });

  it('control: a valid approval that comes after the push in history turns it into a warning', async () => {
    const repo = await archiveRepo();
    await repo.commit(staff.worker, at('2026-03-02'), 'Open case', { [path]: caseText() });
    const again = await submitRecord(repo, staff.worker, '2026-03-03', path, `${caseText()}\n补充（虚构）\n`, 'intake');
    await repo.as(staff.supervisor, at('2026-03-04'), () => approve({ cwd: repo.dir, today: '2026-03-04', branch: again.branch }));
    expect(await checkRules(repo, '2026-03-04')).toEqual(['warning:A-UNAPPROVED-CHANGE']);
  });

  describe('dates never go back along main, not even a step at a time', () => {
    /** The case's intake branch, and a commit on main on 2026-03-04 at 16:00 that the approval comes after. */
    const afterNotes = async () => {
      const repo = await archiveRepo();
      const submitted = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
      const notes = await repo.commit(staff.orgHead, at('2026-03-04', '16:00:00'), 'Notes', { 'content/README.md': '虚构\n' });
      return { repo, ...submitted, notes };
    };
    const approveAt = (repo: ArchiveRepo, date: string, branch: string, sha: string) => {
      repo.git(staff.supervisor, date, 'merge', '--no-ff', '-q', '-m', approvalMessage(id, 'intake', 'S04', 'supervisor', sha), branch);
      return repo.git(staff.supervisor, date, 'rev-parse', 'HEAD').trim();
    };

    it('a clock set back on a throwaway commit and then forward: the approval after it, dated two days back, approves nothing', async () => {
      const { repo, branch, sha, notes } = await afterNotes();
      repo.git(staff.supervisor, at('2026-03-02', '10:00:00'), 'commit', '-q', '--allow-empty', '-m', 'Throwaway');
      const merge = approveAt(repo, at('2026-03-02', '10:05:00'), branch, sha);
      const clock = await findingsOf(repo, '2026-03-04', 'A-CLOCK');
      expect(clock.map((f) => [f.severity, f.record])).toEqual([['error', null], ['error', id]]);
      expect(clock[1]?.message).toContain(`提交 ${merge.slice(0, 8)} 的时间（2026-03-02T10:05:00+08:00）早于 main 上在它之前的提交 ${notes.slice(0, 8)}（2026-03-04T16:00:00+08:00）`);
      expect((await checkRepository(repo.dir, '2026-03-04')).history?.invalid.has(merge)).toBe(true);
    });

    it('a clock walked back in steps, each within the tolerance', async () => {
      const { repo, branch, sha } = await afterNotes();
      // Nine minutes back each time, from 16:00 to 14:48: every step is within 10 minutes of the one before.
      for (const time of ['15:51', '15:42', '15:33', '15:24', '15:15', '15:06', '14:57', '14:48']) {
        repo.git(staff.supervisor, at('2026-03-04', `${time}:00`), 'commit', '-q', '--allow-empty', '-m', `Step back to ${time}`);
      }
      const merge = approveAt(repo, at('2026-03-04', '14:39:00'), branch, sha);
      const clock = await findingsOf(repo, '2026-03-04', 'A-CLOCK');
      expect(clock.filter((f) => f.record === id).map((f) => f.severity)).toEqual(['error']);
      expect((await checkRepository(repo.dir, '2026-03-04')).history?.invalid.has(merge)).toBe(true);
    });

    it('control: an approval dated exactly the tolerance (10 minutes) before the latest commit counts; a second more does not', async () => {
      const atTolerance = await afterNotes();
      approveAt(atTolerance.repo, at('2026-03-04', '15:50:00'), atTolerance.branch, atTolerance.sha);
      expect(await checkRules(atTolerance.repo, '2026-03-04')).toEqual([]);
      const beyond = await afterNotes();
      approveAt(beyond.repo, at('2026-03-04', '15:49:59'), beyond.branch, beyond.sha);
      expect(await checkRules(beyond.repo, '2026-03-04')).toEqual(['error:A-CLOCK']);
    });
  });

  describe('the tolerance is the last approved archive.yaml\'s', () => {
    const tolerant = async (repo: ArchiveRepo) => `${await repo.read('content/archive.yaml')}\nclockToleranceMinutes: 5000\n`;
    /** The intake approval of the case, merged after the commit on 2026-03-04 16:00 but dated a day before it. */
    const mergeDatedBack = async (repo: ArchiveRepo, branch: string, sha: string) => {
      repo.git(staff.supervisor, at('2026-03-03', '16:00:00'), 'merge', '--no-ff', '-q', '-m', approvalMessage(id, 'intake', 'S04', 'supervisor', sha), branch);
    };

    it('a tolerance raised by a direct push does not cover an approval dated a day back', async () => {
      const repo = await archiveRepo();
      const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
      await repo.commit(staff.worker, at('2026-03-04', '16:00:00'), 'Clock tolerance', { 'content/archive.yaml': await tolerant(repo) });
      await mergeDatedBack(repo, branch, sha);
      expect(await checkRules(repo, '2026-03-04')).toEqual(['error:A-CLOCK', 'error:A-UNAPPROVED-CHANGE']);
    });

    it('nor one only in the work tree', async () => {
      const repo = await archiveRepo();
      const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
      await repo.commit(staff.orgHead, at('2026-03-04', '16:00:00'), 'Notes', { 'content/README.md': '虚构\n' });
      await mergeDatedBack(repo, branch, sha);
      await repo.write('content/archive.yaml', await tolerant(repo));
      expect(await checkRules(repo, '2026-03-04')).toEqual(['error:A-CLOCK']);
    });

    it('control: the same tolerance approved as a roster change covers it', async () => {
      const repo = await archiveRepo();
      const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
      await rosterMerge(repo, staff.orgHead, '2026-03-04', await tolerant(repo), 'content/archive.yaml');
      await mergeDatedBack(repo, branch, sha);
      expect(await checkRules(repo, '2026-03-04')).toEqual([]);
    });
  });

  it('a role is judged on the first parent\'s day when the merge is dated just before it', async () => {
    const repo = await archiveRepo({ staffYaml: (t) => t.replace('{ role: supervisor, from: 2024-03-01, posts: [P01, P03] }', '{ role: supervisor, from: 2024-03-01, to: 2026-03-02, posts: [P01, P03] }') });
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    await repo.commit(staff.orgHead, '2026-03-03T00:05:00+08:00', 'Notes', { 'content/README.md': '虚构\n' });
    repo.git(staff.supervisor, '2026-03-02T23:58:00+08:00', 'merge', '--no-ff', '-q', '-m', approvalMessage(id, 'intake', 'S04', 'supervisor', sha), branch);
    const unauthorised = await findingsOf(repo, '2026-03-03', 'A-UNAUTHORISED');
    expect(unauthorised[0]?.message).toContain('S04 在 2026-03-03 不担任');
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-UNAUTHORISED']);
  });
});

describe('3. an unapproved roster change grants nothing [A-UNAUTHORISED]', () => {
  it('a role pushed straight to main does not authorise, not even after a later roster approval covers the push', async () => {
    const repo = await archiveRepo();
    const roster = await repo.read('content/staff.yaml');
    await repo.commit(staff.westWorker, at('2026-03-01'), 'Roster', { 'content/staff.yaml': westWorkerAsSupervisor(roster) });
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    mergeByHand(repo, staff.westWorker, '2026-03-03', branch, approvalMessage(id, 'intake', 'S06', 'supervisor', sha));
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-UNAPPROVED-CHANGE', 'error:A-UNAUTHORISED']);
    const unauthorised = await findingsOf(repo, '2026-03-03', 'A-UNAUTHORISED');
    expect(unauthorised[0]?.message).toContain('S06 在 2026-03-03 不担任「接案审批」所需的角色「督导」（以合并前 main 上已批准的名册为准）');

    // The org head now approves a roster change: it covers the push from here on, not the approval made before.
    await rosterMerge(repo, staff.orgHead, '2026-03-04', `${westWorkerAsSupervisor(roster)}# 已核对（虚构）\n`);
    expect(await checkRules(repo, '2026-03-04')).toEqual(['error:A-UNAUTHORISED', 'warning:A-UNAPPROVED-CHANGE']);
  });

  it('a roster change merged by someone without the roster role grants nothing either', async () => {
    const repo = await archiveRepo();
    const roster = await repo.read('content/staff.yaml');
    await rosterMerge(repo, staff.businessLead, '2026-03-01', westWorkerAsSupervisor(roster));
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    mergeByHand(repo, staff.westWorker, '2026-03-03', branch, approvalMessage(id, 'intake', 'S06', 'supervisor', sha));
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-UNAUTHORISED', 'error:A-UNAUTHORISED']);
  });

  it('swa approve and swa status go by the approved roster, not the work tree\'s', async () => {
    const repo = await archiveRepo();
    const roster = await repo.read('content/staff.yaml');
    await repo.commit(staff.westWorker, at('2026-03-01'), 'Roster', { 'content/staff.yaml': westWorkerAsSupervisor(roster) });
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const refused = await repo.as(staff.westWorker, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(refused).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-UNAUTHORISED] S06 在 2026-03-03 不担任')] });
    const { history } = await checkRepository(repo.dir, '2026-03-03');
    const [onBranch] = await readBranchRecords(repo.dir, history!);
    expect(branchOnlyStatus(history!, id, onBranch).waiting.map((w) => w.candidates)).toEqual([['S04']]);
  });

  it('swa status and swa log name the approver the approved roster names, not one an unapproved change gave her e-mail to', async () => {
    const repo = await archiveRepo();
    const roster = await repo.read('content/staff.yaml');
    const moved = roster.replace('emails: [xu.my@mingxi.example]', 'emails: [xu.new@mingxi.example]').replace('emails: [fang.rx@mingxi.example]', 'emails: [fang.rx@mingxi.example, xu.my@mingxi.example]');
    await repo.commit(staff.southWorker, at('2026-03-01'), 'Roster', { 'content/staff.yaml': moved });
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    const check = await checkRepository(repo.dir, '2026-03-03');
    expect(statusOf(check.history!, check.history!.byId.get(id)!).approved.map((a) => [a.stage, a.by])).toEqual([['intake', 'S04']]);
    expect(timelineOf(check.history!, id, check.findings).filter((e) => e.kind === 'approved').map((e) => e.by)).toEqual(['S04']);
  });

  it('control: the same role, approved as a roster change first, authorises', async () => {
    const repo = await archiveRepo();
    await rosterMerge(repo, staff.orgHead, '2026-03-01', westWorkerAsSupervisor(await repo.read('content/staff.yaml')));
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', path, caseText());
    const result = await repo.as(staff.westWorker, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(result.approved).toBe(true);
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });
});

describe('4. self-approval behind another author [A-SELF-APPROVAL]', () => {
  it('a supervisor who commits the branch under the worker\'s name and merges it approves nothing', async () => {
    const repo = await archiveRepo();
    const branch = 'submit/cases/2026-0001';
    repo.git(staff.supervisor, at('2026-03-02'), 'switch', '-q', '-c', branch);
    await repo.write(path, caseText());
    gitAs(repo, staff.worker, staff.supervisor, at('2026-03-02'), 'add', path);
    gitAs(repo, staff.worker, staff.supervisor, at('2026-03-02'), 'commit', '-q', '-m', `Submit ${id} for intake\n\nRecord: ${id}\nStage: intake\nSubmitted-by: S05`);
    const head = repo.git(staff.supervisor, at('2026-03-02'), 'rev-parse', 'HEAD').trim();
    repo.git(staff.supervisor, at('2026-03-02'), 'switch', '-q', 'main');
    const refused = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(refused).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-SELF-APPROVAL]')] });

    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', head));
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-SELF-APPROVAL']);
  });

  it('a worker who makes the merge under the supervisor\'s name, as its committer, approves nothing', async () => {
    const repo = await archiveRepo();
    const sha = await commitOnBranch(repo, staff.worker, '2026-03-02', 'submit/cases/2026-0001', path, caseText(), 'intake');
    gitAs(repo, staff.supervisor, staff.worker, at('2026-03-03', '16:00:00'), 'merge', '--no-ff', '-q', '-m', approvalMessage(id, 'intake', 'S04', 'supervisor', sha), 'submit/cases/2026-0001');
    const self = await findingsOf(repo, '2026-03-03', 'A-SELF-APPROVAL');
    expect(self.map((f) => f.severity)).toEqual(['error']);
    expect(self[0]?.message).toContain('合并的提交者（committer）S05 是被合并分支的作者');
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-SELF-APPROVAL']);
  });

  it('control: the worker\'s own commit, merged by the supervisor, is approved', async () => {
    const repo = await archiveRepo();
    const sha = await commitOnBranch(repo, staff.worker, '2026-03-02', 'submit/cases/2026-0001', path, caseText(), 'intake');
    mergeByHand(repo, staff.supervisor, '2026-03-03', 'submit/cases/2026-0001', approvalMessage(id, 'intake', 'S04', 'supervisor', sha));
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });
});
