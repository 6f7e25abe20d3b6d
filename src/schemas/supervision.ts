import { z } from 'zod';
import { archiveNo, isoDate, postId, projectRef, recordId, staffId, text, textList } from './common.ts';

/** A follow-up agreed in a session, to be done by one of its supervisees before the next one. */
const followUp = z.object({
  /** What is to be done. */
  action: text.describe('跟进事项'),
  /** The supervisee who does it. */
  owner: staffId.describe('负责人'),
});

/**
 * SV-FOLLOW-UP: the previous session's follow-ups, reviewed at this one. Recorded here rather
 * than ticked off in the earlier record, which is approved and stays as it was approved.
 */
const reviewedFollowUp = followUp.extend({
  /** Whether it was done by this session. */
  done: z.boolean({ invalid_type_error: '应为 true 或 false' }).describe('是否已完成'),
});

/** 督导记录 (第六章第四条.1, G-ARCHIVE-CONTENT): one supervision session. */
export const supervisionSchema = z.object({
  /** The record id, e.g. supervision/2026-0001. */
  id: recordId.describe('记录编号'),
  /** A short title that names the session's theme, never a client. */
  title: text.describe('标题'),
  /** Service category code from archive.yaml, for the archive number. */
  category: text.describe('服务类别'),
  /** The post (镇街岗位) whose work was supervised. */
  post: postId.describe('所属岗位'),
  /** Date of the session. */
  date: isoDate.describe('督导日期'),
  /** Length of the session in hours. */
  hours: z.number({ invalid_type_error: '应为小时数，例如 1.5' }).positive('应大于 0').max(12, '一次督导不超过 12 小时').describe('时长（小时）'),
  /** SV-SUPERVISOR-ROLE: who supervised; they hold the supervisor role that day. */
  supervisor: staffId.describe('督导'),
  /** The workers supervised. */
  supervisees: z.array(staffId).min(1, '至少一名被督导社工').describe('被督导社工'),
  mode: z.enum(['个别督导', '小组督导', '现场督导'], { message: '应为 个别督导、小组督导 或 现场督导' }).describe('督导方式'),
  /** What was discussed. */
  topics: textList.describe('督导主题'),
  /** SV-RECORD-EXISTS, G-CONFIDENTIAL: records discussed, by record id only, never a client's name. */
  recordsDiscussed: z.array(recordId).default([]).describe('讨论的记录'),
  /** The supervisor's advice. */
  advice: textList.describe('督导意见'),
  /** SV-FOLLOW-UP: what the previous session agreed, and whether it was done. */
  previousFollowUps: z.array(reviewedFollowUp).default([]).describe('上次跟进事项完成情况'),
  /** SV-FOLLOW-UP: what is to be done before the next session. */
  followUps: z.array(followUp).default([]).describe('跟进事项'),
  /** The project (archive.yaml) the session belongs to, when not the one its post belongs to. */
  project: projectRef,
  /** G-ARCHIVE-NO: 类别-DD-次序-年月, set when the record is archived. */
  archiveNo: archiveNo.optional(),
});

export type SupervisionRecord = z.output<typeof supervisionSchema>;
