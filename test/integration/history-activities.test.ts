import { describe, expect, it } from 'vitest';
import { approvalMessage, at, commitOnBranch, findingsOf, mergeByHand } from '../helpers/approvals.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';
import { casePath, caseText, communityText, endedGroupText, groupText } from '../helpers/records.ts';

const group = 'content/groups/2026/0001.md';
const groupId = 'groups/2026-0001';
const community = 'content/community/2026/0001.md';

/** Approves the record's branch as `stage`, merged by hand by the holder of the stage's role. */
async function approveStage(repo: ArchiveRepo, day: string, path: string, text: string, stage: string, by: (typeof staff)[keyof typeof staff], role: string) {
  const record = path.replace(/^content\/([a-z]+)\/(\d{4})\/(\d{4})\.md$/, '$1/$2-$3');
  const branch = `submit/${record}`;
  const sha = await commitOnBranch(repo, staff.worker, day, branch, path, text, stage);
  mergeByHand(repo, by, day, branch, approvalMessage(record, stage, by.id, role, sha));
  repo.git(by, at(day), 'branch', '-q', '-D', branch);
}

describe('history rules of groups and community activities', () => {
  it('[CM-EMPLOYER-CONSENT] the employer\'s consent entered the repository after the plan reached the supervisor', async () => {
    const repo = await archiveRepo();
    const branch = 'submit/community/2026-0001';
    await commitOnBranch(repo, staff.worker, '2026-05-01', branch, community, communityText({ plan: '2026-04-30', activity: '2026-06-20' }), 'plan');
    await commitOnBranch(repo, staff.worker, '2026-05-03', branch, community, communityText({ plan: '2026-04-30', activity: '2026-06-20', employerConsent: '2026-04-28' }), 'plan');
    repo.git(staff.supervisor, at('2026-05-04'), 'switch', '-q', branch);
    const findings = await findingsOf(repo, '2026-05-04', 'CM-EMPLOYER-CONSENT');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['error', '用人单位同意于 2026-05-03 才入库，晚于计划书递交督导（2026-05-01）；须先获用人单位同意']]);
  });

  it('[CM-PLAN-LEAD] a community plan that reached the supervisor 7 days ahead', async () => {
    const repo = await archiveRepo();
    const branch = 'submit/community/2026-0001';
    await commitOnBranch(repo, staff.worker, '2026-06-13', branch, community, communityText({ plan: '2026-06-01', activity: '2026-06-20', employerConsent: '2026-05-30' }), 'plan');
    repo.git(staff.supervisor, at('2026-06-14'), 'switch', '-q', branch);
    const findings = await findingsOf(repo, '2026-06-14', 'CM-PLAN-LEAD');
    expect(findings.map((f) => f.message)).toEqual(['计划书于 2026-06-13 才递交督导（git 记录），距首次活动 2026-06-20 不足 14 天']);
  });

  it('[GR-REPORT-3D] a report dated in time whose line entered the repository nine days after the end', async () => {
    const repo = await archiveRepo();
    await commitOnBranch(repo, staff.worker, '2026-05-25', `submit/${groupId}`, group, endedGroupText({ report: '2026-05-18' }), 'report-supervisor');
    repo.git(staff.supervisor, at('2026-05-26'), 'switch', '-q', `submit/${groupId}`);
    const findings = await findingsOf(repo, '2026-05-26', 'GR-REPORT-3D');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', '报告于 2026-05-25 才递交（git 记录），应在结束（2026-05-16）后 3 天内，即 2026-05-19 前'],
      ['error', '财务报告于 2026-05-25 才递交（git 记录），应在结束（2026-05-16）后 3 天内，即 2026-05-19 前'],
    ]);
  });

  it('[GR-ARCHIVE-1W] archiving due a week after the last report approval: overdue, then filed late', async () => {
    const repo = await archiveRepo();
    const text = endedGroupText({ report: '2026-05-18' });
    const planned = groupText({ plan: '2026-04-01', schedule: ['2026-05-09', '2026-05-16'] });
    await approveStage(repo, '2026-04-02', group, planned, 'plan', staff.supervisor, 'supervisor');
    await approveStage(repo, '2026-04-03', group, planned, 'org-business', staff.businessLead, 'businessLead');
    await approveStage(repo, '2026-04-04', group, planned, 'org-head', staff.orgHead, 'orgHead');
    await approveStage(repo, '2026-05-18', group, text, 'report-supervisor', staff.supervisor, 'supervisor');
    await approveStage(repo, '2026-05-19', group, text, 'report-business', staff.businessLead, 'businessLead');
    await approveStage(repo, '2026-05-20', group, text, 'report-head', staff.orgHead, 'orgHead');
    expect((await findingsOf(repo, '2026-05-27', 'GR-ARCHIVE-1W')).map((f) => f.severity)).toEqual([]);
    expect((await findingsOf(repo, '2026-05-28', 'GR-ARCHIVE-1W')).map((f) => [f.severity, f.message])).toEqual([
      ['warning', '报告已于 2026-05-20 全部审批，应在 2026-05-27 前归档，已逾期'],
    ]);

    await approveStage(repo, '2026-06-02', group, endedGroupText({ report: '2026-05-18', archiveNo: 'QSN-XZ-001-202606' }), 'archive', staff.supervisor, 'supervisor');
    expect((await findingsOf(repo, '2026-06-02', 'GR-ARCHIVE-1W')).map((f) => [f.severity, f.message])).toEqual([
      ['error', '报告于 2026-05-20 全部审批，于 2026-06-02 才归档，超过一周的期限（2026-05-27）'],
    ]);
  });

  it('[C-FOLLOW-UP] a closed case with no follow-up 90 days on', async () => {
    const repo = await archiveRepo();
    const id = 'cases/2026-0001';
    const closed = caseText({ consent: '2026-03-03', plan: '2026-03-04', sessions: ['2026-03-05'], closingReport: '2026-04-01', closingForm: '2026-04-03' });
    await approveStage(repo, '2026-03-03', casePath(id), caseText(), 'intake', staff.supervisor, 'supervisor');
    await repo.commit(staff.worker, at('2026-04-03'), 'Close', { [casePath(id)]: closed });
    expect(await findingsOf(repo, '2026-07-02', 'C-FOLLOW-UP')).toEqual([]);
    const overdue = await findingsOf(repo, '2026-07-03', 'C-FOLLOW-UP');
    expect(overdue.map((f) => [f.severity, f.message])).toEqual([['warning', '个案于 2026-04-03 结案，应在 2026-07-02 前完成追踪服务并记录（followUps），已逾期']]);
  });
});
