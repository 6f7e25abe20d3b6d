import { addWorkingDays, uncoveredYears, uncoveredYearsNote, workingDaysBetween } from '../../archive/calendar.ts';
import { addDays } from '../../dates.ts';
import { memoisedPer } from '../../group-by.ts';
import { stageLabel } from '../../i18n/terms.ts';
import { dayOf } from '../../ledger/commit.ts';
import type { RecordOfKind } from '../../records/archive-record.ts';
import { reporter } from '../context.ts';
import type { Finding } from '../finding.ts';
import { enteredAt, isImported, validApprovals, type HistoryContext } from './context.ts';

type Case = RecordOfKind<'case'>;

/** C-INTAKE-APPROVAL (第三条, 第四条): no plan or session before the supervisor approved the intake. */
export function intakeApprovedBeforeService(record: Case, ctx: HistoryContext): Finding[] {
  const report = reporter(record);
  const approval = validApprovals(ctx, record.id, 'intake')[0];
  const services = [
    ...(record.data.plan ? [{ path: ['plan', 'date'], date: record.data.plan.date, what: '服务计划' }] : []),
    ...record.data.sessions.map((s, i) => ({ path: ['sessions', i, 'date'], date: s.date, what: `第${i + 1}次服务` })),
  ];
  if (!approval) {
    const first = services[0];
    return first ? [report.error('C-INTAKE-APPROVAL', first.path, `接案尚未经督导审批（没有「${stageLabel('intake')}」的审批合并），不能有${first.what}；请先提交接案审批`)] : [];
  }
  const approved = dayOf(approval.time);
  return services
    .filter((s) => s.date < approved)
    .map((s) => report.error('C-INTAKE-APPROVAL', s.path, `${s.what}日期 ${s.date} 早于接案审批 ${approved}；批准后方可开展服务`));
}

/** Due dates by session date, per check: thousands of cases share a few hundred session dates, and date arithmetic is slow. */
const sessionDues = memoisedPer((_ctx: HistoryContext) => new Map<string, string>());

/** C-SESSION-RECORD (第四条, 第五条): each session record entered the repository within N days of the session. */
export function sessionsFiledPromptly(record: Case, ctx: HistoryContext): Finding[] {
  const report = reporter(record);
  const days = ctx.config.deadlines.sessionRecordDays;
  const dues = sessionDues(ctx);
  return record.data.sessions.flatMap((session, i) => {
    const entered = enteredAt(ctx, record, ['sessions', i, 'date']);
    if (entered === undefined) return [];
    let due = dues.get(session.date);
    if (due === undefined) dues.set(session.date, (due = addDays(session.date, days)));
    if (dayOf(entered) <= due) return [];
    return [report.error('C-SESSION-RECORD', ['sessions', i], `第${i + 1}次服务（${session.date}）的记录于 ${dayOf(entered)} 才入库，应在 ${days} 天内（${due} 前）归档`)];
  });
}

/** C-REFERRAL (第四条, 第六条): a referral is approved before anyone acts on it. */
export function referralApproved(record: Case, ctx: HistoryContext): Finding[] {
  const report = reporter(record);
  const approvals = validApprovals(ctx, record.id, 'referral');
  return record.data.referrals.flatMap((referral, i) => {
    const entered = enteredAt(ctx, record, ['referrals', i]);
    const approved = approvals.some((a) => entered === undefined || Date.parse(a.time) >= Date.parse(entered));
    if (approved || referral.reply === undefined) return [];
    return [report.error('C-REFERRAL', ['referrals', i, 'reply'], `第${i + 1}次转介尚未经督导审批（「${stageLabel('referral')}」），接收方却已回复；转介须先获审批`)];
  });
}

/** The approval of referral `i`: the first valid referral approval made once the referral was on record. */
export function referralApproval(ctx: HistoryContext, record: Case, i: number) {
  const entered = enteredAt(ctx, record, ['referrals', i]);
  return validApprovals(ctx, record.id, 'referral').find((a) => entered === undefined || Date.parse(a.time) >= Date.parse(entered));
}

/** C-REFERRAL-REPLY (第七条): the receiver replies within N working days of the referral's approval. */
export function referralAnsweredInTime(record: Case, ctx: HistoryContext): Finding[] {
  const report = reporter(record);
  const limit = ctx.config.deadlines.referralReplyWorkingDays;
  return record.data.referrals.flatMap((referral, i) => {
    if (referral.type !== '机构内') return [];
    const approval = referralApproval(ctx, record, i);
    if (!approval) return [];
    const from = dayOf(approval.time);
    const due = addWorkingDays(from, limit, ctx.config);
    // The count up to `to` is Monday–Friday in a year neither calendar covers: say so rather than trust it.
    const uncovered = (to: string) => {
      const years = uncoveredYears(from, to, ctx.config);
      return years.length > 0 ? [report.warning('C-REFERRAL-REPLY', ['referrals', i], `第${i + 1}次转介的回复期限：${uncoveredYearsNote(years)}`)] : [];
    };
    if (!referral.reply) {
      const late = ctx.today > due ? [report.warning('C-REFERRAL-REPLY', ['referrals', i], `转介于 ${from} 获批，接收社工 ${referral.toWorker ?? ''} 应在 ${limit} 个工作日内（${due} 前）回复，已逾期`)] : [];
      return [...uncovered(due), ...late];
    }
    const repliedLine = enteredAt(ctx, record, ['referrals', i, 'reply', 'date']);
    const replied = repliedLine ? dayOf(repliedLine) : referral.reply.date;
    const used = workingDaysBetween(from, replied, ctx.config);
    const gaps = uncovered(replied > due ? replied : due);
    if (used <= limit) return gaps;
    return [...gaps, report.error('C-REFERRAL-REPLY', ['referrals', i, 'reply'], `转介于 ${from} 获批，回复于 ${replied}，用了 ${used} 个工作日，超过 ${limit} 个工作日的期限（${due}）`)];
  });
}

/** C-CLOSE-APPROVAL (第四条): the case is closed only after the supervisor approved the closing report. */
export function closedAfterApproval(record: Case, ctx: HistoryContext): Finding[] {
  const closingForm = record.data.closingForm;
  if (!closingForm) return [];
  const approval = validApprovals(ctx, record.id, 'closing')[0];
  const report = reporter(record);
  if (!approval) return [report.error('C-CLOSE-APPROVAL', ['closingForm'], `结案报告尚未经督导审批（「${stageLabel('closing')}」），不能填写结案表；请先提交结案审批`)];
  const approved = dayOf(approval.time);
  return closingForm.date < approved
    ? [report.error('C-CLOSE-APPROVAL', ['closingForm', 'date'], `结案日期 ${closingForm.date} 早于结案审批 ${approved}`)]
    : [];
}

/** History rules of a case; an imported case's history before adoption is not judged. */
export function caseHistoryRules(record: Case, ctx: HistoryContext): Finding[] {
  const rules = [sessionsFiledPromptly, referralAnsweredInTime];
  const approvalRules = [intakeApprovedBeforeService, referralApproved, closedAfterApproval];
  return [...rules, ...(isImported(ctx, record) ? [] : approvalRules)].flatMap((rule) => rule(record, ctx));
}
