import { z } from 'zod';
import { isoDate, postId, text } from './common.ts';

/**
 * The indicators a funder asks for each quarter (服务统计与项目指标), each counted from the
 * records: never typed in as a number of its own.
 */
export const indicatorLabels = {
  casesOpened: '新开个案（个）',
  casesClosed: '结案个案（个）',
  caseSessions: '个案服务（次）',
  groups: '开展小组（个）',
  groupSessions: '小组活动（节）',
  groupAttendance: '小组出席（人次）',
  communityActivities: '社区活动（场）',
  communityParticipants: '社区活动参与（人次）',
  consultations: '咨询/访谈（次）',
  hotlineCalls: '热线咨询（次）',
  supervisionSessions: '督导（次）',
  supervisionHours: '督导时数（小时）',
} as const;

export type Indicator = keyof typeof indicatorLabels;
export const indicators = Object.keys(indicatorLabels) as Indicator[];

const target = z.number({ invalid_type_error: '应为数字' }).nonnegative('指标不能为负');

/** One year's contract targets (合同指标): indicator → number; an indicator left out has no target. */
const yearTargets = z
  .object(Object.fromEntries(indicators.map((key) => [key, target.optional().describe(indicatorLabels[key])])) as Record<Indicator, z.ZodOptional<typeof target>>)
  .strict();

/** A government-commissioned project (政府购买服务项目): the posts it funds, its period and its yearly targets. */
export const projectSchema = z.object({
  /** Project code, e.g. DH-2026; records may name it in `project`. */
  id: z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/, '项目编号应为大写字母、数字与连字符，例如 DH-2026').describe('项目编号'),
  /** The project's name in the contract. */
  name: text.describe('项目名称'),
  /** The contract period. */
  period: z.object({ from: isoDate.describe('开始日期'), to: isoDate.describe('结束日期') }).describe('项目周期'),
  /** Posts whose records belong to the project unless a record names another. */
  posts: z.array(postId).default([]).describe('岗位'),
  /** 合同指标 by year, e.g. { "2026": { casesOpened: 20 } }. */
  targets: z.record(z.string().regex(/^\d{4}$/, '应为年份，例如 2026'), yearTargets).default({}).describe('合同指标'),
});

export type Project = z.output<typeof projectSchema>;
