import type { Obligation } from '../archive/due.ts';
import { CommandError } from '../errors.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa due [--worker ID] [--json] [--root DIR] [--today YYYY-MM-DD]',
  summary: '待办清单：每项义务的期限和须办理的人，逾期的排在前面（工作日跳过节假日、计入调休）',
  options: { ...rootOption, ...todayOption, worker: { type: 'string' }, json: { type: 'boolean' } },
};

export interface DueResult {
  obligations: Obligation[];
  /** Staff names by id, for everyone the obligations name. */
  names: Map<string, string>;
  /** False without history: approvals, referral replies, hotline reviews and archiving deadlines are not listed. */
  historyRead: boolean;
}

/** `swa due`: every open duty with its deadline and who must act, overdue first; `worker` keeps that person's. */
export async function due({ cwd, today, worker }: { cwd: string; today: string; worker?: string }): Promise<DueResult> {
  const { checkRepository } = await import('../check/check-repository.ts');
  const { dueList } = await import('../archive/due.ts');
  const { readBranchRecords } = await import('../approvals/branch-records.ts');
  const repo = await checkRepository(cwd, today, { stateOnly: true });
  if (!repo.context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
  const branchRecords = repo.history ? await readBranchRecords(cwd, repo.history) : [];
  const obligations = dueList(repo.context, repo.history, branchRecords).filter((o) => worker === undefined || o.who.includes(worker));
  return { obligations, names: new Map(repo.context.roster.people.map((p) => [p.id, p.name])), historyRead: repo.history !== null };
}
