import type { StatsOptions, StatsResult } from '../stats/stats-report.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa stats [--quarter 2026Q4 | --year 2026] [--project P] [--json | --xlsx FILE] [--root DIR] [--today YYYY-MM-DD]',
  summary: '服务统计与项目指标：按岗位、服务类别、月份统计个案、小组、社区活动、咨询与热线、督导，并与合同指标对照；可输出 Excel',
  options: { ...rootOption, ...todayOption, quarter: { type: 'string' }, year: { type: 'string' }, project: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' } },
};

/** `swa stats`: the figures and tables of a period, and the workbook when asked (stats/stats-report.ts). */
export async function stats(options: StatsOptions): Promise<StatsResult> {
  return (await import('../stats/stats-report.ts')).statsReport(options);
}
