import type { AuditSampleOptions, AuditSampleResult } from '../archive/audit-records.ts';
import type { WorkerScores } from '../archive/audits.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa audit sample --n 5 [--seed S] | swa audit report --half 2026H2 [--json]  [--root DIR] [--today YYYY-MM-DD]',
  summary: '抽查：按可复现的随机样本抽取已存档的小组/社区活动并写出抽查记录；report 按社工汇总半年或全年评分',
  options: { ...rootOption, ...todayOption, n: { type: 'string' }, seed: { type: 'string' }, half: { type: 'string' }, json: { type: 'boolean' } },
};

/** `swa audit sample`: the drawn records, each with an audit record to score (archive/audit-records.ts). */
export async function auditSample(options: AuditSampleOptions): Promise<AuditSampleResult> {
  return (await import('../archive/audit-records.ts')).auditSample(options);
}

/** `swa audit report`: each worker's audit scores over a half year or a year. */
export async function auditSummary(options: { cwd: string; today: string; period: string }): Promise<WorkerScores[]> {
  return (await import('../archive/audit-records.ts')).auditSummary(options);
}
