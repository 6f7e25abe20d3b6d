import { addDays, minDate } from '../dates.ts';
import { endDate } from './activity.ts';
import type { RecordRule } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';
import { actsAsSupervisor } from './roster.ts';

/** GR-RECRUIT (第二条): recruitment publicity before the group starts. */
export const recruitmentBeforeStart: RecordRule<'group'> = (record) => {
  const report = reporter(record);
  const first = minDate(record.data.sessions.map((s) => s.date));
  if (first === undefined) return [];
  const recruitment = record.data.recruitment;
  if (!recruitment) return [report.error('GR-RECRUIT', ['sessions'], `小组已于 ${first} 开始，但没有招募宣传记录（recruitment）；开展前应做招募宣传`)];
  if (recruitment.date > first) {
    return [report.error('GR-RECRUIT', ['recruitment', 'date'], `招募宣传日期 ${recruitment.date} 晚于第一节小组（${first}）`)];
  }
  return [];
};

/**
 * GR-SESSION (第四条): a record after each session, participant feedback, and the supervisor's
 * comment once the group has ended. A past scheduled session without a record is a warning.
 */
export const sessionsAreRecorded: RecordRule<'group'> = (record, ctx) => {
  const report = reporter(record);
  const { sessions, feedback, supervisorComment, plan } = record.data;
  const findings: Finding[] = [];
  const graceEnd = addDays(ctx.today, -ctx.config.deadlines.sessionRecordDays);
  const pastScheduled = plan.schedule.filter((s) => s.date < graceEnd).length;
  if (pastScheduled > sessions.length && record.data.report === undefined) {
    findings.push(
      report.warning('GR-SESSION', ['sessions'], `程序安排表中已有 ${pastScheduled} 节的日期已过，但只有 ${sessions.length} 份小组集会记录；每节结束后应及时填写并交督导批阅`),
    );
  }
  const end = endDate(record);
  if (end === undefined) return findings;
  if (feedback.length === 0) {
    findings.push(report.error('GR-SESSION', ['sessions'], '小组已结束，但没有参加者意见表（feedback）；应组织服务对象和志愿者填写以评估成效'));
  }
  if (!supervisorComment) {
    findings.push(report.error('GR-SESSION', ['sessions'], `小组已于 ${end} 结束，缺少督导点评（supervisorComment）`));
  } else {
    if (!actsAsSupervisor(ctx.roster, supervisorComment.by, record.data.post, supervisorComment.date)) {
      findings.push(report.error('GR-SESSION', ['supervisorComment', 'by'], `${supervisorComment.by} 在 ${supervisorComment.date} 不是岗位 ${record.data.post} 的督导（无督导的岗位由机构业务负责人代行）`));
    }
    if (supervisorComment.date < end) {
      findings.push(report.error('GR-SESSION', ['supervisorComment', 'date'], `督导点评日期 ${supervisorComment.date} 早于最后一节（${end}）；点评应在小组结束后`));
    }
  }
  return findings;
};

/** GR-FORMS (第六条): an archived group holds every form. */
export const groupFormsComplete: RecordRule<'group'> = (record) => {
  const { data } = record;
  if (data.archiveNo === undefined) return [];
  const forms: [string, boolean][] = [
    ['财政预算表', data.plan.budget.length > 0 || data.funding.source === '无'],
    ['活动经费申请表', data.funding.source !== '机构' || data.funding.applicationDate !== undefined],
    ['报名表', data.registration !== undefined],
    ['小组集会记录表及点名表', data.sessions.length > 0],
    ['参加者意见表', data.feedback.length > 0],
    ['督导点评', data.supervisorComment !== undefined],
    ['小组报告', data.report !== undefined],
    ['财务报告', data.financialReport !== undefined],
  ];
  const missing = forms.filter(([, present]) => !present).map(([label]) => label);
  if (missing.length === 0) return [];
  return [reporter(record).error('GR-FORMS', ['archiveNo'], `已存档的小组缺少表格：${missing.join('、')}`)];
};
