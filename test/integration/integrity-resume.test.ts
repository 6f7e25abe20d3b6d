import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { checkRepository, type RepositoryCheck } from '../../src/check/check-repository.ts';
import { approvalMessage, at, mergeByHand, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff, type ArchiveRepo, type Person } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';
import { verdicts } from '../helpers/verdicts.ts';

const keptFile = (dir: string) => join(dir, '.git', 'swa', 'integrity.json');
const walkFile = (dir: string) => join(dir, '.git', 'swa', 'integrity-walk.json');
const keptWalk = async (dir: string) => JSON.parse(await readFile(walkFile(dir), 'utf8')) as { commits: number; pending: unknown[] };

/** The pass gone on from the walk kept at the last tip, and the pass from the adoption point: they must agree. */
async function resumedAndFresh(dir: string, today: string) {
  const walked = (await keptWalk(dir)).commits;
  const resumed = verdicts(await checkRepository(dir, today));
  await rm(keptFile(dir), { force: true });
  const fresh = verdicts(await checkRepository(dir, today));
  return { resumed, fresh, walked };
}

/** A roster change on a branch of its own, written by the finance lead and merged as stage `roster` by `by`. */
async function rosterMerge(repo: ArchiveRepo, by: Person, day: string, staffYaml: string): Promise<void> {
  repo.git(staff.financeLead, at(day, '09:00:00'), 'switch', '-q', '-c', `roster-${day}`);
  const head = await repo.commit(staff.financeLead, at(day, '09:00:00'), 'Change the roster', { 'content/staff.yaml': staffYaml });
  repo.git(staff.financeLead, at(day, '09:00:00'), 'switch', '-q', 'main');
  mergeByHand(repo, by, day, `roster-${day}`, `Approve roster change\n\nStage: roster\nApproved-by: ${by.id}\nRole: orgHead\nApproved-head: ${head}`);
}

/** `text` for `record` committed by the worker on a branch of its own from main, and merged by `by` as its approval of `stage`, on `day`. */
async function approvedChange(repo: ArchiveRepo, by: Person, day: string, record: string, text: string, stage = 'intake'): Promise<void> {
  const branch = `change-${record.replace('/', '-')}-${day}`;
  repo.git(staff.worker, at(day, '09:00:00'), 'switch', '-q', '-c', branch);
  const head = await repo.commit(staff.worker, at(day, '09:00:00'), `Submit ${record}`, { [casePath(record)]: text });
  repo.git(staff.worker, at(day, '09:00:00'), 'switch', '-q', 'main');
  mergeByHand(repo, by, day, branch, approvalMessage(record, stage, by.id, 'supervisor', head));
}

describe('the integrity pass resumed from the walk kept at an earlier tip', () => {
  it('equals the pass from the adoption point after every step of a history with violations, remedies, a roster change, a skewed clock and a rewrite', async () => {
    const repo = await archiveRepo();
    const today = '2026-04-30';
    const first = 'cases/2026-0001';
    const one = await submitRecord(repo, staff.worker, '2026-03-02', casePath(first), caseText());
    await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch: one.branch }));
    await checkRepository(repo.dir, today);

    const steps: [string, () => Promise<unknown> | unknown][] = [];
    const second = 'cases/2026-0002';
    steps.push(['S06 approves a P01 case it does not supervise', async () => {
      const two = await submitRecord(repo, staff.worker, '2026-03-04', casePath(second), caseText({ id: second }));
      mergeByHand(repo, staff.westWorker, '2026-03-05', two.branch, approvalMessage(second, 'intake', 'S06', 'supervisor', two.sha));
    }]);
    steps.push(['a change pushed straight to main', () => repo.commit(staff.worker, at('2026-03-06'), 'Fix a typo', { [casePath(second)]: caseText({ id: second, consent: '2026-03-05' }) })]);
    steps.push(['the supervisor approves the second case again, which also remedies the push', async () => {
      await approvedChange(repo, staff.supervisor, '2026-03-08', second, caseText({ id: second, consent: '2026-03-06' }));
    }]);
    steps.push(['the org head approves a roster that makes S06 a P01 supervisor', async () => {
      const roster = await repo.read('content/staff.yaml');
      await rosterMerge(repo, staff.orgHead, '2026-03-09', roster.replace('      - { role: worker, from: 2024-06-01, posts: [P02] }\n', '      - { role: worker, from: 2024-06-01, posts: [P02] }\n      - { role: supervisor, from: 2026-01-01, posts: [P01] }\n'));
    }]);
    const third = 'cases/2026-0003';
    steps.push(['S06 approves a P01 case, now with the role', async () => {
      await approvedChange(repo, staff.westWorker, '2026-03-11', third, caseText({ id: third }));
    }]);
    steps.push(['the supervisor approves a session of the first case, whose intake the walk approved long ago', async () => {
      await approvedChange(repo, staff.supervisor, '2026-03-12', first, caseText({ consent: '2026-03-05', plan: '2026-03-06', sessions: ['2026-03-10'] }), 'session');
    }]);
    steps.push(['a commit on main dated a week back', () => repo.commit(staff.worker, at('2026-03-04'), 'Backdated', { [casePath(third)]: caseText({ id: third, consent: '2026-03-11' }) })]);
    steps.push(['a commit after it', () => repo.commit(staff.worker, at('2026-03-13'), 'Another push', { [casePath(third)]: caseText({ id: third, consent: '2026-03-10' }) })]);
    steps.push(['main forced back before the backdated commit', () => repo.git(staff.orgHead, at('2026-03-13'), 'reset', '-q', '--hard', 'HEAD~2')]);
    steps.push(['a new approval after the rewrite', async () => {
      await approvedChange(repo, staff.supervisor, '2026-03-14', third, caseText({ id: third, consent: '2026-03-13' }));
    }]);

    const rules = new Set<string>();
    for (const [what, step] of steps) {
      await step();
      const { resumed, fresh, walked } = await resumedAndFresh(repo.dir, today);
      expect(resumed, what).toEqual(fresh);
      expect(walked, what).toBeGreaterThan(0);
      for (const finding of fresh.findings) rules.add(`${finding.severity}:${finding.rule}`);
    }
    // The history had what the walk carries from commit to commit: violations, a remedy, a skew.
    expect([...rules].sort()).toEqual(['error:A-CLOCK', 'error:A-UNAPPROVED-CHANGE', 'error:A-UNAUTHORISED', 'warning:A-UNAPPROVED-CHANGE', 'warning:A-UNAUTHORISED']);
  }, 120_000);

  it('is what the pass goes on from, and is not gone on from when a record an approval names has another post or came back', async () => {
    const repo = await archiveRepo();
    const today = '2026-04-30';
    const id = 'cases/2026-0001';
    const one = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    mergeByHand(repo, staff.westWorker, '2026-03-03', one.branch, approvalMessage(id, 'intake', 'S06', 'supervisor', one.sha));
    const unauthorised = (check: RepositoryCheck) => check.findings.filter((f) => f.rule === 'A-UNAUTHORISED').map((f) => f.record);
    const other = 'cases/2026-0002';
    const two = await submitRecord(repo, staff.worker, '2026-03-04', casePath(other), caseText({ id: other }));
    expect(unauthorised(await checkRepository(repo.dir, today))).toEqual([id]);

    // Merged by hand: swa approve would check, and run the pass, on the way. A walk that names
    // another kept result than the one beside it is not gone on from.
    const walk = await keptWalk(repo.dir);
    expect(walk.pending).toHaveLength(1);
    await writeFile(walkFile(repo.dir), JSON.stringify({ ...walk, pending: [], result: 'another result' }));
    mergeByHand(repo, staff.supervisor, '2026-03-05', two.branch, approvalMessage(other, 'intake', 'S04', 'supervisor', two.sha));
    expect(unauthorised(await checkRepository(repo.dir, today))).toEqual([id]);
    const four = 'cases/2026-0004';
    const fourth = await submitRecord(repo, staff.worker, '2026-03-05', casePath(four), caseText({ id: four }));
    expect(unauthorised(await checkRepository(repo.dir, today))).toEqual([id]);
    await writeFile(walkFile(repo.dir), JSON.stringify({ ...(await keptWalk(repo.dir)), pending: [] }));
    mergeByHand(repo, staff.supervisor, '2026-03-06', fourth.branch, approvalMessage(four, 'intake', 'S04', 'supervisor', fourth.sha));
    expect(unauthorised(await checkRepository(repo.dir, today))).toEqual([]);

    // Another post for the record in the work tree: the walk judged it by the old one, and is not gone on from.
    await repo.write(casePath(id), caseText({ post: 'P03' }));
    expect(unauthorised(await checkRepository(repo.dir, today))).toEqual([id]);

    // S04 supervises P01 and P03, not P02, which the business lead covers: its approval of a P02
    // case is judged by that post. Without the file, by no post, it counts; once the file is back,
    // the walk that judged it without one is not gone on from.
    const west = 'cases/2026-0003';
    const three = await submitRecord(repo, staff.westWorker, '2026-03-07', casePath(west), caseText({ id: west, worker: 'S06', post: 'P02' }));
    mergeByHand(repo, staff.supervisor, '2026-03-08', three.branch, approvalMessage(west, 'intake', 'S04', 'supervisor', three.sha));
    expect(unauthorised(await checkRepository(repo.dir, today))).toEqual([id, west]);
    await rm(join(repo.dir, casePath(west)));
    expect(unauthorised(await checkRepository(repo.dir, today))).toEqual([id]);
    repo.git(staff.orgHead, at('2026-03-09'), 'checkout', '--', casePath(west));
    expect(unauthorised(await checkRepository(repo.dir, today))).toEqual([id, west]);
  }, 60_000);
});
