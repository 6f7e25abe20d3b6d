import { addDays, maxDate, minDate } from '../../dates.ts';
import { dayOf } from '../../ledger/commit.ts';
import { stageDefinitions } from '../../ledger/stages.ts';
import { endDate, firstMeetingDate, meetings, type ActivityRecord } from '../activity.ts';
import { reporter } from '../context.ts';
import type { Finding } from '../finding.ts';
import { enteredAt, isImported, submissionsOf, validApprovals, type HistoryContext } from './context.ts';

/**
 * When the plan "reached the supervisor" (GR-PLAN-LEAD, CM-PLAN-LEAD): the committer date of the
 * earliest `swa submit` commit for the plan stage; without one (a host pull request), the first
 * commit that carried the plan's date line; at the latest, the plan approval itself. All three
 * are clock readings of the submitter's or approver's machine: a worker can backdate a commit
 * (GIT_COMMITTER_DATE), but not past the merge time the approver's machine or host records, and
 * a signed submit commit or the host's pull-request timestamp makes backdating visible.
 */
export function planReachedSupervisor(record: ActivityRecord, ctx: HistoryContext): string | undefined {
  const submitted = submissionsOf(ctx, record.id).filter((s) => s.stage === 'plan').map((s) => s.time);
  const lineSeen = enteredAt(ctx, record, ['plan', 'date']);
  const approved = validApprovals(ctx, record.id, 'plan')[0]?.time;
  const candidates = [...submitted, ...(lineSeen ? [lineSeen] : []), ...(approved ? [approved] : [])];
  return candidates.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}


/** GR-PLAN-LEAD / CM-PLAN-LEAD: the plan reached the supervisor ≥ N days before the start, and was approved before it. */
export function planLeadFromHistory(record: ActivityRecord, ctx: HistoryContext): Finding[] {
  const rule = record.kind === 'group' ? 'GR-PLAN-LEAD' : 'CM-PLAN-LEAD';
  const report = reporter(record);
  const start = firstMeetingDate(record);
  const lead = ctx.config.deadlines.planLeadDays;
  const findings: Finding[] = [];
  const reached = planReachedSupervisor(record, ctx);
  if (reached && dayOf(reached) > addDays(start, -lead)) {
    findings.push(report.error(rule, ['plan', 'date'], `计划书于 ${dayOf(reached)} 才递交督导（git 记录），距首次活动 ${start} 不足 ${lead} 天`));
  }
  const held = meetings(record);
  const approval = validApprovals(ctx, record.id, 'plan')[0];
  const firstHeld = minDate(held.dates);
  if (firstHeld && (!approval || dayOf(approval.time) > firstHeld)) {
    findings.push(report.error(rule, [held.key, held.dates.indexOf(firstHeld)], `首次活动 ${firstHeld} 时计划书尚未经督导批准${approval ? `（批准于 ${dayOf(approval.time)}）` : ''}；督导不批准的不允许开展`));
  }
  return findings;
}

/** CM-EMPLOYER-CONSENT (社区第二条): the employer's consent was on record before the plan reached the supervisor. */
export function employerConsentFirst(record: ActivityRecord, ctx: HistoryContext): Finding[] {
  if (record.kind !== 'community' || !record.data.employerConsent) return [];
  const consented = enteredAt(ctx, record, ['employerConsent', 'date']);
  const reached = planReachedSupervisor(record, ctx);
  if (!consented || !reached || Date.parse(consented) <= Date.parse(reached)) return [];
  return [
    reporter(record).error('CM-EMPLOYER-CONSENT', ['employerConsent'], `用人单位同意于 ${dayOf(consented)} 才入库，晚于计划书递交督导（${dayOf(reached)}）；须先获用人单位同意`),
  ];
}

/** GR-FUNDING (小组第三条): org funds are signed off by the financeLead before the first meeting. */
export function fundingSignedOff(record: ActivityRecord, ctx: HistoryContext): Finding[] {
  if (record.data.funding.source !== '机构') return [];
  const firstHeld = minDate(meetings(record).dates);
  if (!firstHeld) return [];
  const approval = validApprovals(ctx, record.id, 'funding')[0];
  if (approval && dayOf(approval.time) <= firstHeld) return [];
  const message = approval
    ? `机构经费于 ${dayOf(approval.time)} 才经财务负责人签批，晚于首次活动 ${firstHeld}`
    : `机构经费尚未经财务负责人签批（${stageDefinitions.funding.label}），活动已于 ${firstHeld} 开展`;
  return [reporter(record).error('GR-FUNDING', ['funding'], message)];
}

/** GR-REPORT-3D (小组第五条): the report and financial report entered the repository within N days of the end. */
export function reportFiledInTime(record: ActivityRecord, ctx: HistoryContext): Finding[] {
  const end = endDate(record);
  if (end === undefined) return [];
  const due = addDays(end, ctx.config.deadlines.reportDays);
  const report = reporter(record);
  return (['report', 'financialReport'] as const).flatMap((key) => {
    if (!record.data[key]) return [];
    const entered = enteredAt(ctx, record, [key, 'date']);
    if (!entered || dayOf(entered) <= due) return [];
    return [report.error('GR-REPORT-3D', [key], `${key === 'report' ? '报告' : '财务报告'}于 ${dayOf(entered)} 才递交（git 记录），应在结束（${end}）后 ${ctx.config.deadlines.reportDays} 天内，即 ${due} 前`)];
  });
}

/** GR-ARCHIVE-1W / CM-ARCHIVE-1W: archived within N days of the last report approval. */
export function archivedInTime(record: ActivityRecord, ctx: HistoryContext): Finding[] {
  const rule = record.kind === 'group' ? 'GR-ARCHIVE-1W' : 'CM-ARCHIVE-1W';
  const approvals = (['report-supervisor', 'report-business', 'report-head'] as const).map((stage) => validApprovals(ctx, record.id, stage)[0]);
  if (approvals.some((a) => a === undefined)) return [];
  const lastApproval = maxDate(approvals.map((a) => dayOf(a!.time))) as string;
  const due = addDays(lastApproval, ctx.config.deadlines.archiveDays);
  const report = reporter(record);
  if (record.data.archiveNo === undefined) {
    return ctx.today > due ? [report.warning(rule, ['report'], `报告已于 ${lastApproval} 全部审批，应在 ${due} 前归档，已逾期`)] : [];
  }
  const archived = enteredAt(ctx, record, ['archiveNo']);
  if (!archived || dayOf(archived) <= due) return [];
  return [report.error(rule, ['archiveNo'], `报告于 ${lastApproval} 全部审批，于 ${dayOf(archived)} 才归档，超过一周的期限（${due}）`)];
}

export function activityHistoryRules(record: ActivityRecord, ctx: HistoryContext): Finding[] {
  const always = [reportFiledInTime, archivedInTime];
  const approvalRules = [planLeadFromHistory, employerConsentFirst, fundingSignedOff];
  return [...always, ...(isImported(ctx, record) ? [] : approvalRules)].flatMap((rule) => rule(record, ctx));
}
