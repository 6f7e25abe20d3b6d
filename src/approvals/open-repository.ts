import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkRecord } from '../check/check-record.ts';
import { checkRepository, type RepositoryCheck } from '../check/check-repository.ts';
import { fileOfRecord } from '../records/record-path.ts';
import { CommandError } from '../errors.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { staffIdOf } from '../ledger/identity.ts';
import type { HistoryContext } from '../rules/history/context.ts';
import type { Roster } from '../schemas/staff.ts';

export interface OpenRepository extends RepositoryCheck {
  history: HistoryContext;
}

/**
 * Reads content and history for a command that needs both, or says plainly why it cannot. A
 * command about one record in the work tree reads that record alone (see checkRecord); one
 * whose file is not there (only on a branch, or removed) reads the whole archive, as without it.
 * `stateOnly`: for a command that reports no findings (see checkRepository).
 */
export async function openRepository(cwd: string, today: string, record?: string, { stateOnly = false } = {}): Promise<OpenRepository> {
  const file = record === undefined ? null : fileOfRecord(record);
  const alone = file !== null && existsSync(join(cwd, file));
  const repo = alone ? await checkRecord(cwd, record as string, today) : await checkRepository(cwd, today, { stateOnly });
  if (!repo.context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
  if (!repo.history) {
    const reason = repo.findings.find((f) => f.message.startsWith('未检查审批历史'))?.message ?? '无法读取审批历史';
    throw new CommandError(reason);
  }
  return repo as OpenRepository;
}

export function findRecord(repo: OpenRepository, id: string): ArchiveRecord {
  const record = repo.history.byId.get(id);
  if (record) return record;
  const unparsed = repo.history.unparsed.has(id);
  throw new CommandError(unparsed ? `记录 ${id} 有错误，无法读取；请先运行 swa check 并修正` : `没有记录 ${id}（编号形如 cases/2026-0042）`);
}

/**
 * The acting person as the roster last approved on main names them: the authority swa approve and
 * swa reject act on, never the work tree's staff.yaml. `refusal` ends the error (不能审批, 不能退回).
 */
export function approvedActor(repo: OpenRepository, identity: { name: string; email: string }, refusal: string): { roster: Roster; by: string } {
  const roster = repo.history.approvedRoster;
  const by = roster && staffIdOf(roster, identity);
  if (!roster || !by) throw new CommandError(`你的 git 邮箱 ${identity.email} 不在 main 上已批准的名册 staff.yaml 中，${refusal}`);
  return { roster, by };
}
