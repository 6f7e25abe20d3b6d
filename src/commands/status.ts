import type { RecordStatus } from '../approvals/status.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa status [RECORD] [--json] [--root DIR] [--today YYYY-MM-DD]',
  summary: '每份记录已批准的环节、等待谁审批、下一步做什么（含未合并的 submit/* 分支）',
  options: { ...rootOption, ...todayOption, json: { type: 'boolean' } },
};

/** `swa status`: where one record (or every record, and every new one on a submit/* branch) stands. */
export async function status({ cwd, today, record }: { cwd: string; today: string; record?: string }): Promise<RecordStatus[]> {
  const { openRepository, findRecord } = await import('../approvals/open-repository.ts');
  const { statusOf, branchOnlyRecords, branchOnlyStatus } = await import('../approvals/status.ts');
  const { readBranchRecords } = await import('../approvals/branch-records.ts');
  const repo = await openRepository(cwd, today, record, { stateOnly: true });
  const onBranches = branchOnlyRecords(repo.history).filter((id) => record === undefined || id === record);
  const branchRecords = new Map((await readBranchRecords(cwd, repo.history, onBranches)).map((r) => [r.id, r]));
  const newRecords = onBranches.map((id) => branchOnlyStatus(repo.history, id, branchRecords.get(id)));
  if (record !== undefined) return newRecords.length > 0 ? newRecords : [statusOf(repo.history, findRecord(repo, record))];
  return [...repo.history.records.filter((r) => r.kind !== 'audit' && r.kind !== 'handover').map((r) => statusOf(repo.history, r)), ...newRecords];
}
