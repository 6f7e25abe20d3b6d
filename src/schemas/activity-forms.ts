import { z } from 'zod';
import { amount, headcount, isoDate, staffId, text, textList } from './common.ts';

/** One line of a budget (财政预算表) or of a financial report's itemised expenses. */
export const moneyLine = z.object({
  /** What the money is for. */
  item: text.describe('项目'),
  /** Amount in yuan. */
  amount: amount.describe('金额（元）'),
});

/** One planned meeting in the programme schedule (程序安排表). */
export const scheduleEntry = z.object({
  /** Planned date. */
  date: isoDate.describe('日期'),
  /** Theme of the meeting. */
  theme: text.describe('主题'),
});

/**
 * 活动经费申请表 and who signs the budget and financial report. GR-FUNDING.
 * source 无: no cost, signer 无; 机构: the org's financeLead signs; 用人单位 / 企业赞助: the
 * employer's designated person or the worker signs and the financial report itemises every expense.
 */
export const fundingSchema = z
  .object({
    /** Where the money comes from. */
    source: z.enum(['无', '机构', '用人单位', '企业赞助'], { message: '应为 无、机构、用人单位 或 企业赞助' }).describe('经费来源'),
    /** Date of the funding application (机构 funding only). */
    applicationDate: isoDate.optional().describe('申请日期'),
    /** Amount applied for, in yuan. */
    requested: amount.optional().describe('申请金额（元）'),
    /** The financeLead's staff id (机构), the employer's designated person or the worker (用人单位 / 企业赞助), or 无. */
    signer: text.describe('财务负责人'),
  })
  .describe('活动经费申请表');

/** 财务报告 with itemised expenses. */
export const financialReportSchema = z
  .object({
    /** Report date. */
    date: isoDate.describe('报告日期'),
    /** Who signs it (see funding). */
    signer: text.describe('签字人'),
    /** Every expense. */
    expenses: z.array(moneyLine).default([]).describe('开支明细'),
  })
  .describe('财务报告');

/** 参加者意见表, summarised: the forms themselves are in the archive bag. */
export const feedbackSchema = z.object({
  /** Date the forms were collected. */
  date: isoDate.describe('收集日期'),
  /** Participants who filled one in. */
  participants: headcount.describe('参加者份数'),
  /** Volunteers who filled one in. */
  volunteers: headcount.default(0).describe('志愿者份数'),
  /** Summary of what they said. */
  summary: text.describe('意见摘要'),
});

/** 小组 / 活动报告. GR-REPORT-3D. */
export const reportSchema = z
  .object({
    /** Report date. */
    date: isoDate.describe('报告日期'),
    /** Outcomes against the objectives. */
    summary: text.describe('总结'),
  })
  .describe('报告');

/** G-SAFETY: the plan's safety measures (crowding, stampede). Optional in the schema so the rule can name it. */
export const safetyMeasures = textList.describe('安全措施');

/** A staff sign-off inside a form, e.g. the supervisor's comment on a group. */
export const staffComment = z.object({
  /** Date of the comment. */
  date: isoDate.describe('日期'),
  /** Staff id of who wrote it. */
  by: staffId.describe('填写人'),
  /** The comment. */
  comment: text.describe('意见'),
});
