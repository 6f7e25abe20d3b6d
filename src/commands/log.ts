import type { TimelineEntry } from '../approvals/timeline.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa log <RECORD> [--json] [--root DIR] [--today YYYY-MM-DD]',
  summary: '一份记录的审批时间线（来自 git 历史）',
  options: { ...rootOption, ...todayOption, json: { type: 'boolean' } },
};

/** `swa log`: a record's approval timeline, oldest first. */
export async function log({ cwd, today, record }: { cwd: string; today: string; record: string }): Promise<TimelineEntry[]> {
  const { openRepository } = await import('../approvals/open-repository.ts');
  const { timelineOf } = await import('../approvals/timeline.ts');
  const repo = await openRepository(cwd, today, record);
  return timelineOf(repo.history, record, repo.findings);
}
