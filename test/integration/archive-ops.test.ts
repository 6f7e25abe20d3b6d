import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveList, archiveRecord } from '../../src/archive/allocate-number.ts';
import { auditSample, auditSummary } from '../../src/archive/audit-records.ts';
import { dueList } from '../../src/archive/due.ts';
import { handover } from '../../src/archive/handover-records.ts';
import { approve } from '../../src/approvals/approve.ts';
import { openRepository } from '../../src/approvals/open-repository.ts';
import { formatStatus, statusOf } from '../../src/approvals/status.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import { approvalMessage, at, commitOnBranch, findingsOf, mergeByHand } from '../helpers/approvals.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';
import { readBranchRecords } from '../../src/approvals/branch-records.ts';
import { casePath, caseText, hotlineText } from '../helpers/records.ts';
import { fixtureCopy, runSwa } from '../helpers/run-swa.ts';

const closed = (id: string) =>
  caseText({ id, consent: '2026-03-03', plan: '2026-03-04', sessions: ['2026-03-05'], closingReport: '2026-04-01', closingForm: '2026-04-03' }).replace(
    '---\n\n测试正文',
    'closingEvaluation: { date: 2026-04-01, goalsMet: 完全达成, clientFeedback: 满意 }\nattachments: [{ name: 个案记录表, pages: 2 }]\nfollowUps: [{ date: 2026-06-01, summary: 稳定 }]\n---\n\n测试正文',
  );

/**
 * Cases taken through intake, session and closing approvals by hand, as history the archive
 * command relies on: stage by stage across the cases, so that dates along main never go back (A-CLOCK).
 */
async function closedCases(repo: ArchiveRepo, ...ids: string[]): Promise<void> {
  const stages = [
    { stage: 'intake', submitted: '2026-03-02', approved: '2026-03-02', text: (id: string) => caseText({ id }) },
    { stage: 'session', submitted: '2026-03-05', approved: '2026-03-06', text: (id: string) => caseText({ id, consent: '2026-03-03', plan: '2026-03-04', sessions: ['2026-03-05'] }) },
    { stage: 'closing', submitted: '2026-04-03', approved: '2026-04-03', text: closed },
  ];
  for (const { stage, submitted, approved, text } of stages) {
    for (const id of ids) {
      const head = await commitOnBranch(repo, staff.worker, submitted, `submit/${id}`, casePath(id), text(id), stage);
      mergeByHand(repo, staff.supervisor, approved, `submit/${id}`, approvalMessage(id, stage, 'S04', 'supervisor', head));
    }
  }
  for (const id of ids) repo.git(staff.supervisor, at('2026-04-03'), 'branch', '-q', '-D', `submit/${id}`);
}

describe('archive numbers on a real repository [G-ARCHIVE-NO]', () => {
  it('two branches race for one number: check catches the second, --renumber repairs it, the register explains it', async () => {
    const repo = await archiveRepo();
    await closedCases(repo, 'cases/2026-0001', 'cases/2026-0002');
    expect(await findingsOf(repo, '2026-12-01', 'C-ARCHIVE-COMPLETE')).toEqual([]);

    const first = await repo.as(staff.worker, at('2026-12-01'), () => archiveRecord({ cwd: repo.dir, today: '2026-12-01', record: 'cases/2026-0001' }));
    expect(first).toEqual({ archiveNo: 'QSN-GA-001-202612', branch: 'submit/cases/2026-0001' });
    // The second worker's clone has not seen the first branch.
    repo.git(staff.worker, at('2026-12-01'), 'branch', '-q', '-m', 'submit/cases/2026-0001', 'elsewhere/first');
    const second = await repo.as(staff.worker, at('2026-12-01'), () => archiveRecord({ cwd: repo.dir, today: '2026-12-01', record: 'cases/2026-0002' }));
    expect(second.archiveNo).toBe('QSN-GA-001-202612');
    repo.git(staff.worker, at('2026-12-01'), 'branch', '-q', '-m', 'elsewhere/first', 'submit/cases/2026-0001');

    const approved = await repo.as(staff.supervisor, at('2026-12-02'), () => approve({ cwd: repo.dir, today: '2026-12-02', branch: first.branch }));
    expect(approved.approved).toBe(true);
    const refused = await repo.as(staff.supervisor, at('2026-12-02'), () => approve({ cwd: repo.dir, today: '2026-12-02', branch: second.branch }));
    expect(refused).toMatchObject({
      approved: false,
      reasons: [expect.stringContaining('[G-ARCHIVE-NO] content/cases/2026/0002.md:8 档案编号 QSN-GA-001-202612 已被 cases/2026-0001 使用'), expect.stringContaining('曾由 cases/2026-0001 使用')],
    });
    repo.git(staff.supervisor, at('2026-12-02'), 'switch', '-q', second.branch);
    expect((await findingsOf(repo, '2026-12-02', 'G-ARCHIVE-NO')).map((f) => f.message)).toEqual([expect.stringContaining('曾由 cases/2026-0001 使用')]);
    repo.git(staff.supervisor, at('2026-12-02'), 'switch', '-q', 'main');

    const repaired = await repo.as(staff.worker, at('2026-12-02'), () => archiveRecord({ cwd: repo.dir, today: '2026-12-02', record: 'cases/2026-0002', renumber: true }));
    expect(repaired.archiveNo).toBe('QSN-GA-002-202612');
    const merged = await repo.as(staff.supervisor, at('2026-12-03'), () => approve({ cwd: repo.dir, today: '2026-12-03', branch: repaired.branch }));
    expect(merged.approved).toBe(true);
    expect((await checkRepository(repo.dir, '2026-12-03')).findings.filter((f) => f.severity === 'error')).toEqual([]);

    const register = await archiveList(repo.dir, '2026-12-03');
    expect(register.entries.map((e) => [e.archiveNo, e.record, e.status])).toEqual([
      ['QSN-GA-001-202612', 'cases/2026-0001', 'current'],
      ['QSN-GA-002-202612', 'cases/2026-0002', 'current'],
    ]);
  }, 60_000);

  it('tells a closed case without a number to run swa archive, and an archived one that nothing is left', async () => {
    const repo = await archiveRepo();
    const id = 'cases/2026-0001';
    await closedCases(repo, id);
    const statusAt = async (today: string) => {
      const opened = await openRepository(repo.dir, today);
      return statusOf(opened.history, opened.history.byId.get(id)!);
    };
    const closedStatus = await statusAt('2026-12-01');
    expect(closedStatus.next).toEqual({ action: 'archive', worker: 'S05' });
    expect(formatStatus([closedStatus])).toContain(`下一步：社工 S05 分配档案编号并提交存档审批（swa archive ${id}）`);

    const archived = await repo.as(staff.worker, at('2026-12-01'), () => archiveRecord({ cwd: repo.dir, today: '2026-12-01', record: id }));
    await repo.as(staff.supervisor, at('2026-12-02'), () => approve({ cwd: repo.dir, today: '2026-12-02', branch: archived.branch }));
    const archivedStatus = await statusAt('2026-12-02');
    expect(archivedStatus.next).toBeNull();
    expect(formatStatus([archivedStatus])).toContain('下一步：无（已存档）');
  }, 60_000);

  it('lists the register without history (no git, no adoption point), and says that history was not read', async () => {
    const run = await runSwa(['archive', 'list', '--today', '2026-12-01'], await fixtureCopy());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^QSN-GA-001-202606 +cases\/2026-0001$/m);
    expect(run.stderr).toContain('未读取审批历史');
  });

  it('refuses a case whose closing was never approved', async () => {
    const repo = await archiveRepo();
    const id = 'cases/2026-0001';
    const intake = await commitOnBranch(repo, staff.worker, '2026-03-02', `submit/${id}`, casePath(id), closed(id), 'intake');
    mergeByHand(repo, staff.supervisor, '2026-03-02', `submit/${id}`, approvalMessage(id, 'intake', 'S04', 'supervisor', intake));
    await expect(repo.as(staff.worker, at('2026-12-01'), () => archiveRecord({ cwd: repo.dir, today: '2026-12-01', record: id }))).rejects.toThrow('尚未完成「结案审批」');
  }, 60_000);

  it('never reuses a number whose record was removed, and explains the gap', async () => {
    const repo = await archiveRepo();
    await closedCases(repo, 'cases/2026-0001', 'cases/2026-0002');
    const first = await repo.as(staff.worker, at('2026-12-01'), () => archiveRecord({ cwd: repo.dir, today: '2026-12-01', record: 'cases/2026-0001' }));
    await repo.as(staff.supervisor, at('2026-12-02'), () => approve({ cwd: repo.dir, today: '2026-12-02', branch: first.branch }));
    repo.git(staff.orgHead, at('2026-12-03'), 'rm', '-q', casePath('cases/2026-0001'));
    repo.git(staff.orgHead, at('2026-12-03'), 'commit', '-q', '-m', 'Remove a record');
    const second = await repo.as(staff.worker, at('2026-12-04'), () => archiveRecord({ cwd: repo.dir, today: '2026-12-04', record: 'cases/2026-0002' }));
    expect(second.archiveNo).toBe('QSN-GA-002-202612');
    const register = await archiveList(repo.dir, '2026-12-04');
    expect(register.entries.map((e) => [e.archiveNo, e.status])).toEqual([
      ['QSN-GA-001-202612', 'withdrawn'],
      ['QSN-GA-002-202612', 'pending'],
    ]);
  }, 60_000);
});

/** Case 2026-0001, taken in on `intake`, with an in-house referral to S07 written on `referred` and approved on `approved`. */
async function referredCase(repo: ArchiveRepo, intake: string, referred: string, approved: string): Promise<string> {
  const id = 'cases/2026-0001';
  const branch = `submit/${id}`;
  const opened = await commitOnBranch(repo, staff.worker, intake, branch, casePath(id), caseText({ id, intake }), 'intake');
  mergeByHand(repo, staff.supervisor, intake, branch, approvalMessage(id, 'intake', 'S04', 'supervisor', opened));
  const text = caseText({ id, intake, referrals: [{ date: referred, toWorker: 'S07' }] });
  const referral = await commitOnBranch(repo, staff.worker, referred, branch, casePath(id), text, 'referral');
  mergeByHand(repo, staff.supervisor, approved, branch, approvalMessage(id, 'referral', 'S04', 'supervisor', referral));
  return id;
}

describe('the due list with history', () => {
  it('names the approver awaited and a referral reply due in working days across National Day', async () => {
    const repo = await archiveRepo();
    const id = await referredCase(repo, '2026-09-20', '2026-09-29', '2026-09-30');
    await commitOnBranch(repo, staff.worker, '2026-10-09', 'submit/cases/2026-0002', casePath('cases/2026-0002'), caseText({ id: 'cases/2026-0002', intake: '2026-10-09' }), 'intake');

    const repository = await checkRepository(repo.dir, '2026-10-09');
    const items = dueList(repository.context!, repository.history).map((o) => [o.rule, o.record, o.deadline, o.who.join('/'), o.overdue]);
    // Approved Wednesday 9-30; 10-1..10-7 are holidays, so the 3rd working day is Saturday 10-10, a make-up workday.
    expect(items).toEqual([
      ['C-REFERRAL-REPLY', id, '2026-10-10', 'S07', false],
      ['C-INTAKE-APPROVAL', 'cases/2026-0002', null, 'S04/S08', false],
    ]);
  }, 60_000);

  it('no longer lists a referral reply once the reply is on record', async () => {
    const repo = await archiveRepo();
    const id = await referredCase(repo, '2026-09-20', '2026-09-29', '2026-09-30');
    const replied = caseText({ id, intake: '2026-09-20', referrals: [{ date: '2026-09-29', toWorker: 'S07', reply: '2026-10-08' }] });
    await repo.commit(staff.southWorker, at('2026-10-08'), 'Reply to the referral', { [casePath(id)]: replied });
    const repository = await checkRepository(repo.dir, '2026-10-09');
    expect(dueList(repository.context!, repository.history).filter((o) => o.rule === 'C-REFERRAL-REPLY')).toEqual([]);
  }, 60_000);
});

describe('a referral reply due in a year no calendar covers [C-REFERRAL-REPLY]', () => {
  // Approved on Thursday 2026-12-31, the last day chinese-days 1.5.7 knows.
  it('is due on the third weekday, with a warning naming 2027, in the due list and in check', async () => {
    const repo = await archiveRepo();
    const id = await referredCase(repo, '2026-12-21', '2026-12-30', '2026-12-31');
    const repository = await checkRepository(repo.dir, '2027-01-04');
    const items = dueList(repository.context!, repository.history);
    // Friday 2027-01-01 is counted (2027's holidays are unknown), then Monday 01-04 and Tuesday 01-05.
    expect(items.map((o) => [o.rule, o.record, o.deadline, o.overdue])).toEqual([['C-REFERRAL-REPLY', id, '2027-01-05', false]]);
    expect(items[0]?.warning).toContain('2027 年的法定节假日与调休安排未收录');
    const findings = repository.findings.filter((f) => f.rule === 'C-REFERRAL-REPLY');
    expect(findings.map((f) => [f.severity, f.record])).toEqual([['warning', id]]);
    expect(findings[0]?.message).toContain('第1次转介的回复期限：2027 年的法定节假日与调休安排未收录');

    const due = await runSwa(['due', '--today', '2027-01-04'], repo.dir);
    expect(due.stdout).toContain('注意：2027 年的法定节假日与调休安排未收录');
  }, 60_000);

  it('has no warning once archive.yaml lists that year\'s holidays, and the deadline moves past them', async () => {
    const repo = await archiveRepo();
    const yaml = (await repo.read('content/archive.yaml')).replace('\nholidays:\n', '\nholidays:\n  - 2027-01-01\n');
    await repo.commit(staff.orgHead, '2026-01-05T10:00:00+08:00', 'The 2027 New Year holiday', { 'content/archive.yaml': yaml });
    const id = await referredCase(repo, '2026-12-21', '2026-12-30', '2026-12-31');
    const repository = await checkRepository(repo.dir, '2027-01-04');
    const items = dueList(repository.context!, repository.history);
    expect(items.map((o) => [o.rule, o.record, o.deadline, o.warning])).toEqual([['C-REFERRAL-REPLY', id, '2027-01-06', undefined]]);
    expect(repository.findings.filter((f) => f.rule === 'C-REFERRAL-REPLY')).toEqual([]);
  }, 60_000);
});

describe('a hotline call submitted on its own branch [C-HOTLINE]', () => {
  it('is due seven days after the call, overdue after that', async () => {
    const repo = await archiveRepo();
    const id = 'consultations/2026-0001';
    await commitOnBranch(repo, staff.worker, '2026-11-02', `submit/${id}`, 'content/consultations/2026/0001.md', hotlineText(id, '2026-11-02'), 'hotline-review');
    const dueOn = async (today: string) => {
      const repository = await checkRepository(repo.dir, today);
      const branchRecords = await readBranchRecords(repo.dir, repository.history!);
      return dueList(repository.context!, repository.history, branchRecords).map((o) => [o.rule, o.record, o.deadline, o.overdue]);
    };
    expect(await dueOn('2026-11-05')).toEqual([['C-HOTLINE', id, '2026-11-09', false]]);
    expect(await dueOn('2026-11-10')).toEqual([['C-HOTLINE', id, '2026-11-09', true]]);
  }, 60_000);
});

describe('quarterly handover and random audits', () => {
  it('[C-QUARTERLY-HANDOVER] writes the handover of a quarter\'s closed cases, which then passes check', async () => {
    const dir = await fixtureCopy();
    await import('node:fs/promises').then((fs) => fs.rm(join(dir, 'content/handovers/2026/0001.md')));
    const before = (await checkRepository(dir, '2026-10-09')).findings.filter((f) => f.rule === 'C-QUARTERLY-HANDOVER');
    expect(before.map((f) => [f.severity, f.record])).toEqual([['warning', 'cases/2026-0002']]);
    const result = await handover({ cwd: dir, today: '2026-10-09', quarter: '2026Q3' });
    expect(result.written).toEqual([{ id: 'handovers/2026-0001', path: 'content/handovers/2026/0001.md', post: 'P02', worker: 'S06', cases: ['cases/2026-0002'] }]);
    const after = (await checkRepository(dir, '2026-10-09')).findings.filter((f) => f.severity === 'error' || f.rule === 'C-QUARTERLY-HANDOVER');
    expect(after).toEqual([]);
    expect((await handover({ cwd: dir, today: '2026-10-09', quarter: '2026Q3' })).written).toEqual([]);
  });

  it('[GR-AUDIT] draws the same sample from the same seed, writes audit records, and reports scores per worker', async () => {
    const dir = await fixtureCopy();
    const drawn = await auditSample({ cwd: dir, today: '2026-12-10', n: 1, seed: 'f00d' });
    expect(drawn.written.map((w) => w.id)).toEqual(['audits/2026-0002']);
    const again = await auditSample({ cwd: await fixtureCopy(), today: '2026-12-10', n: 1, seed: 'f00d' });
    expect(again.written.map((w) => w.target)).toEqual(drawn.written.map((w) => w.target));
    const text = await readFile(join(dir, drawn.written[0]!.path), 'utf8');
    expect(text).toContain('# 抽样种子 f00d');
    expect(text).toContain('  completeness: 100');
    const unscored = (await checkRepository(dir, '2026-12-10')).findings.filter((f) => f.record === 'audits/2026-0002');
    expect(unscored.map((f) => f.message)).toEqual(['抽查记录的「评分 › 规范性」缺少此项，必须填写', '抽查记录的「评分 › 专业性」缺少此项，必须填写']);

    const report = await auditSummary({ cwd: dir, today: '2026-12-10', period: '2026H2' });
    expect(report).toEqual([{ worker: 'S05', audits: 1, completeness: 95, standardization: 90, professionalism: 88 }]);
  });
});
