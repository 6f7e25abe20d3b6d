import { minDate } from '../dates.ts';
import type { RecordOfKind } from '../records/archive-record.ts';
import { activityArchiveItems, endDate, missingItems } from './activity.ts';
import type { ArchiveItem } from './case.ts';
import type { RecordRule } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';

/** CM-NEEDS (第二条): a community survey and needs assessment precede the plan. */
export const needsBeforePlan: RecordRule<'community'> = (record) => {
  const report = reporter(record);
  const { needsAssessment, plan } = record.data;
  if (!needsAssessment) return [report.error('CM-NEEDS', ['plan'], '缺少社区考察与需求评估（needsAssessment）；制定活动计划前须深入社区考察、评估需求')];
  if (needsAssessment.date > plan.date) {
    return [report.error('CM-NEEDS', ['needsAssessment', 'date'], `需求评估日期 ${needsAssessment.date} 晚于计划书 ${plan.date}；评估应在计划之前`)];
  }
  return [];
};

/** CM-EMPLOYER-CONSENT (第二条), content side: the employer agreed before the plan went to the supervisor. */
export const employerConsentBeforePlan: RecordRule<'community'> = (record) => {
  const report = reporter(record);
  const { employerConsent, plan } = record.data;
  if (!employerConsent) return [report.error('CM-EMPLOYER-CONSENT', ['plan'], '缺少用人单位同意（employerConsent）；活动方案须先获用人单位领导同意，再递交督导')];
  if (employerConsent.date > plan.date) {
    return [report.error('CM-EMPLOYER-CONSENT', ['employerConsent', 'date'], `用人单位同意日期 ${employerConsent.date} 晚于计划书递交督导日期 ${plan.date}`)];
  }
  return [];
};

/** CM-EMERGENCY (第八条): the plan has an emergency plan. */
export const emergencyIsPlanned: RecordRule<'community'> = (record) =>
  record.data.plan.emergencyPlan !== undefined
    ? []
    : [reporter(record).error('CM-EMERGENCY', ['plan'], '社区活动计划书缺少应急方案（emergencyPlan）')];

/** CM-PROCESS (第三条): publicity and preparation before the first activity; a process evaluation of each. */
export const processIsRecorded: RecordRule<'community'> = (record) => {
  const report = reporter(record);
  const { activities, publicity, preparation } = record.data;
  const first = minDate(activities.map((a) => a.date));
  if (first === undefined) return [];
  const findings: Finding[] = [];
  for (const [key, label, steps] of [['publicity', '宣传工作', publicity], ['preparation', '前期准备', preparation]] as const) {
    if (!steps.some((step) => step.date <= first)) {
      findings.push(report.error('CM-PROCESS', steps.length > 0 ? [key] : ['activities'], `活动于 ${first} 开始，但在此之前没有${label}记录（${key}）`));
    }
  }
  activities.forEach((activity, i) => {
    if (activity.processEvaluation === undefined) {
      findings.push(report.error('CM-PROCESS', ['activities', i], `第${i + 1}次活动（${activity.date}）缺少过程评估（processEvaluation）`));
    }
  });
  return findings;
};

/** CM-RECORD (第四条): after each activity a detailed record, an outcome evaluation and participant feedback. */
export const activitiesAreRecorded: RecordRule<'community'> = (record) => {
  const report = reporter(record);
  const parts = [
    ['record', '活动记录'],
    ['outcomeEvaluation', '结果评估'],
    ['feedback', '参加者意见表'],
  ] as const;
  return record.data.activities.flatMap((activity, i) =>
    parts
      .filter(([key]) => activity[key] === undefined)
      .map(([key, label]) => report.error('CM-RECORD', ['activities', i], `第${i + 1}次活动（${activity.date}）缺少${label}（${key}）`)),
  );
};

/** GR-FORMS by CM-AS-GROUP (社区第五条): the contents of a community activity's archive bag. */
export function communityArchiveItems(record: RecordOfKind<'community'>): ArchiveItem[] {
  // The records of every activity: none yet, or some still to be held, leaves the item unticked.
  const allHeld = record.data.activities.length > 0 && endDate(record) !== undefined;
  return activityArchiveItems(record, [{ label: '活动记录（全部活动）', present: allHeld }]);
}

/** GR-FORMS by CM-AS-GROUP (社区第五条): an archived community activity holds every form. */
export const communityFormsComplete: RecordRule<'community'> = (record) => {
  if (record.data.archiveNo === undefined) return [];
  const missing = missingItems(communityArchiveItems(record));
  if (missing.length === 0) return [];
  return [reporter(record).error('GR-FORMS', ['archiveNo'], `已存档的社区活动缺少材料（CM-AS-GROUP 参照小组第六条）：${missing.join('、')}`)];
};
