import type { CaseRecord } from '../schemas/case.ts';
import type { ConfigContext, RecordRule, RosterContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';
import { addDays, minDate } from '../dates.ts';

/** Plan and session dates: the service that must wait for the intake approval. */
function serviceDates(data: CaseRecord): { path: (string | number)[]; date: string; what: string }[] {
  return [
    ...(data.plan ? [{ path: ['plan', 'date'], date: data.plan.date, what: '服务计划' }] : []),
    ...data.sessions.map((s, i) => ({ path: ['sessions', i, 'date'], date: s.date, what: `第${i + 1}次服务` })),
  ];
}

/** C-INTAKE-APPROVAL (content side): no plan or session is dated before the intake itself. */
export const noServiceBeforeIntake: RecordRule<'case'> = (record) => {
  const report = reporter(record);
  const intake = record.data.intake.date;
  return serviceDates(record.data)
    .filter((s) => s.date < intake)
    .map((s) =>
      report.error(
        'C-INTAKE-APPROVAL',
        s.path,
        `${s.what}日期 ${s.date} 早于接案日期 ${intake}；接案须经督导审批后方可制定计划、开展服务`,
      ),
    );
};

/** G-CONSENT (第六章第一条): no service without a signed consent, signed before the first service. */
export const consentBeforeService: RecordRule<'case'> = (record) => {
  const report = reporter(record);
  const services = serviceDates(record.data);
  const first = minDate(services.map((s) => s.date));
  if (first === undefined) return [];
  const consent = record.data.consent;
  if (!consent) {
    const path = services[0]?.path.slice(0, 1) ?? ['consent'];
    return [report.error('G-CONSENT', path, '已有服务计划或服务记录，但缺少已签署的《接受个案服务同意书》（consent）；服务须在案主知情并签署同意书后开展')];
  }
  if (consent.date > first) {
    return [report.error('G-CONSENT', ['consent', 'date'], `同意书签署日期 ${consent.date} 晚于首次服务 ${first}；应先签署同意书再提供服务`)];
  }
  return [];
};

/** C-REFERRAL (content side): consent, assessment, and a receiver of the right type. */
export const referralIsComplete: RecordRule<'case', RosterContext> = (record, ctx) => {
  const report = reporter(record);
  return record.data.referrals.flatMap((referral, i): Finding[] => {
    const at = (field: string) => ['referrals', i, field];
    const findings: Finding[] = [];
    if (!referral.clientConsent) {
      findings.push(report.error('C-REFERRAL', at('clientConsent'), `第${i + 1}次转介未经案主同意；转介须经案主同意（clientConsent: true）`));
    }
    if (referral.date < record.data.intake.date) {
      findings.push(report.error('C-REFERRAL', at('date'), `转介日期 ${referral.date} 早于接案日期 ${record.data.intake.date}`));
    }
    if (referral.type === '机构内') {
      if (!referral.toWorker) {
        findings.push(report.error('C-REFERRAL', ['referrals', i], '机构内转介须写明接收社工（toWorker），例如 S05'));
      } else if (!ctx.roster.people.some((p) => p.id === referral.toWorker)) {
        findings.push(report.error('C-REFERRAL', at('toWorker'), `接收社工 ${referral.toWorker} 不在 staff.yaml 中`));
      } else if (referral.toWorker === record.data.worker) {
        findings.push(report.error('C-REFERRAL', at('toWorker'), '机构内转介的接收社工不能是本案负责社工'));
      }
    } else if (!referral.toAgency) {
      findings.push(report.error('C-REFERRAL', ['referrals', i], '机构间转介须写明接收机构（toAgency）'));
    }
    if (referral.reply && referral.reply.date < referral.date) {
      findings.push(report.error('C-REFERRAL', [...at('reply'), 'date'], `转介回复日期 ${referral.reply.date} 早于转介日期 ${referral.date}`));
    }
    return findings;
  });
};

/** C-CLOSE-APPROVAL (content side): the closing form follows the closing report; no service after closing. */
export const closingFollowsReport: RecordRule<'case'> = (record) => {
  const report = reporter(record);
  const { closingForm, closingReport, sessions } = record.data;
  if (!closingForm) return [];
  if (!closingReport) {
    return [report.error('C-CLOSE-APPROVAL', ['closingForm'], '已填写结案表，但没有结案报告（closingReport）；结案报告经督导审批后方可结案')];
  }
  const findings: Finding[] = [];
  if (closingForm.date < closingReport.date) {
    findings.push(report.error('C-CLOSE-APPROVAL', ['closingForm', 'date'], `结案日期 ${closingForm.date} 早于结案报告日期 ${closingReport.date}`));
  }
  sessions.forEach((s, i) => {
    if (s.date > closingForm.date) {
      findings.push(report.error('C-CLOSE-APPROVAL', ['sessions', i, 'date'], `第${i + 1}次服务 ${s.date} 在结案（${closingForm.date}）之后；结案后的服务应记为追踪服务（followUps）`));
    }
  });
  return findings;
};

/** C-FOLLOW-UP (content side): follow-ups come after closing. */
export const followUpAfterClosing: RecordRule<'case'> = (record) => {
  const report = reporter(record);
  const closed = record.data.closingForm?.date;
  return record.data.followUps.flatMap((f, i) => {
    if (closed === undefined) return [report.error('C-FOLLOW-UP', ['followUps', i], '个案尚未结案，不能有追踪服务；结案前的跟进应记入个案记录表（sessions）')];
    if (f.date < closed) return [report.error('C-FOLLOW-UP', ['followUps', i, 'date'], `追踪日期 ${f.date} 早于结案日期 ${closed}`)];
    return [];
  });
};

/** C-FOLLOW-UP (第八条): a follow-up is recorded within N days of closing; once overdue it is a duty fallen due. */
export const followedUp: RecordRule<'case', ConfigContext> = (record, ctx) => {
  const closed = record.data.closingForm?.date;
  if (closed === undefined || record.data.followUps.length > 0) return [];
  const due = addDays(closed, ctx.config.deadlines.followUpDays);
  if (ctx.today <= due) return [];
  return [reporter(record).warning('C-FOLLOW-UP', ['closingForm'], `个案于 ${closed} 结案，应在 ${due} 前完成追踪服务并记录（followUps），已逾期`)];
};

/** One item of an archive bag's contents: a form the rules ask for, and whether the record holds it. */
export interface ArchiveItem {
  label: string;
  present: boolean;
}

/** The forms C-ARCHIVE-COMPLETE asks for (some only where they apply); basic info and intake the schema already requires. */
const archiveForms: { label: string; present: (d: CaseRecord) => boolean; applies?: (d: CaseRecord) => boolean }[] = [
  { label: '接受个案服务同意书', present: (d) => d.consent !== undefined },
  { label: '个案基本资料表', present: () => true },
  { label: '接案信息表', present: () => true },
  { label: '个案服务计划书', present: (d) => d.plan !== undefined },
  { label: '个案记录表（至少一次）', present: (d) => d.sessions.length > 0 },
  { label: '结案报告', present: (d) => d.closingReport !== undefined },
  { label: '个案结束评估表', present: (d) => d.closingEvaluation !== undefined },
  { label: '个案附件清单', present: (d) => d.attachments.length > 0 },
  { label: '个案转介表（涉及转介的服务）', present: (d) => d.referrals.length > 0, applies: (d) => d.closingReport?.reason === '转介完成' || d.referrals.length > 0 },
];

/** C-ARCHIVE-COMPLETE: the contents of a case's archive bag (the cover's checklist, the rule's list of what is missing). */
export const caseArchiveItems = (data: CaseRecord): ArchiveItem[] =>
  archiveForms.filter((form) => form.applies?.(data) ?? true).map((form) => ({ label: form.label, present: form.present(data) }));

/**
 * C-ARCHIVE-COMPLETE (第三章第十条): only completed services are archived, with every form. An
 * archived case missing a form is an error; a closed case not yet archivable is a warning.
 */
export const archiveIsComplete: RecordRule<'case'> = (record) => {
  const report = reporter(record);
  const { data } = record;
  const archived = data.archiveNo !== undefined;
  if (!archived && !data.closingForm) return [];
  if (archived && !data.closingForm) {
    return [report.error('C-ARCHIVE-COMPLETE', ['archiveNo'], '个案尚未结案（没有个案结案表 closingForm），只有已完成的服务方可存档')];
  }
  const missing = caseArchiveItems(data).filter((item) => !item.present).map((item) => item.label);
  if (missing.length === 0) return [];
  const message = `存档须具备完整材料，缺少：${missing.join('、')}`;
  return archived
    ? [report.error('C-ARCHIVE-COMPLETE', ['archiveNo'], message)]
    : [report.warning('C-ARCHIVE-COMPLETE', ['closingForm'], `已结案但尚不能存档：${message}`)];
};
