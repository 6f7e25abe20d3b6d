import { numberedKinds, type NumberedKind } from '../schemas/index.ts';
import type { PrintField } from './print-model.ts';

/**
 * The kinds whose records are forms of the rulebook's archive (第六章第四条.1, G-ARCHIVE-CONTENT):
 * the services and supervision, the very kinds that carry an archive number (G-ARCHIVE-NO).
 */
export const printableKinds = numberedKinds;
export type PrintableKind = NumberedKind;
export const isPrintableKind = (kind: string): kind is PrintableKind => (printableKinds as readonly string[]).includes(kind);

/** A key of the record's data this form prints; a table may show only some of its columns. */
export type FormPart = string | { key: string; columns: string[] };

/** One form of the rulebook as it is printed. */
export interface FormDefinition {
  /** The name `swa print --form` and `--blank` take. */
  key: string;
  title: string;
  /** The record kinds that hold this form, with the keys of their data it prints. */
  parts: Partial<Record<PrintableKind, FormPart[]>>;
  /** Blank forms: the keys of the record's head written in by hand, in place of a service's worker and post. */
  head?: string[];
  /** Paragraphs the signer agrees to. */
  statement?: string[];
  /** Blank forms: what a person writes on paper, in place of the parts (a participant's 意见表, a session's head). */
  prompts?: PrintField[];
  /** Blank forms: a sheet of names that stays on paper and never enters the archive (G-CONFIDENTIAL). */
  sheet?: { heading: string; columns: string[]; rows: number };
  /** Who signs, where the rulebook wants a signature. */
  signatures: string[];
  /** Signers who sign a filled form once for each person its head names under the same label (each 被督导社工). */
  signedByEach?: string[];
}

const lines = (label: string, n = 3): PrintField => ({ label, value: null, lines: n });
const date = (label: string): PrintField => ({ label, value: null, date: true });

/** The ones who sign a group's or community activity's forms, in the rulebook's order (小组第三条、第五条). */
const activitySigners = ['负责社工', '督导', '机构业务负责人', '机构负责人'];

/**
 * Every form of the rulebook (第三章第三条、第十条; 小组第三条至第六条; 社区第二条至第五条; 第六章第四条.1)
 * that is printed: the forms a record of each kind holds, in the order a service fills them.
 */
export const formDefinitions: FormDefinition[] = [
  {
    key: 'consent',
    title: '接受个案服务同意书',
    parts: { case: ['consent'] },
    statement: [
      '本人（或监护人）已了解本机构社工提供的个案服务的目的、内容与方式，自愿接受服务，并同意社工为提供服务而记录必要的资料。',
      '本机构对服务对象的个人资料严格保密；除紧急危机情况外，不向任何第三方泄露（第六章第三条）。',
      '本服务属政府委托的社会工作服务项目，服务对象无须缴纳任何费用；社工不得收取报酬、接受捐赠或借用财物（第五章第一条、第三章第九条）。',
    ],
    signatures: ['服务对象或监护人', '负责社工'],
  },
  { key: 'basic-info', title: '个案基本资料表', parts: { case: ['client', 'profile', 'basicInfo'], consultation: ['client', 'profile'] }, signatures: ['负责社工'] },
  { key: 'intake', title: '接案信息表', parts: { case: ['intake'] }, signatures: ['负责社工', '督导审批（镇街无督导的由机构业务负责人审批）'] },
  { key: 'assessment', title: '服务使用者问题评估表', parts: { case: ['assessment'] }, signatures: ['负责社工'] },
  { key: 'case-plan', title: '个案服务计划书', parts: { case: ['plan'] }, signatures: ['负责社工', '督导'] },
  { key: 'case-sessions', title: '个案记录表', parts: { case: ['sessions'] }, signatures: ['负责社工'] },
  { key: 'referral', title: '个案转介表', parts: { case: ['referrals'] }, signatures: ['转介社工', '服务对象（同意转介）', '督导或机构审批', '接收方'] },
  { key: 'closing-report', title: '结案报告', parts: { case: ['closingReport'] }, signatures: ['负责社工', '督导或机构审批'] },
  { key: 'closing-evaluation', title: '个案结束评估表', parts: { case: ['closingEvaluation'] }, signatures: ['服务对象', '负责社工'] },
  { key: 'closing-form', title: '个案结案表', parts: { case: ['closingForm'] }, signatures: ['负责社工', '督导或机构审批'] },
  { key: 'attachments', title: '个案附件清单', parts: { case: ['attachments'] }, signatures: ['负责社工'] },
  { key: 'follow-up', title: '追踪服务记录', parts: { case: ['followUps'] }, signatures: ['负责社工'] },
  { key: 'inquiry', title: '咨询 / 访谈记录', parts: { consultation: ['purpose', 'content', 'needsAnalysis'] }, signatures: ['负责社工'] },
  { key: 'inquiry-closing', title: '结案信息表', parts: { consultation: ['closing'] }, signatures: ['负责社工'] },
  { key: 'needs', title: '社区考察与需求评估', parts: { community: ['needsAssessment', 'employerConsent'] }, signatures: ['负责社工', '用人单位领导'] },
  { key: 'activity-plan', title: '小组 / 活动计划书', parts: { group: ['plan'], community: ['plan'] }, signatures: activitySigners },
  { key: 'funding', title: '活动经费申请表', parts: { group: ['funding'], community: ['funding'] }, signatures: ['申请社工', '财务负责人（无费用填“无”）', '机构业务负责人', '机构负责人'] },
  { key: 'recruitment', title: '招募宣传与前期准备', parts: { group: ['recruitment'], community: ['publicity', 'preparation'] }, signatures: ['负责社工'] },
  {
    key: 'registration',
    title: '小组 / 活动报名表',
    parts: { group: ['registration'] },
    sheet: { heading: '报名登记', columns: ['姓名', '性别', '年龄', '联系电话', '报名日期', '本人或监护人签名'], rows: 16 },
    signatures: ['负责社工'],
  },
  {
    key: 'attendance',
    title: '小组 / 活动点名表',
    parts: { group: [{ key: 'sessions', columns: ['date', 'attendance', 'volunteers'] }], community: [{ key: 'activities', columns: ['date', 'participants', 'volunteers'] }] },
    prompts: [date('日期'), lines('节次 / 主题', 1), lines('出席人数', 1), lines('志愿者人数', 1)],
    sheet: { heading: '签到', columns: ['姓名', '组员 / 志愿者', '签到', '签退', '备注'], rows: 15 },
    signatures: ['负责社工'],
  },
  { key: 'group-sessions', title: '小组集会记录表', parts: { group: ['sessions'] }, signatures: ['负责社工', '督导批阅'] },
  { key: 'activity-record', title: '社区活动记录', parts: { community: ['activities', 'adjustments'] }, signatures: ['负责社工', '督导审阅'] },
  {
    key: 'feedback',
    title: '参加者意见表',
    parts: { group: ['feedback'], community: [{ key: 'activities', columns: ['date', 'feedback'] }] },
    prompts: [
      lines('活动名称', 1),
      date('日期'),
      { label: '身份', value: null, choices: ['服务对象', '志愿者'] },
      { label: '总体满意度', value: null, choices: ['非常满意', '满意', '一般', '不满意'] },
      lines('您的收获'),
      lines('意见与建议'),
    ],
    signatures: [],
  },
  { key: 'supervisor-comment', title: '督导点评', parts: { group: ['supervisorComment'] }, signatures: ['督导'] },
  { key: 'activity-report', title: '小组 / 活动报告', parts: { group: ['report'], community: ['report'] }, signatures: activitySigners },
  { key: 'financial-report', title: '小组 / 活动财务报告', parts: { group: ['financialReport'], community: ['financialReport'] }, signatures: ['财务负责人（手签字或电子签）', '负责社工', '机构业务负责人', '机构负责人'] },
  {
    key: 'supervision',
    title: '督导记录表',
    parts: { supervision: ['topics', 'recordsDiscussed', 'advice', 'previousFollowUps', 'followUps'] },
    head: ['title', 'post', 'date', 'hours', 'supervisor', 'supervisees', 'mode'],
    // The business lead reviews a supervision record (stage supervision): a supervisor may not review their own session.
    signatures: ['督导', '被督导社工', '机构业务负责人（审阅）'],
    signedByEach: ['督导', '被督导社工'],
  },
];

/** A shared form's title for one kind: 小组 / 活动报告 is a group's 小组报告 and a community activity's 活动报告. */
export const titleFor = (form: FormDefinition, kind: PrintableKind) => (kind === 'group' ? form.title.replace('小组 / 活动', '小组') : kind === 'community' ? form.title.replace('小组 / 活动', '活动') : form.title);

/** A form by its key, or by its title (接受个案服务同意书). */
export function formNamed(name: string): FormDefinition | undefined {
  return formDefinitions.find((f) => f.key === name || f.title === name || f.title.replaceAll(' ', '') === name);
}

/** The forms a record of `kind` holds, in order. */
export const formsOf = (kind: PrintableKind) => formDefinitions.filter((f) => f.parts[kind] !== undefined);
