import { minDate } from '../dates.ts';
import type { RecordOfKind } from '../records/archive-record.ts';
import { activityArchiveItems, endDate, missingItems } from './activity.ts';
import type { ArchiveItem } from './case.ts';
import type { RecordRule, RosterContext } from './context.ts';
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

/** GR-SESSION (第四条): participant feedback, and the supervisor's comment once the group has ended. */
export const sessionsAreReviewed: RecordRule<'group', RosterContext> = (record, ctx) => {
  const report = reporter(record);
  const { feedback, supervisorComment } = record.data;
  const findings: Finding[] = [];
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

/** GR-FORMS (第六条): the contents of a group's archive bag. */
export function groupArchiveItems(record: RecordOfKind<'group'>): ArchiveItem[] {
  const { data } = record;
  return activityArchiveItems(record, [
    { label: '报名表', present: data.registration !== undefined },
    { label: '小组集会记录表及点名表', present: data.sessions.length > 0 },
    { label: '参加者意见表', present: data.feedback.length > 0 },
    { label: '督导点评', present: data.supervisorComment !== undefined },
  ]);
}

/** GR-FORMS (第六条): an archived group holds every form. */
export const groupFormsComplete: RecordRule<'group'> = (record) => {
  if (record.data.archiveNo === undefined) return [];
  const missing = missingItems(groupArchiveItems(record));
  if (missing.length === 0) return [];
  return [reporter(record).error('GR-FORMS', ['archiveNo'], `已存档的小组缺少表格：${missing.join('、')}`)];
};
