import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { approvalMessage, at, checkRules, commitOnBranch, findingsOf, mergeByHand, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';
import { casePath, caseText, groupText, hotlineText, type CaseOptions } from '../helpers/records.ts';

const id = 'cases/2026-0001';
const path = casePath(id);

/** Submits `text` as the worker on `day` and has the supervisor approve it the day after (or on `approveOn`). */
async function submitAndApprove(repo: ArchiveRepo, day: string, text: string, approveOn: string, filePath = path, stage?: string) {
  const { branch } = await submitRecord(repo, staff.worker, day, filePath, text, stage);
  const result = await repo.as(staff.supervisor, at(approveOn), () => approve({ cwd: repo.dir, today: approveOn, branch }));
  if (!result.approved) throw new Error(`approval refused: ${result.reasons.join('; ')}`);
  return result;
}

const opened: CaseOptions = { consent: '2026-03-03', plan: '2026-03-04' };

describe('history rules', () => {
  it('[C-INTAKE-APPROVAL] swa submit refuses sessions before the intake is approved; merged by hand it is reported', async () => {
    const repo = await archiveRepo();
    const text = caseText({ ...opened, sessions: ['2026-03-05'] });
    await expect(submitRecord(repo, staff.worker, '2026-03-05', path, text)).rejects.toThrow('[C-INTAKE-APPROVAL] 接案尚未经督导审批');

    const branch = 'submit/cases/2026-0001';
    const sha = await commitOnBranch(repo, staff.worker, '2026-03-05', branch, path, text, 'session');
    repo.git(staff.worker, at('2026-03-05'), 'checkout', '--', '.');
    mergeByHand(repo, staff.supervisor, '2026-03-06', branch, approvalMessage(id, 'session', 'S04', 'supervisor', sha));
    expect(await checkRules(repo, '2026-03-06')).toEqual(['error:A-ORDER', 'error:C-INTAKE-APPROVAL']);
  });

  it('[C-INTAKE-APPROVAL] a session dated before the approval day', async () => {
    const repo = await archiveRepo();
    await submitAndApprove(repo, '2026-03-02', caseText(), '2026-03-06');
    const text = caseText({ consent: '2026-03-03', plan: '2026-03-06', sessions: ['2026-03-04'] });
    const sha = await commitOnBranch(repo, staff.worker, '2026-03-06', 'submit/cases/2026-0001', path, text, 'session');
    mergeByHand(repo, staff.supervisor, '2026-03-06', 'submit/cases/2026-0001', approvalMessage(id, 'session', 'S04', 'supervisor', sha));
    const findings = await findingsOf(repo, '2026-03-06', 'C-INTAKE-APPROVAL');
    expect(findings.map((f) => f.message)).toEqual(['第1次服务日期 2026-03-04 早于接案审批 2026-03-06；批准后方可开展服务']);
  });

  it('[C-SESSION-RECORD] swa approve refuses a session record filed five days after the session; merged by hand it is reported', async () => {
    const repo = await archiveRepo();
    await submitAndApprove(repo, '2026-03-02', caseText(), '2026-03-03');
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-10', path, caseText({ ...opened, sessions: ['2026-03-05'] }));
    const refused = await repo.as(staff.supervisor, at('2026-03-10'), () => approve({ cwd: repo.dir, today: '2026-03-10', branch }));
    expect(refused).toMatchObject({ approved: false, reasons: [expect.stringContaining('[C-SESSION-RECORD]')] });
    mergeByHand(repo, staff.supervisor, '2026-03-10', branch, approvalMessage(id, 'session', 'S04', 'supervisor', sha));
    const findings = await findingsOf(repo, '2026-03-10', 'C-SESSION-RECORD');
    const sessionLine = caseText({ ...opened, sessions: ['2026-03-05'] }).split('\n').indexOf('sessions:') + 2;
    expect(findings.map((f) => [f.severity, f.line])).toEqual([['error', sessionLine]]);
    expect(findings[0]?.message).toContain('于 2026-03-10 才入库，应在 2 天内（2026-03-07 前）归档');
  });

  it('[C-REFERRAL-REPLY] a reply four working days after a Friday approval, across the weekend; three is in time', async () => {
    const repo = await archiveRepo();
    await submitAndApprove(repo, '2026-11-20', caseText({ intake: '2026-11-20' }), '2026-11-20');
    const referred = (reply?: string) => caseText({ intake: '2026-11-20', referrals: [{ date: '2026-11-26', toWorker: 'S07', reply }] });
    await submitAndApprove(repo, '2026-11-26', referred(), '2026-11-27', path, 'referral');

    // The reply is judged by when its line entered the repository: the worker's submission on Thursday 12-03.
    const sha = await commitOnBranch(repo, staff.southWorker, '2026-12-03', 'submit/cases/2026-0001', path, referred('2026-12-03'), 'session');
    mergeByHand(repo, staff.supervisor, '2026-12-03', 'submit/cases/2026-0001', approvalMessage(id, 'session', 'S04', 'supervisor', sha));
    const findings = await findingsOf(repo, '2026-12-03', 'C-REFERRAL-REPLY');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('转介于 2026-11-27 获批，回复于 2026-12-03，用了 4 个工作日，超过 3 个工作日的期限（2026-12-02）')]);
  });

  it('[C-REFERRAL-REPLY] a reply three working days after is in time', async () => {
    const repo = await archiveRepo();
    await submitAndApprove(repo, '2026-11-20', caseText({ intake: '2026-11-20' }), '2026-11-20');
    const referred = (reply?: string) => caseText({ intake: '2026-11-20', referrals: [{ date: '2026-11-26', toWorker: 'S07', reply }] });
    await submitAndApprove(repo, '2026-11-26', referred(), '2026-11-27', path, 'referral');
    await submitAndApprove(repo, '2026-12-02', referred('2026-12-02'), '2026-12-02');
    expect(await checkRules(repo, '2026-12-02')).toEqual([]);
  });

  it('[C-REFERRAL] a reply to a referral that was never approved', async () => {
    const repo = await archiveRepo();
    await submitAndApprove(repo, '2026-11-20', caseText({ intake: '2026-11-20' }), '2026-11-20');
    const text = caseText({ intake: '2026-11-20', referrals: [{ date: '2026-11-26', toWorker: 'S07', reply: '2026-11-27' }] });
    await expect(submitRecord(repo, staff.worker, '2026-11-27', path, text, 'session')).rejects.toThrow('[C-REFERRAL]');
    repo.git(staff.worker, at('2026-11-27'), 'checkout', '--', '.');
    const sha = await commitOnBranch(repo, staff.worker, '2026-11-27', 'submit/cases/2026-0001', path, text, 'session');
    mergeByHand(repo, staff.supervisor, '2026-11-27', 'submit/cases/2026-0001', approvalMessage(id, 'session', 'S04', 'supervisor', sha));
    expect(await checkRules(repo, '2026-11-27')).toEqual(['error:C-REFERRAL']);
  });

  it('[C-CLOSE-APPROVAL] a closing form filled in before the closing report was approved, then after', async () => {
    const repo = await archiveRepo();
    await submitAndApprove(repo, '2026-03-02', caseText(), '2026-03-03');
    const serving = { ...opened, sessions: ['2026-03-05'] };
    await submitAndApprove(repo, '2026-03-05', caseText(serving), '2026-03-06');
    const closedTooSoon = caseText({ ...serving, closingReport: '2026-04-01', closingForm: '2026-04-01' });
    await expect(submitRecord(repo, staff.worker, '2026-04-01', path, closedTooSoon)).rejects.toThrow('[C-CLOSE-APPROVAL] 结案报告尚未经督导审批');
    repo.git(staff.worker, at('2026-04-01'), 'checkout', '--', '.');

    const report = await submitAndApprove(repo, '2026-04-01', caseText({ ...serving, closingReport: '2026-04-01' }), '2026-04-02');
    expect(report.stage).toBe('closing');
    await submitAndApprove(repo, '2026-04-03', caseText({ ...serving, closingReport: '2026-04-01', closingForm: '2026-04-03' }), '2026-04-03');
    expect(await checkRules(repo, '2026-04-03')).toEqual(['warning:C-ARCHIVE-COMPLETE']);
  });

  it('[C-HOTLINE] a hotline consultation approved six days after is in time; twelve days is too late', async () => {
    const repo = await archiveRepo();
    const early = 'consultations/2026-0001';
    const late = 'consultations/2026-0002';
    const southSubmit = (record: string, day: string) => submitRecord(repo, staff.southWorker, day, casePath(record), hotlineText(record, '2026-09-08'));
    const first = await southSubmit(early, '2026-09-08');
    await repo.as(staff.supervisor, at('2026-09-14'), () => approve({ cwd: repo.dir, today: '2026-09-14', branch: first.branch }));
    const second = await southSubmit(late, '2026-09-08');
    await repo.as(staff.supervisor, at('2026-09-20'), () => approve({ cwd: repo.dir, today: '2026-09-20', branch: second.branch }));
    const findings = await findingsOf(repo, '2026-09-20', 'C-HOTLINE');
    expect(findings.map((f) => [f.severity, f.record])).toEqual([['error', late]]);
    expect(findings[0]?.message).toContain('于 2026-09-20 才补办审批，超过 7 天的期限（2026-09-15）');
  });

  it('[GR-PLAN-LEAD] a group plan that reached the supervisor 10 days before the first session, though dated earlier', async () => {
    const repo = await archiveRepo();
    const group = 'content/groups/2026/0001.md';
    const text = groupText({ plan: '2026-04-01', schedule: ['2026-05-09', '2026-05-16'] });
    const { branch } = await submitRecord(repo, staff.worker, '2026-04-29', group, text);
    repo.git(staff.supervisor, at('2026-04-30'), 'switch', '-q', branch); // the supervisor reviews the branch, as CI does on a pull request
    const findings = await findingsOf(repo, '2026-04-29', 'GR-PLAN-LEAD');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['error', '计划书于 2026-04-29 才递交督导（git 记录），距首次活动 2026-05-09 不足 14 天']]);
  });

  it('[GR-FUNDING] a group on org funds that met before the financeLead signed', async () => {
    const repo = await archiveRepo();
    const group = 'content/groups/2026/0001.md';
    await submitAndApprove(repo, '2026-04-01', groupText({ plan: '2026-04-01', schedule: ['2026-05-09', '2026-05-16'], funding: '机构' }), '2026-04-02', group);
    const text = groupText({ plan: '2026-04-01', schedule: ['2026-05-09', '2026-05-16'], sessions: ['2026-05-09'], funding: '机构' });
    await expect(submitRecord(repo, staff.worker, '2026-05-09', group, text, 'session')).rejects.toThrow('[GR-FUNDING]');
    repo.git(staff.worker, at('2026-05-09'), 'checkout', '--', '.');
    const sha = await commitOnBranch(repo, staff.worker, '2026-05-09', 'submit/groups/2026-0001', group, text, 'session');
    mergeByHand(repo, staff.supervisor, '2026-05-10', 'submit/groups/2026-0001', approvalMessage('groups/2026-0001', 'session', 'S04', 'supervisor', sha));
    expect(await checkRules(repo, '2026-05-10')).toEqual(['error:GR-FUNDING']);
  });
});
