import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { checkRecord } from '../../src/check/check-record.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { addDays } from '../../src/dates.ts';
import { actingAs } from '../../src/git.ts';
import type { Finding } from '../../src/rules/finding.ts';
import { approvalMessage, at, mergeByHand, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText, groupText, hotlineText } from '../helpers/records.ts';
import { repoRoot } from '../helpers/run-swa.ts';

const contentFile = (dir: string) => join(dir, '.git', 'swa', 'content-findings.json');
const historyFile = (dir: string) => join(dir, '.git', 'swa', 'history-findings.json');

/**
 * A check that recalls what the per-record rules found in the state before, and one that judges
 * every record afresh: they must agree. The first is the check at risk of recalling stale findings.
 */
async function keptAndFresh(dir: string, today: string): Promise<{ kept: Finding[]; fresh: Finding[] }> {
  const kept = (await checkRepository(dir, today)).findings;
  await rm(contentFile(dir), { force: true });
  await rm(historyFile(dir), { force: true });
  const fresh = (await checkRepository(dir, today)).findings;
  return { kept, fresh };
}

const rules = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('the findings kept per record', () => {
  it('give the demo what judging every record gives, on other days too, and are what the check reads', async () => {
    const demo = join(await mkdtemp(join(tmpdir(), 'swa-kept-findings-')), 'demo');
    const today = '2026-11-29';
    await generateDemo({ source: repoRoot, out: demo, today });
    const fresh = (await checkRepository(demo, today)).findings;
    expect((await stat(contentFile(demo))).size).toBeGreaterThan(0);
    expect((await stat(historyFile(demo))).size).toBeGreaterThan(0);
    expect((await checkRepository(demo, today)).findings).toEqual(fresh);
    // Overdue reports and approvals are judged by the date: a later one recalls nothing of today's.
    for (const later of [addDays(today, 30), addDays(today, 400)]) {
      const { kept, fresh: afresh } = await keptAndFresh(demo, later);
      expect(kept).toEqual(afresh);
    }

    // A finding taken out of a kept list is gone: the check read the file, not the rules. A year
    // on, reports and reviews are overdue: both files keep findings.
    const yearOn = addDays(today, 400);
    const all = (await checkRepository(demo, yearOn)).findings;
    for (const file of [contentFile(demo), historyFile(demo)]) {
      const kept = JSON.parse(await readFile(file, 'utf8')) as { entries: [string, [string, Finding[][]]][] };
      const withFindings = kept.entries.find(([, [, found]]) => found.some((list) => list.length > 0));
      expect(withFindings).toBeDefined();
      const [record, [key, found]] = withFindings!;
      withFindings![1] = [key, found.map(() => [])];
      await writeFile(file, JSON.stringify(kept));
      const recalled = (await checkRepository(demo, yearOn)).findings;
      expect(recalled.length).toBeLessThan(all.length);
      expect(recalled).toEqual(all.filter((f) => !found.flat().some((g) => g.record === record && g.rule === f.rule && g.line === f.line && g.message === f.message)));
      await writeFile(file, '{"code":"other code","entries":[]}');
      expect((await checkRepository(demo, yearOn)).findings).toEqual(all);
    }
  }, 180_000);

  // The snapshot keeps each record's lines digest beside its part: it must be the one the history gives.
  it('are all recalled by the next check at the same tips, which reads history from its snapshot, after a full read and after new commits', async () => {
    const demo = join(await mkdtemp(join(tmpdir(), 'swa-kept-recalled-')), 'demo');
    const today = '2026-11-29';
    await generateDemo({ source: repoRoot, out: demo, today });
    const recalledWhole = async () => {
      const written = await readFile(historyFile(demo), 'utf8');
      await checkRepository(demo, today);
      expect(await readFile(historyFile(demo), 'utf8')).toBe(written);
    };
    await checkRepository(demo, today);
    await recalledWhole();
    // A line committed to a case: its part is appended to the snapshot with a digest of its own.
    await appendFile(join(demo, 'content/cases/2026/0001.md'), '\n（补记：测试追加的一行，虚构）\n');
    execFileSync('git', ['commit', '-q', '-am', 'Add a line'], { cwd: demo, env: actingAs({ name: 'Test', email: 'test@example.org' }, `${today}T10:00:00+08:00`) });
    await checkRepository(demo, today);
    await recalledWhole();
  }, 120_000);

  it('judge a record again when its lines, approvals, submissions, code tables or the date changed, though its text did not', async () => {
    const repo = await archiveRepo();
    const id = 'cases/2026-0001';
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    const today = '2026-03-20';
    await checkRepository(repo.dir, today);

    // A session written in the work tree is not yet in the repository: nothing says it came late.
    await repo.write(casePath(id), caseText({ consent: '2026-03-03', plan: '2026-03-04', sessions: ['2026-03-05'] }));
    const uncommitted = await keptAndFresh(repo.dir, today);
    expect(uncommitted.kept).toEqual(uncommitted.fresh);
    expect(rules(uncommitted.kept, 'C-SESSION-RECORD')).toEqual([]);
    // Committed on the 19th, the same text's session line came two weeks late (C-SESSION-RECORD).
    repo.git(staff.worker, at('2026-03-19'), 'commit', '-q', '-am', 'Record the first session');
    const committed = await keptAndFresh(repo.dir, today);
    expect(committed.kept).toEqual(committed.fresh);
    expect(rules(committed.kept, 'C-SESSION-RECORD')).toHaveLength(1);

    // A longer deadline in the work tree's archive.yaml: the session was on time.
    const config = await repo.read('content/archive.yaml');
    await repo.write('content/archive.yaml', config.replace(/sessionRecordDays: 2\b/, 'sessionRecordDays: 20'));
    const longer = await keptAndFresh(repo.dir, today);
    expect(longer.kept).toEqual(longer.fresh);
    expect(rules(longer.kept, 'C-SESSION-RECORD')).toEqual([]);
    await repo.write('content/archive.yaml', config);
    await checkRepository(repo.dir, today);

    // A hotline consultation on main without its review: overdue only after seven days.
    const hotline = 'consultations/2026-0001';
    const hotlineFile = casePath(hotline);
    await repo.commit(staff.southWorker, at('2026-03-10'), 'Record a hotline call', { [hotlineFile]: hotlineText(hotline, '2026-03-10') });
    const onTime = await keptAndFresh(repo.dir, '2026-03-16');
    expect(onTime.kept).toEqual(onTime.fresh);
    expect(rules(onTime.kept, 'C-HOTLINE')).toEqual([]);
    const overdue = await keptAndFresh(repo.dir, '2026-03-20');
    expect(overdue.kept).toEqual(overdue.fresh);
    expect(rules(overdue.kept, 'C-HOTLINE').map((f) => f.severity)).toEqual(['warning']);

    // A hotline the organisation no longer answers, in the work tree's code tables: the call's line is flagged.
    const tables = await repo.read('content/archive.yaml');
    await repo.write('content/archive.yaml', tables.replace('hotlines: ["12355", "12351"]', 'hotlines: ["12351"]'));
    const unknown = await keptAndFresh(repo.dir, '2026-03-20');
    expect(unknown.kept).toEqual(unknown.fresh);
    expect(rules(unknown.kept, 'C-HOTLINE').map((f) => f.severity).sort()).toEqual(['error', 'warning']);
    await repo.write('content/archive.yaml', tables);
    await checkRepository(repo.dir, '2026-03-21');

    // Its review merged from a branch that changes nothing and submits nothing: the text is the
    // same, the approval is new, and late.
    repo.git(staff.southWorker, at('2026-03-21'), 'switch', '-q', '-c', `review/${hotline}`);
    repo.git(staff.southWorker, at('2026-03-21'), 'commit', '-q', '--allow-empty', '-m', 'Ready for review');
    const head = repo.git(staff.southWorker, at('2026-03-21'), 'rev-parse', 'HEAD').trim();
    repo.git(staff.southWorker, at('2026-03-21'), 'switch', '-q', 'main');
    mergeByHand(repo, staff.supervisor, '2026-03-21', `review/${hotline}`, approvalMessage(hotline, 'hotline-review', 'S04', 'supervisor', head));
    const reviewed = await keptAndFresh(repo.dir, '2026-03-21');
    expect(reviewed.kept).toEqual(reviewed.fresh);
    expect(rules(reviewed.kept, 'C-HOTLINE').map((f) => f.severity)).toEqual(['error']);

    // A group plan committed to main a week before its first meeting came too late (GR-PLAN-LEAD),
    // unless it reached the supervisor earlier: a submission dated the 1st says it did.
    const group = 'groups/2026-0001';
    await repo.commit(staff.worker, at('2026-03-22'), 'Plan a group', { [casePath(group)]: groupText({ plan: '2026-03-01', schedule: ['2026-03-29'] }) });
    const late = await keptAndFresh(repo.dir, '2026-03-22');
    expect(late.kept).toEqual(late.fresh);
    expect(rules(late.kept, 'GR-PLAN-LEAD')).toHaveLength(1);
    repo.git(staff.worker, at('2026-03-01'), 'switch', '-q', '-c', `submit/${group}`);
    repo.git(staff.worker, at('2026-03-01'), 'commit', '-q', '--allow-empty', '-m', `Submit ${group} for plan\n\nRecord: ${group}\nStage: plan\nSubmitted-by: S05`);
    repo.git(staff.worker, at('2026-03-01'), 'switch', '-q', 'main');
    const submitted = await keptAndFresh(repo.dir, '2026-03-22');
    expect(submitted.kept).toEqual(submitted.fresh);
    expect(rules(submitted.kept, 'GR-PLAN-LEAD')).toEqual([]);
  }, 120_000);

  it('are kept by a whole check only', async () => {
    const repo = await archiveRepo();
    const id = 'cases/2026-0001';
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    await repo.commit(staff.worker, at('2026-03-04'), 'Another case', { [casePath('cases/2026-0002')]: caseText({ id: 'cases/2026-0002' }) });
    await checkRepository(repo.dir, '2026-03-05');
    const before = await Promise.all([readFile(contentFile(repo.dir), 'utf8'), readFile(historyFile(repo.dir), 'utf8')]);
    expect(JSON.parse(before[0]).entries).toHaveLength(2);
    await checkRecord(repo.dir, id, '2026-03-06');
    await checkRepository(repo.dir, '2026-03-06', { stateOnly: true });
    expect(await Promise.all([readFile(contentFile(repo.dir), 'utf8'), readFile(historyFile(repo.dir), 'utf8')])).toEqual(before);
  }, 60_000);
});
