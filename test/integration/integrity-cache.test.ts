import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { checkRecord } from '../../src/check/check-record.ts';
import { checkRepository, type RepositoryCheck } from '../../src/check/check-repository.ts';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { approvalMessage, at, mergeByHand, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';
import { repoRoot } from '../helpers/run-swa.ts';
import { verdicts } from '../helpers/verdicts.ts';

const keptFile = (dir: string) => join(dir, '.git', 'swa', 'integrity.json');

/** A check with the kept result, and one that runs the pass afresh: they must agree. */
async function keptAndFresh(dir: string, today: string) {
  const kept = await checkRepository(dir, today);
  await rm(keptFile(dir), { force: true });
  const fresh = await checkRepository(dir, today);
  return { kept: verdicts(kept), fresh: verdicts(fresh) };
}

describe('the kept integrity result', () => {
  it('gives the demo what the pass gives, and is what the check reads', async () => {
    const demo = join(await mkdtemp(join(tmpdir(), 'swa-integrity-cache-')), 'demo');
    const today = '2026-11-29';
    await generateDemo({ source: repoRoot, out: demo, today });
    const fresh = verdicts(await checkRepository(demo, today));
    const unapproved = fresh.findings.filter((f) => f.rule === 'A-UNAPPROVED-CHANGE');
    expect(unapproved).toHaveLength(1);
    expect(verdicts(await checkRepository(demo, today))).toEqual(fresh);
    expect(verdicts(await checkRepository(demo, today, { stateOnly: true })).approvers).toEqual(fresh.approvers);

    // A finding taken out of the kept ones is gone: the check read the file, not the pass.
    const kept = JSON.parse(await readFile(keptFile(demo), 'utf8')) as { findings: { rule: string }[] };
    kept.findings = kept.findings.filter((f) => f.rule !== 'A-UNAPPROVED-CHANGE');
    await writeFile(keptFile(demo), JSON.stringify(kept));
    expect((await checkRepository(demo, today)).findings.filter((f) => f.rule === 'A-UNAPPROVED-CHANGE')).toEqual([]);
    await writeFile(keptFile(demo), '{"key":"another ledger"');
    expect(verdicts(await checkRepository(demo, today))).toEqual(fresh);
  }, 120_000);

  it('judges again when a record\'s post changes, and points at its id line where the line moved', async () => {
    const repo = await archiveRepo();
    const id = 'cases/2026-0001';
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    const other = 'cases/2026-0002';
    const second = await submitRecord(repo, staff.worker, '2026-03-04', casePath(other), caseText({ id: other }));
    mergeByHand(repo, staff.westWorker, '2026-03-05', second.branch, approvalMessage(other, 'intake', 'S06', 'supervisor', second.sha));
    const today = '2026-03-06';
    const before = await keptAndFresh(repo.dir, today);
    expect(before.kept).toEqual(before.fresh);
    expect(before.kept.invalid).toHaveLength(1);

    // A check of one record reads the whole pass's result: a finding taken out of it is gone.
    const unauthorised = (check: RepositoryCheck) => check.findings.filter((f) => f.rule === 'A-UNAUTHORISED').map((f) => f.record);
    expect(unauthorised(await checkRecord(repo.dir, other, today))).toEqual([other]);
    const kept = JSON.parse(await readFile(keptFile(repo.dir), 'utf8')) as { findings: { rule: string }[] };
    await writeFile(keptFile(repo.dir), JSON.stringify({ ...kept, findings: kept.findings.filter((f) => f.rule !== 'A-UNAUTHORISED') }));
    expect(unauthorised(await checkRecord(repo.dir, other, today))).toEqual([]);
    await writeFile(keptFile(repo.dir), JSON.stringify(kept));

    // Who may approve a case depends on its post: S04 supervises P01 and P03, not P02. A check of
    // that record alone, with the result kept under the old post, judges its approvals again.
    await repo.write(casePath(id), caseText({ post: 'P02' }));
    expect(unauthorised(await checkRecord(repo.dir, id, today))).toEqual([id]);
    await checkRepository(repo.dir, today);
    const moved = await keptAndFresh(repo.dir, today);
    expect(moved.kept).toEqual(moved.fresh);
    expect(moved.kept.invalid).toHaveLength(2);

    // An edit above the id line moves the line the unauthorised merge's finding points at.
    await repo.write(casePath(other), caseText({ id: other }).replace('# 虚构测试数据', '# 虚构测试数据\n# 又一行注释'));
    await checkRepository(repo.dir, today);
    const shifted = await keptAndFresh(repo.dir, today);
    expect(shifted.kept).toEqual(shifted.fresh);
    const line = (findings: RepositoryCheck['findings']) => findings.find((f) => f.record === other && f.rule === 'A-UNAUTHORISED')?.line;
    expect(line(shifted.kept.findings)).toBe((line(before.kept.findings) ?? 0) + 1);
  }, 60_000);
});
