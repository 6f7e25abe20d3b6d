import { z } from 'zod';
import { headcount, isoDate, serviceRecordBase, text, textList } from './common.ts';
import { disclosures } from './disclosure.ts';
import {
  feedbackSchema,
  financialReportSchema,
  fundingSchema,
  moneyLine,
  reportSchema,
  safetyMeasures,
  scheduleEntry,
  staffComment,
} from './activity-forms.ts';

/** 小组计划书, with its 财政预算表 and 程序安排表. GR-PLAN-LEAD. */
const plan = z
  .object({
    /** Date the plan was written and sent to the supervisor. */
    date: isoDate.describe('递交日期'),
    /** Group objectives. */
    objectives: textList.describe('小组目标'),
    /** Who the group is for, without naming anyone. */
    targetGroup: text.describe('服务对象'),
    /** 财政预算表. */
    budget: z.array(moneyLine).default([]).describe('财政预算表'),
    /** 程序安排表: one entry per planned session. */
    schedule: z.array(scheduleEntry).min(1, '至少安排一节').describe('程序安排表'),
    /** G-SAFETY. */
    safetyMeasures: safetyMeasures.optional(),
  })
  .describe('小组计划书');

/** GR-RECRUIT: publicity before the group starts. */
const recruitment = z
  .object({
    /** Date recruitment started. */
    date: isoDate.describe('宣传日期'),
    /** Channels used. */
    channels: textList.describe('宣传渠道'),
  })
  .describe('招募宣传');

/** 报名表, summarised: names stay on the paper forms in the archive bag. */
const registration = z
  .object({
    /** Date registration closed. */
    closedOn: isoDate.describe('截止日期'),
    /** Number registered. */
    registered: headcount.describe('报名人数'),
  })
  .describe('报名表');

/** 小组集会记录表, with the session's 点名表 count. GR-SESSION. */
const session = z.object({
  /** Session date. */
  date: isoDate.describe('日期'),
  /** 点名表: participants present. */
  attendance: headcount.describe('出席人数'),
  /** Volunteers present. */
  volunteers: headcount.default(0).describe('志愿者人数'),
  /** What happened and how the group worked. */
  summary: text.describe('集会记录'),
});

/** 小组: a group, one file per group. */
export const groupSchema = z.object({
  ...serviceRecordBase,
  /** G-CONFIDENTIAL: emergency disclosures of the client's information (internal only). */
  disclosures,
  plan,
  funding: fundingSchema,
  recruitment: recruitment.optional(),
  registration: registration.optional(),
  sessions: z.array(session).default([]).describe('小组集会记录表'),
  feedback: z.array(feedbackSchema).default([]).describe('参加者意见表'),
  /** GR-SESSION: the supervisor's comment after the last session. */
  supervisorComment: staffComment.optional().describe('督导点评'),
  report: reportSchema.optional().describe('小组报告'),
  financialReport: financialReportSchema.optional(),
});

export type GroupRecord = z.output<typeof groupSchema>;
