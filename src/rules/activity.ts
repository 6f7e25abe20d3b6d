import { addDays, maxDate, minDate } from '../dates.ts';
import type { RecordOfKind } from '../records/archive-record.ts';
import type { ConfigContext, RosterContext } from './context.ts';
import { reporter } from './context.ts';
import type { ArchiveItem } from './case.ts';
import type { Finding } from './finding.ts';
import { holdsRole } from './roster.ts';
import { roleLabel } from '../i18n/terms.ts';

/** Groups and community activities share the plan, funding and report forms (CM-AS-GROUP). */
export type ActivityRecord = RecordOfKind<'group'> | RecordOfKind<'community'>;

/** The held meetings: a group's sessions or a community's activities, with the key they sit under. */
export function meetings(record: ActivityRecord): { key: 'sessions' | 'activities'; dates: string[] } {
  return record.kind === 'group'
    ? { key: 'sessions', dates: record.data.sessions.map((s) => s.date) }
    : { key: 'activities', dates: record.data.activities.map((a) => a.date) };
}

/** The last meeting date once every planned meeting is held or the report is written; else undefined. */
export function endDate(record: ActivityRecord): string | undefined {
  const held = meetings(record).dates;
  const ended = record.data.report !== undefined || held.length >= record.data.plan.schedule.length;
  return ended ? maxDate(held) : undefined;
}

/** The first meeting, held or scheduled. */
export function firstMeetingDate(record: ActivityRecord): string {
  return minDate([...meetings(record).dates, ...record.data.plan.schedule.map((s) => s.date)]) as string;
}

const kindName = (record: ActivityRecord) => (record.kind === 'group' ? '小组' : '社区活动');

/** GR-PLAN-LEAD, CM-PLAN-LEAD: the plan is dated at least N days (default 14) before the first meeting. */
export function planIsEarly(record: ActivityRecord, ctx: ConfigContext): Finding[] {
  const lead = ctx.config.deadlines.planLeadDays;
  const start = firstMeetingDate(record);
  const latest = addDays(start, -lead);
  if (record.data.plan.date <= latest) return [];
  const rule = record.kind === 'group' ? 'GR-PLAN-LEAD' : 'CM-PLAN-LEAD';
  return [
    reporter(record).error(
      rule,
      ['plan', 'date'],
      `计划书递交日期 ${record.data.plan.date} 距首次${kindName(record)}（${start}）不足 ${lead} 天；应至少提前 ${lead} 天递交督导，即不晚于 ${latest}`,
    ),
  ];
}

/** G-SAFETY (小组第八条, 社区第八条): the plan names safety measures against crowding and stampedes. */
export function safetyIsPlanned(record: ActivityRecord): Finding[] {
  if (record.data.plan.safetyMeasures !== undefined) return [];
  return [
    reporter(record).error('G-SAFETY', ['plan'], `${kindName(record)}计划书缺少安全措施（safetyMeasures）；须有预防拥挤、踩踏等意外的措施`),
  ];
}

const total = (lines: readonly { amount: number }[]) => lines.reduce((sum, line) => sum + line.amount, 0);

/**
 * GR-FUNDING (小组第三条; community by CM-AS-GROUP): who signs the budget and the financial
 * report depends on where the money comes from.
 */
export function fundingIsSigned(record: ActivityRecord, ctx: RosterContext): Finding[] {
  const report = reporter(record);
  const { funding, plan, financialReport } = record.data;
  const findings: Finding[] = [];
  const error = (path: (string | number)[], message: string) => findings.push(report.error('GR-FUNDING', path, message));
  const spent = financialReport ? total(financialReport.expenses) : 0;

  if (funding.source === '无') {
    if (funding.signer !== '无') error(['funding', 'signer'], `经费来源为 无 时，财务负责人栏应填写“无”，实际为 ${funding.signer}`);
    if (total(plan.budget) > 0) error(['plan', 'budget'], `经费来源为 无，但预算合计 ${total(plan.budget)} 元；有费用时应写明经费来源`);
    if (spent > 0) error(['financialReport', 'expenses'], `经费来源为 无，但财务报告列有开支 ${spent} 元`);
    return findings;
  }
  if (funding.source === '机构') {
    if (!funding.applicationDate) {
      error(['funding'], '向机构申请经费须与计划书同时提交《活动经费申请表》：缺少申请日期（applicationDate）');
    } else if (funding.applicationDate > plan.date) {
      error(['funding', 'applicationDate'], `经费申请日期 ${funding.applicationDate} 晚于计划书递交日期 ${plan.date}；应与计划书同时提交`);
    }
    const signedOn = funding.applicationDate ?? plan.date;
    if (!holdsRole(ctx.roster, funding.signer, 'financeLead', signedOn)) {
      error(['funding', 'signer'], `机构经费须由机构财务负责人签字；${funding.signer} 在 ${signedOn} 不是${roleLabel('financeLead')}`);
    }
    if (financialReport && !holdsRole(ctx.roster, financialReport.signer, 'financeLead', financialReport.date)) {
      error(['financialReport', 'signer'], `财务报告须由机构财务负责人签字；${financialReport.signer} 在 ${financialReport.date} 不是${roleLabel('financeLead')}`);
    }
    return findings;
  }
  if (funding.signer === '无') {
    error(['funding', 'signer'], `经费来自${funding.source}时，财务负责人栏应填写用人单位指定人员或经手社工的名字，不能填“无”`);
  } else if (financialReport && financialReport.signer !== funding.signer) {
    error(['financialReport', 'signer'], `财务报告签字人 ${financialReport.signer} 与经费申请中的财务负责人 ${funding.signer} 不一致`);
  }
  if (financialReport && financialReport.expenses.length === 0) {
    error(['financialReport', 'expenses'], `经费来自${funding.source}时，财务报告须列出详细开支明细，向出资方交代`);
  }
  return findings;
}

/** GR-REPORT-3D (小组第五条; community by CM-AS-GROUP): report and financial report within N days of the end. */
export function reportIsOnTime(record: ActivityRecord, ctx: ConfigContext): Finding[] {
  const end = endDate(record);
  if (end === undefined) return [];
  const days = ctx.config.deadlines.reportDays;
  const due = addDays(end, days);
  const report = reporter(record);
  const findings: Finding[] = [];
  const forms = [
    { key: 'report', label: `${kindName(record)}报告`, form: record.data.report },
    { key: 'financialReport', label: '财务报告', form: record.data.financialReport },
  ];
  for (const { key, label, form } of forms) {
    if (form && form.date > due) {
      findings.push(report.error('GR-REPORT-3D', [key, 'date'], `${label}日期 ${form.date} 超过结束（${end}）后 ${days} 天的期限 ${due}`));
    } else if (!form && ctx.today > due) {
      findings.push(report.warning('GR-REPORT-3D', [meetings(record).key], `${kindName(record)}已于 ${end} 结束，${label}应在 ${due} 前完成，已逾期`));
    }
  }
  return findings;
}

/**
 * GR-SESSION (小组第四条) and CM-RECORD (社区第四条): a meeting on the schedule whose date has
 * passed (beyond the filing grace of C-SESSION-RECORD) without its record is a duty fallen due: a warning.
 */
export function pastMeetingsRecorded(record: ActivityRecord, ctx: ConfigContext): Finding[] {
  if (record.data.report !== undefined) return [];
  const graceEnd = addDays(ctx.today, -ctx.config.deadlines.sessionRecordDays);
  const past = record.data.plan.schedule.filter((s) => s.date < graceEnd).length;
  const { key, dates } = meetings(record);
  if (past <= dates.length) return [];
  const [rule, form] = record.kind === 'group' ? ['GR-SESSION', '小组集会记录'] : ['CM-RECORD', '活动记录'];
  return [
    reporter(record).warning(rule, [key], `程序安排表中已有 ${past} 次的日期已过，但只有 ${dates.length} 份${form}；每次结束后应及时记录并交督导批阅`),
  ];
}

/**
 * GR-FORMS (小组第六条; community by CM-AS-GROUP): the forms of an archived group or community
 * activity, in the order a service fills them: the shared plan and funding, the kind's `own`
 * session forms, then the shared reports.
 */
export function activityArchiveItems(record: ActivityRecord, own: readonly ArchiveItem[]): ArchiveItem[] {
  const { plan, funding, report, financialReport } = record.data;
  return [
    { label: `${kindName(record)}计划书`, present: true },
    { label: '财政预算表', present: plan.budget.length > 0 || funding.source === '无' },
    { label: '程序安排表', present: true },
    { label: '活动经费申请表', present: funding.source !== '机构' || funding.applicationDate !== undefined },
    ...own,
    { label: `${kindName(record)}报告`, present: report !== undefined },
    { label: '财务报告', present: financialReport !== undefined },
  ];
}

/** The labels of the items an archive bag lacks. */
export const missingItems = (items: readonly ArchiveItem[]) => items.filter((item) => !item.present).map((item) => item.label);
