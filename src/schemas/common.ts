import { z } from 'zod';
import './zh-error-map.ts';

/** A calendar date as YYYY-MM-DD. YAML parsers that turn dates into Date objects (Astro's) are accepted too. */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string({ invalid_type_error: '应为日期 YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD，例如 2026-03-02')
    // Zod's own calendar check (leap years included) rather than a refinement: a record holds
    // dozens of dates, and a refinement wraps each in one more schema layer.
    .date('不是有效的日历日期'),
);

/** Non-empty free text. */
export const text = z.string({ invalid_type_error: '应为文字' }).trim().min(1, '不能为空');

/** A list with at least one entry of free text. */
export const textList = z.array(text).min(1, '至少填写一项');

/** A staff id from content/staff.yaml, e.g. S03. It never names a client. */
export const staffId = z.string().regex(/^S\d{2,4}$/, '应为 staff.yaml 中的工作人员编号，例如 S03');

/** A post (镇街岗位) id from content/staff.yaml, e.g. P01. */
export const postId = z.string().regex(/^P\d{2,4}$/, '应为 staff.yaml 中的岗位编号，例如 P01');

/** The shape of a record id: `<folder>/<year>-<nnnn>`, the folder one of the record kinds'. */
export const recordIdPattern = /^(cases|consultations|groups|community|audits|handovers|supervision)\/\d{4}-\d{4}$/;

/** A record id, e.g. cases/2026-0042. */
export const recordId = z.string().regex(recordIdPattern, '应为记录编号，例如 cases/2026-0042');

/** A non-negative amount of money in yuan. */
export const amount = z.number({ invalid_type_error: '应为数字（元）' }).nonnegative('金额不能为负');

/** A count of people. */
export const headcount = z.number({ invalid_type_error: '应为人数' }).int('应为整数').nonnegative('不能为负');

/** What a participant paid, in yuan. G-FREE: it must be 0. */
export const participantFee = amount.default(0).describe('服务对象缴纳费用（元）');

/** The archive number G-ARCHIVE-NO, written once the record is archived. Its parts are checked by the rule. */
export const archiveNo = z.string().describe('档案编号');

/** A project code from archive.yaml's projects, on a record that belongs to another project than its post's. */
export const projectRef = z.string().optional().describe('所属项目');

/** Fields every service record (case, consultation, group, community) has. */
export const serviceRecordBase = {
  /** The record id; it must match the file path (cases/2026-0042 lives at content/cases/2026/0042.md). */
  id: recordId.describe('记录编号'),
  /** A short title that names the service, never the client. */
  title: text.describe('标题'),
  /** Service category code from archive.yaml (e.g. QSN 青少年). */
  category: text.describe('服务类别'),
  /** The post (镇街岗位) the service belongs to. */
  post: postId.describe('所属岗位'),
  /** The responsible social worker. */
  worker: staffId.describe('负责社工'),
  /** G-FREE: what participants paid; always 0. */
  participantFee,
  /** The project (archive.yaml) the service belongs to, when not the one its post belongs to. */
  project: projectRef,
  /** G-ARCHIVE-NO: set when the record is archived. */
  archiveNo: archiveNo.optional(),
};
