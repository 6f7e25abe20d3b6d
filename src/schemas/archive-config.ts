import { z } from 'zod';
import { isoDate, text } from './common.ts';
import { projectSchema } from './project.ts';

const codeTable = z.record(z.string().regex(/^[A-Z]{2,4}$/, '代码应为 2 到 4 个大写字母'), text);
const days = z.number().int('应为整数天数').positive('应为正数');

/** Every configurable default of DOMAIN.md, with the seed's article in the comment. */
const deadlines = z.object({
  /** GR-PLAN-LEAD, CM-PLAN-LEAD: the plan reaches the supervisor this many days before the start. */
  planLeadDays: days.default(14).describe('计划书提前递交天数'),
  /** GR-REPORT-3D: report and financial report within this many days of the end. */
  reportDays: days.default(3).describe('报告递交天数'),
  /** GR-ARCHIVE-1W, CM-ARCHIVE-1W: archiving within this many days. */
  archiveDays: days.default(7).describe('归档天数'),
  /** C-HOTLINE: retroactive approval overdue after this many days. */
  hotlineApprovalDays: days.default(7).describe('热线补办审批天数'),
  /** C-SESSION-RECORD: a session record is filed within this many days. */
  sessionRecordDays: days.default(2).describe('个案记录归档天数'),
  /** C-REFERRAL-REPLY: reply within this many working days. */
  referralReplyWorkingDays: days.default(3).describe('转介回复工作日'),
  /** C-FOLLOW-UP: follow-up within this many days of closing. */
  followUpDays: days.default(90).describe('结案追踪天数'),
});

/** How long archived records are kept before they are reviewed; the first matching entry applies. */
const retentionRule = z.object({
  /** Category code; any category when absent. */
  category: z.string().optional().describe('服务类别'),
  /** Nature code; any nature when absent. */
  nature: z.string().optional().describe('服务性质'),
  /** Years after the archive month. */
  years: z.number().int().positive('应为正整数年').describe('保管年限'),
});

/** content/archive.yaml: code tables, deadlines and the working-day calendar. */
export const archiveConfigSchema = z.object({
  /** G-ARCHIVE-NO: service categories (服务类别), code → Chinese name. */
  categories: codeTable.describe('服务类别'),
  /** G-ARCHIVE-NO: service natures (服务性质), code → Chinese name. */
  natures: codeTable.describe('服务性质'),
  /** Which nature code each record kind is numbered under. */
  kindNatures: z
    .object({
      case: text.describe('个案'),
      consultation: text.describe('咨询'),
      group: text.describe('小组'),
      community: text.describe('社区'),
      /** G-ARCHIVE-CONTENT: supervision records; archive.yaml files written before them lack the key. */
      supervision: text.default('DD').describe('督导'),
    })
    .describe('记录类型对应服务性质'),
  /** G-ARCHIVE-NO: digits of the sequence part. */
  sequenceWidth: z.number().int().min(2).max(6).default(3).describe('次序位数'),
  /** C-HOTLINE: the hotline numbers served. */
  hotlines: z.array(z.string().regex(/^\d{3,8}$/, '应为热线号码')).default([]).describe('热线'),
  deadlines: deadlines.default({}).describe('时限'),
  /**
   * Public holidays (non-working days) added to the official calendar (chinese-days) or correcting
   * it: a local holiday, or a year's notice before the package has it. A year with a holiday here counts as covered.
   */
  holidays: z.array(isoDate).default([]).describe('法定节假日'),
  /** Weekend days that are working days (调休), added to the official calendar or correcting it. */
  makeUpWorkdays: z.array(isoDate).default([]).describe('调休上班日'),
  /** Retention: records past it are listed for review by `swa due`; nothing is ever deleted by the tool. */
  retention: z.array(retentionRule).default([]).describe('档案保管期限'),
  /**
   * The adoption point: a tag or commit on main from which approvals are enforced. Records on
   * main at that point count as imported (the import is itself a reviewed step). Without it the
   * history rules are skipped with one warning.
   */
  adoption: z.string().regex(/^[\w./-]+$/, '应为标签名或提交哈希').optional().describe('启用审批的起点'),
  /**
   * A-CLOCK: how far (minutes) a commit on main may be dated before its first parent, for clock
   * skew between machines; beyond it the commit is reported and its approval does not count.
   */
  clockToleranceMinutes: z.number().int('应为整数分钟').min(0, '不能为负数').default(10).describe('时钟误差容限（分钟）'),
  /**
   * A-SIGNATURE: `required` makes every approval need a valid signature by a key the roster lists
   * for the approver; `where-listed` (the default) asks it only of people with a key in the roster.
   */
  signedApprovals: z.enum(['where-listed', 'required']).default('where-listed').describe('审批签名'),
  /** The government-commissioned projects, for `swa stats`: each record belongs to one, directly or through its post. */
  projects: z.array(projectSchema).default([]).describe('项目'),
});

export type ArchiveConfig = z.output<typeof archiveConfigSchema>;
