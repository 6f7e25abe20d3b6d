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
} from './activity-forms.ts';

/** CM-NEEDS: the community survey and needs assessment that precede the plan. */
const needsAssessment = z
  .object({
    /** Date the assessment was completed. */
    date: isoDate.describe('评估日期'),
    /** How the community was surveyed. */
    methods: textList.describe('考察方法'),
    /** Needs found. */
    findings: text.describe('需求分析'),
  })
  .describe('社区考察与需求评估');

/** CM-EMPLOYER-CONSENT: the employer's leadership agreed to the draft plan. */
const employerConsent = z
  .object({
    /** Date of consent. */
    date: isoDate.describe('同意日期'),
    /** The employer unit and the role of who agreed (a title, not a client). */
    by: text.describe('用人单位及同意人职务'),
  })
  .describe('用人单位同意');

/** 活动计划书. CM-PLAN-LEAD, CM-EMERGENCY, G-SAFETY. */
const plan = z
  .object({
    /** Date the plan was sent to the supervisor. */
    date: isoDate.describe('递交日期'),
    /** Objectives. */
    objectives: textList.describe('活动目标'),
    /** 财政预算表. */
    budget: z.array(moneyLine).default([]).describe('财政预算表'),
    /** 程序安排表: one entry per planned activity. */
    schedule: z.array(scheduleEntry).min(1, '至少安排一次活动').describe('程序安排表'),
    /** G-SAFETY. */
    safetyMeasures: safetyMeasures.optional(),
    /** CM-EMERGENCY: 应急方案. */
    emergencyPlan: text.optional().describe('应急方案'),
  })
  .describe('活动计划书');

/** CM-PROCESS: a dated step of publicity or preparation. */
const processStep = z.object({
  /** Date. */
  date: isoDate.describe('日期'),
  /** What was done. */
  summary: text.describe('内容'),
});

/** CM-PROCESS: a change to the plan made during the activities. */
const adjustment = z.object({
  /** Date of the change. */
  date: isoDate.describe('日期'),
  /** What changed. */
  change: text.describe('调整内容'),
  /** Why, from the process evaluation. */
  reason: text.describe('调整原因'),
});

/** CM-RECORD: the record of one activity. */
const activity = z.object({
  /** Activity date. */
  date: isoDate.describe('活动日期'),
  /** Participants. */
  participants: headcount.describe('参与人数'),
  /** Volunteers. */
  volunteers: headcount.default(0).describe('志愿者人数'),
  /** Detailed record of the activity. */
  record: text.optional().describe('活动记录'),
  /** CM-PROCESS: process evaluation. */
  processEvaluation: text.optional().describe('过程评估'),
  /** CM-RECORD: outcome evaluation. */
  outcomeEvaluation: text.optional().describe('结果评估'),
  /** CM-RECORD: participant feedback. */
  feedback: feedbackSchema.optional().describe('参加者意见表'),
});

/** 社区: a community activity or series, one file each. */
export const communitySchema = z.object({
  ...serviceRecordBase,
  /** G-CONFIDENTIAL: emergency disclosures of the client's information (internal only). */
  disclosures,
  needsAssessment: needsAssessment.optional(),
  employerConsent: employerConsent.optional(),
  plan,
  funding: fundingSchema,
  publicity: z.array(processStep).default([]).describe('宣传工作'),
  preparation: z.array(processStep).default([]).describe('前期准备'),
  activities: z.array(activity).default([]).describe('活动记录'),
  adjustments: z.array(adjustment).default([]).describe('方案调整'),
  report: reportSchema.optional().describe('活动报告'),
  financialReport: financialReportSchema.optional(),
});

export type CommunityRecord = z.output<typeof communitySchema>;
