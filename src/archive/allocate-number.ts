import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openRepository, findRecord, type OpenRepository } from '../approvals/open-repository.ts';
import { checkRepository } from '../check/check-repository.ts';
import { submit } from '../approvals/submit.ts';
import { CommandError } from '../errors.ts';
import { gitAt } from '../git.ts';
import { addedLines } from '../ledger/commit.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { parseRecord } from '../records/parse-record.ts';
import { runContentRules } from '../rules/index.ts';
import { validApprovals } from '../rules/history/context.ts';
import { stageLabel } from '../i18n/terms.ts';
import { archivingStage, completingStage } from './completing-stage.ts';
import { archiveNoInLine, archiveRegister, nextArchiveNo, type RegisterEntry } from './numbering.ts';
import { setTopLevelField } from './set-field.ts';

/** Numbers in the work tree, by number → record. */
function currentNumbers(records: readonly ArchiveRecord[]): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const record of records) {
    const value = 'archiveNo' in record.data ? (record.data.archiveNo as string | undefined) : undefined;
    if (value !== undefined && !numbers.has(value)) numbers.set(value, record.id);
  }
  return numbers;
}

/** Numbers allocated on unmerged submit/* branches, by number → record. */
function pendingNumbers(ledger: Ledger): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const pending of ledger.pendingBranches) {
    const record = pending.branch.slice('submit/'.length);
    for (const commit of pending.commits) {
      for (const change of commit.changes) {
        for (const line of addedLines(change)) {
          const value = archiveNoInLine(line);
          if (value) numbers.set(value, record);
        }
      }
    }
  }
  return numbers;
}

export interface ArchiveOptions {
  cwd: string;
  today: string;
  record: string;
  renumber?: boolean;
}

/**
 * `swa archive <record>`: checks the record is complete and approved, assigns the next archive
 * number, writes it into the record and submits it for the archive approval. `--renumber`
 * repairs a number that another record holds or once held.
 */
export async function archiveRecord({ cwd, today, record: id, renumber = false }: ArchiveOptions): Promise<{ archiveNo: string; branch: string }> {
  const repo = await openRepository(cwd, today);
  const record = findRecord(repo, id);
  const stage = completingStage(record);
  if (!stage) throw new CommandError(`${id} 不是服务记录，没有档案编号`);
  const path = join(cwd, record.file);
  // A number allocated on the record's submit branch is repaired there: the branch's version is the one renumbered.
  const onBranch = renumber ? await gitAt(cwd).raw(['show', `refs/heads/submit/${id}:${record.file}`]).catch(() => null) : null;
  const source = onBranch ?? (await readFile(path, 'utf8'));
  const existing = source.split('\n').map(archiveNoInLine).find((value) => value !== undefined);
  const current = currentNumbers(repo.history.records);
  const pending = pendingNumbers(repo.history.ledger);
  if (existing !== undefined && !renumber) throw new CommandError(`${id} 已有档案编号 ${existing}；如与其他记录冲突，请用 --renumber 重新编号`);
  if (renumber) {
    if (existing === undefined) throw new CommandError(`${id} 还没有档案编号，无需重新编号`);
    const holders = [current.get(existing), repo.history.ledger.archiveNumbers.get(existing)?.record].filter((holder) => holder !== undefined && holder !== id);
    if (holders.length === 0) throw new CommandError(`档案编号 ${existing} 没有冲突，无需重新编号`);
  }
  if (validApprovals(repo.history, id, stage).length === 0 && !repo.history.ledger.imported.has(id)) {
    throw new CommandError(`${id} 尚未完成「${stageLabel(stage)}」，只有已完成的服务方可存档`);
  }

  const taken = [...current.keys(), ...repo.history.ledger.archiveNumbers.keys(), ...pending.keys()];
  const nature = repo.history.config.kindNatures[record.kind as 'case'];
  const category = (record.data as { category: string }).category;
  const archiveNo = nextArchiveNo({ category, nature, month: today.slice(0, 7).replace('-', '') }, taken, repo.history.config.sequenceWidth);

  const text = setTopLevelField(source, 'archiveNo', archiveNo, 'worker');
  const errors = archiveErrors(repo, record.file, text);
  if (errors.length > 0) throw new CommandError(`${id} 还不能存档：\n${errors.map((e) => `  ${e}`).join('\n')}`);
  await writeFile(path, text);
  const submitted = await submit({ cwd, today, record: id, stage: archivingStage(record) });
  return { archiveNo, branch: submitted.branch };
}

/** The content rules' errors for the record as it would be archived (C-ARCHIVE-COMPLETE, GR-FORMS…). */
function archiveErrors(repo: OpenRepository, file: string, text: string): string[] {
  const parsed = parseRecord(file, text);
  if (!parsed.record) return parsed.findings.map((f) => `[${f.rule}] ${f.message}`);
  const record = parsed.record;
  const records = repo.history.records.map((r) => (r.id === record.id ? record : r));
  return runContentRules({ ...repo.history, records, byId: new Map(records.map((r) => [r.id, r])) })
    .filter((f) => f.record === record.id && f.severity === 'error')
    .map((f) => `[${f.rule}] ${f.message}`);
}

export interface Register {
  entries: RegisterEntry[];
  /** False without history (no git, no main, no adoption point): only the work tree's numbers are listed. */
  historyRead: boolean;
}

/** `swa archive list`: the register, series by series, with gaps explained; from content alone when history cannot be read. */
export async function archiveList(cwd: string, today: string): Promise<Register> {
  const repo = await checkRepository(cwd, today);
  if (!repo.context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
  const ledger = repo.history?.ledger;
  const everOnMain = new Map([...(ledger?.archiveNumbers ?? [])].map(([no, v]) => [no, { record: v.record, time: v.time }]));
  const entries = archiveRegister(currentNumbers(repo.context.records), everOnMain, ledger ? pendingNumbers(ledger) : new Map(), repo.context.config.sequenceWidth);
  return { entries, historyRead: ledger !== undefined };
}

export function formatRegister(entries: readonly RegisterEntry[]): string {
  if (entries.length === 0) return '还没有档案编号';
  return entries.map((e) => `${e.archiveNo.padEnd(20)} ${e.record ?? '—'}${e.note ? `  ${e.note}` : ''}`).join('\n');
}

