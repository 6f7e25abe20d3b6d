import { addDays, minDate, quarterEnd } from '../dates.ts';
import { dayOf } from '../ledger/commit.ts';
import { stageDefinitions, type Stage } from '../ledger/stages.ts';
import { postOf, type ArchiveRecord } from '../records/archive-record.ts';
import { endDate, meetings } from '../rules/activity.ts';
import type { RuleContext } from '../rules/context.ts';
import { casesAwaitingHandover } from '../rules/handover.ts';
import { referralApproval } from '../rules/history/case-history.ts';
import { validApprovals, type HistoryContext } from '../rules/history/context.ts';
import { whoMayAct } from '../rules/roster.ts';
import { followUpsAwaitingReview } from '../rules/supervision.ts';
import { kindByDir } from '../schemas/index.ts';
import type { Role } from '../schemas/staff.ts';
import { addWorkingDays, uncoveredYears, uncoveredYearsNote } from './calendar.ts';
import { retentionOf } from './retention.ts';

/** One open duty: what, for which record, by when, and who must act. */
export interface Obligation {
  rule: string;
  record: string | null;
  what: string;
  /** YYYY-MM-DD, or null where the rulebook sets no deadline. */
  deadline: string | null;
  /** Staff ids of whoever must act. */
  who: string[];
  overdue: boolean;
  /** Why the deadline is uncertain: a working-day count through a year no calendar covers. */
  warning?: string;
}

/** The rule an awaited approval serves, by stage and by the kind of record (cases, groups and community differ). */
function stageRule(stage: Stage, kind: string | undefined): string {
  const community = kind === 'community';
  switch (stage) {
    case 'intake':
      return 'C-INTAKE-APPROVAL';
    case 'referral':
      return 'C-REFERRAL';
    case 'closing':
      return 'C-CLOSE-APPROVAL';
    case 'hotline-review':
      return 'C-HOTLINE';
    case 'employer-consent':
      return 'CM-EMPLOYER-CONSENT';
    case 'plan':
    case 'org-business':
    case 'org-head':
      return community ? 'CM-PLAN-LEAD' : 'GR-PLAN-LEAD';
    case 'funding':
      return 'GR-FUNDING';
    case 'session':
      return kind === 'case' ? 'C-SESSION-RECORD' : kind === 'consultation' ? 'C-INQUIRY' : community ? 'CM-RECORD' : 'GR-SESSION';
    case 'report-supervisor':
    case 'report-business':
    case 'report-head':
      return 'GR-REPORT-3D';
    case 'archive':
      return kind === 'case' ? 'C-ARCHIVE-COMPLETE' : community ? 'CM-ARCHIVE-1W' : kind === 'group' ? 'GR-ARCHIVE-1W' : 'G-ARCHIVE-NO';
    case 'audit':
      return 'GR-AUDIT';
    case 'handover':
      return 'C-QUARTERLY-HANDOVER';
    case 'supervision':
      return 'G-ARCHIVE-CONTENT';
    case 'roster':
      return 'ROSTER';
  }
}

/**
 * Every open obligation of the archive, overdue first, then by deadline. Pure: the content, and
 * the history when it was read (without it, duties that only history reveals are left out), with
 * the records that exist only on their submit/* branch (see readBranchRecords).
 */
export function dueList(ctx: RuleContext, history: HistoryContext | null, branchRecords: readonly ArchiveRecord[] = []): Obligation[] {
  const items: Omit<Obligation, 'overdue'>[] = [
    ...(history ? [...awaitedApprovals(history, branchRecords), ...referralReplies(history), ...hotlineApprovals(history), ...archivingDue(history)] : []),
    ...ctx.records.flatMap((record) => [
      ...meetingsToRecord(record, ctx),
      ...supervisorComments(record, ctx),
      ...reportsDue(record, ctx),
      ...followUpsDue(record, ctx),
      ...supervisionFollowUps(record, ctx),
    ]),
    ...handoversDue(ctx),
    ...retentionReviews(ctx),
  ];
  return items
    .map((item) => ({ ...item, overdue: item.deadline !== null && item.deadline < ctx.today }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || (a.record ?? '').localeCompare(b.record ?? ''));
}

/** Who holds `role` for a post today: by the roster last approved on main where history was read, else the work tree's. */
function holders(ctx: RuleContext | HistoryContext, role: Role, post: string | undefined): string[] {
  const roster = 'approvedRoster' in ctx ? ctx.approvedRoster : ctx.roster;
  return roster ? whoMayAct(roster, role, post, ctx.today) : [];
}

const workerOf = (record: ArchiveRecord) => ('worker' in record.data ? [record.data.worker as string] : []);

function awaitedApprovals(ctx: HistoryContext, branchRecords: readonly ArchiveRecord[]): Omit<Obligation, 'overdue'>[] {
  const onBranch = new Map(branchRecords.map((r) => [r.id, r]));
  return ctx.ledger.pendingBranches.flatMap((pending) => {
    const submitted = pending.submission;
    const stage = submitted?.stage;
    if (!submitted || !stage || !(stage in stageDefinitions)) return [];
    const recordId = submitted.record ?? pending.branch.slice('submit/'.length);
    const record = ctx.byId.get(recordId) ?? onBranch.get(recordId);
    const rule = stageRule(stage as Stage, record?.kind ?? kindByDir.get(recordId.split('/')[0] ?? ''));
    const label = stageDefinitions[stage as Stage].label;
    const rejected = pending.latest?.reason !== undefined ? pending.latest : null;
    if (rejected) {
      return [{ rule, record: recordId, what: `「${label}」被 ${rejected.by ?? '审批人'} 退回，待修改后重新提交（${pending.branch}）`, deadline: null, who: submitted.by ? [submitted.by] : [] }];
    }
    return [{ rule, record: recordId, what: `等待「${label}」审批（${pending.branch}，${dayOf(submitted.time)} 提交）`, deadline: approvalDeadline(stage as Stage, record, ctx), who: holders(ctx, stageDefinitions[stage as Stage].role, postOf(record)) }];
  });
}

function approvalDeadline(stage: Stage, record: ArchiveRecord | undefined, ctx: RuleContext): string | null {
  if (!record) return null;
  if (stage === 'hotline-review' && record.kind === 'consultation') return addDays(record.data.date, ctx.config.deadlines.hotlineApprovalDays);
  if ((stage === 'plan' || stage === 'org-business' || stage === 'org-head' || stage === 'funding') && (record.kind === 'group' || record.kind === 'community')) {
    return minDate(record.data.plan.schedule.map((s) => s.date)) ?? null;
  }
  return null;
}

function referralReplies(ctx: HistoryContext): Omit<Obligation, 'overdue'>[] {
  return ctx.records.flatMap((record) => {
    if (record.kind !== 'case') return [];
    return record.data.referrals.flatMap((referral, i) => {
      // Only a reply still awaited asks for the approval: that looks up when the referral's line entered history.
      if (referral.type !== '机构内' || referral.reply || !referral.toWorker) return [];
      const approval = referralApproval(ctx, record, i);
      if (!approval) return [];
      const approved = dayOf(approval.time);
      const deadline = addWorkingDays(approved, ctx.config.deadlines.referralReplyWorkingDays, ctx.config);
      const years = uncoveredYears(approved, deadline, ctx.config);
      const warning = years.length > 0 ? { warning: uncoveredYearsNote(years) } : {};
      return [{ rule: 'C-REFERRAL-REPLY', record: record.id, what: `回复 ${approved} 获批的机构内转介`, deadline, who: [referral.toWorker], ...warning }];
    });
  });
}

/** Whether a pending submit branch asks for `stage` of `record` (then awaitedApprovals lists it). */
const awaiting = (ctx: HistoryContext, record: string, stage: Stage) =>
  ctx.ledger.pendingBranches.some((p) => p.submission?.stage === stage && (p.submission.record ?? p.branch.slice('submit/'.length)) === record);

function hotlineApprovals(ctx: HistoryContext): Omit<Obligation, 'overdue'>[] {
  return ctx.records.flatMap((record) => {
    if (record.kind !== 'consultation' || record.data.channel !== '热线' || ctx.ledger.imported.has(record.id)) return [];
    if (validApprovals(ctx, record.id, 'hotline-review').length > 0 || awaiting(ctx, record.id, 'hotline-review')) return [];
    const deadline = addDays(record.data.date, ctx.config.deadlines.hotlineApprovalDays);
    return [{ rule: 'C-HOTLINE', record: record.id, what: '热线咨询补办督导审批', deadline, who: holders(ctx, 'supervisor', record.data.post) }];
  });
}

function archivingDue(ctx: HistoryContext): Omit<Obligation, 'overdue'>[] {
  return ctx.records.flatMap((record) => {
    if ((record.kind !== 'group' && record.kind !== 'community') || record.data.archiveNo !== undefined) return [];
    const head = validApprovals(ctx, record.id, 'report-head')[0];
    if (!head) return [];
    const rule = record.kind === 'group' ? 'GR-ARCHIVE-1W' : 'CM-ARCHIVE-1W';
    return [{ rule, record: record.id, what: '报告已全部审批，整理全部资料归档', deadline: addDays(dayOf(head.time), ctx.config.deadlines.archiveDays), who: workerOf(record) }];
  });
}

function meetingsToRecord(record: ArchiveRecord, ctx: RuleContext): Omit<Obligation, 'overdue'>[] {
  if ((record.kind !== 'group' && record.kind !== 'community') || record.data.report) return [];
  const held = meetings(record).dates.length;
  const pastScheduled = record.data.plan.schedule.map((s) => s.date).filter((d) => d < ctx.today).sort();
  const missing = pastScheduled.slice(held);
  const rule = record.kind === 'group' ? 'GR-SESSION' : 'CM-RECORD';
  return missing.map((date) => ({ rule, record: record.id, what: `填写 ${date} 那次${record.kind === 'group' ? '小组集会' : '活动'}的记录`, deadline: addDays(date, ctx.config.deadlines.sessionRecordDays), who: workerOf(record) }));
}

/** GR-SESSION: after the last session the supervisor comments on the group, before its report is due. */
function supervisorComments(record: ArchiveRecord, ctx: RuleContext): Omit<Obligation, 'overdue'>[] {
  if (record.kind !== 'group' || record.data.supervisorComment) return [];
  const end = endDate(record);
  if (end === undefined) return [];
  const deadline = addDays(end, ctx.config.deadlines.reportDays);
  return [{ rule: 'GR-SESSION', record: record.id, what: `小组已于 ${end} 结束，督导点评`, deadline, who: holders(ctx, 'supervisor', record.data.post) }];
}

function reportsDue(record: ArchiveRecord, ctx: RuleContext): Omit<Obligation, 'overdue'>[] {
  if (record.kind !== 'group' && record.kind !== 'community') return [];
  const end = endDate(record);
  if (end === undefined || (record.data.report && record.data.financialReport)) return [];
  return [{ rule: 'GR-REPORT-3D', record: record.id, what: `${end} 结束，完成报告与财务报告`, deadline: addDays(end, ctx.config.deadlines.reportDays), who: workerOf(record) }];
}

function followUpsDue(record: ArchiveRecord, ctx: RuleContext): Omit<Obligation, 'overdue'>[] {
  if (record.kind !== 'case' || !record.data.closingForm || record.data.followUps.length > 0) return [];
  const closed = record.data.closingForm.date;
  return [{ rule: 'C-FOLLOW-UP', record: record.id, what: `${closed} 结案后的追踪服务`, deadline: addDays(closed, ctx.config.deadlines.followUpDays), who: workerOf(record) }];
}

/** SV-FOLLOW-UP: a session's follow-ups, for its supervisor to review at the owner's next session; the rulebook sets no date. */
function supervisionFollowUps(record: ArchiveRecord, ctx: RuleContext): Omit<Obligation, 'overdue'>[] {
  if (record.kind !== 'supervision') return [];
  return followUpsAwaitingReview(record, ctx).map((f) => ({
    rule: 'SV-FOLLOW-UP',
    record: record.id,
    what: `${record.data.date} 督导约定 ${f.owner} 的跟进事项「${f.action}」，待下次督导回顾是否完成`,
    deadline: null,
    who: [record.data.supervisor],
  }));
}

function handoversDue(ctx: RuleContext): Omit<Obligation, 'overdue'>[] {
  return casesAwaitingHandover(ctx).map(({ record, quarter }) => ({
    rule: 'C-QUARTERLY-HANDOVER',
    record: record.id,
    what: `${quarter} 结案个案的原件移交机构（岗位 ${record.data.post}）`,
    deadline: quarterEnd(quarter),
    who: [record.data.worker],
  }));
}

/** Archived records past their retention: listed for review, never deleted. */
function retentionReviews(ctx: RuleContext): Omit<Obligation, 'overdue'>[] {
  const reviewers = holders(ctx, 'businessLead', undefined);
  return ctx.records.flatMap((record) => {
    const value = 'archiveNo' in record.data ? (record.data.archiveNo as string | undefined) : undefined;
    const retention = value ? retentionOf(ctx.config, value) : null;
    if (!retention || retention.expires > ctx.today) return [];
    return [{ rule: 'RETENTION', record: record.id, what: `档案 ${value} 已满 ${retention.years} 年保管期，待复核（工具不会删除）`, deadline: retention.expires, who: reviewers }];
  });
}

export function formatDue(items: readonly Obligation[], names: ReadonlyMap<string, string>): string {
  if (items.length === 0) return '没有待办事项';
  return items
    .map((o) => `${o.overdue ? '逾期' : '待办'}  ${o.deadline ?? '（无期限）'}  [${o.rule}] ${o.record ?? ''}  ${o.what}  → ${o.who.map((id) => `${names.get(id) ?? id}（${id}）`).join('、') || '无人担任'}${o.warning ? `\n      注意：${o.warning}` : ''}`)
    .join('\n');
}
