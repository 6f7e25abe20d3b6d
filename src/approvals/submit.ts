import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError } from '../errors.ts';
import { staffIdOf } from '../ledger/identity.ts';
import { mainBranch, submitPrefix } from '../ledger/git-log.ts';
import { isStage, stageDefinitions, type Stage } from '../ledger/stages.ts';
import { formatTrailers } from '../ledger/trailers.ts';
import { locationFromPath } from '../records/record-path.ts';
import { keyedGate } from '../privacy/keyed-gate.ts';
import { blocksApproval } from '../rules/finding.ts';
import { validApprovals } from '../rules/history/context.ts';
import { scopeRefusal } from './branch-submission.ts';
import { actingIdentity, commitFilesOn, gitAt, moveBranch, revParse } from './git-ops.ts';
import { nextStage } from './next-stage.ts';
import { findRecord, openRepository } from './open-repository.ts';

export interface SubmitOptions {
  cwd: string;
  today: string;
  /** Record id or path; when absent, the one record changed in the work tree. */
  record?: string;
  stage?: string;
  /** The worker's age identity: with it, the record's own client values are looked for outside the block. */
  identityFile?: string;
}

export interface SubmitResult {
  record: string;
  stage: Stage;
  branch: string;
  sha: string;
  /** The record's file: the work tree now holds main's version of it, or, for a new record, nothing. */
  file: string;
  /** Whether the record is on main (else it exists only on its branch). */
  onMain: boolean;
  /** What could not be checked (no key given). */
  warnings: string[];
}

/**
 * `swa submit`: commits the record on `submit/<id>` with Record/Stage/Submitted-by trailers and
 * takes the change out of the work tree (it now lives on the branch, waiting for approval).
 */
export async function submit({ cwd, today, record: requested, stage: requestedStage, identityFile }: SubmitOptions): Promise<SubmitResult> {
  const git = gitAt(cwd);
  const repo = await openRepository(cwd, today);
  const identity = await actingIdentity(git);
  const by = staffIdOf(repo.history.roster, identity);
  if (!by) throw new CommandError(`你的 git 邮箱 ${identity.email} 不在名册 staff.yaml 中，无法提交审批`);

  const id = requested ? (locationFromPath(requested)?.id ?? requested) : await changedRecord(cwd);
  const record = findRecord(repo, id);
  const errors = repo.findings.filter((f) => f.record === id && blocksApproval(f));
  if (errors.length > 0) {
    throw new CommandError(`${id} 还有错误，修正后再提交：\n${errors.map((f) => `  ${f.file}:${f.line} [${f.rule}] ${f.message}`).join('\n')}`);
  }
  const keyed = await keyedGate(repo, id, identityFile);
  if (keyed.refusals.length > 0) throw new CommandError(`${id} 还有错误，修正后再提交：\n${keyed.refusals.map((r) => `  ${r}`).join('\n')}`);
  if (requestedStage !== undefined && !isStage(requestedStage)) {
    throw new CommandError(`未知的审批环节 ${requestedStage}；可用：${Object.keys(stageDefinitions).join('、')}`);
  }
  const approved = new Set((Object.keys(stageDefinitions) as Stage[]).filter((s) => validApprovals(repo.history, id, s).length > 0));
  const stage = (requestedStage as Stage | undefined) ?? nextStage(record, approved);

  const branch = `${submitPrefix}${id}`;
  const pending = repo.history.ledger.pendingBranches.find((p) => p.branch === branch);
  const scope = pending && scopeRefusal(branch, id, stage, pending.commits.flatMap((c) => c.changes.map((change) => change.path)));
  if (scope) throw new CommandError(scope);
  const existing = await revParse(git, `refs/heads/${branch}`);
  const parent = existing ?? repo.history.ledger.mainTip;
  const message = `Submit ${id} for ${stage}\n\n${formatTrailers([['Record', id], ['Stage', stage], ['Submitted-by', by]])}\n`;
  const sha = await commitFilesOn(cwd, parent, [record.file], message);
  await moveBranch(git, branch, sha, existing);
  const onMain = await restoreFromMain(cwd, record.file);
  return { record: id, stage, branch, sha, file: record.file, onMain, warnings: keyed.warnings };
}

async function changedRecord(cwd: string): Promise<string> {
  const status = await gitAt(cwd).status(['--', 'content']);
  const ids = [...new Set(status.files.map((f) => locationFromPath(f.path)?.id).filter((id): id is string => id !== undefined))];
  if (ids.length === 1) return ids[0] as string;
  throw new CommandError(ids.length === 0 ? '工作区没有改动过的记录；请写明要提交的记录编号' : `工作区有多份记录改动（${ids.join('、')}）；请写明要提交哪一份`);
}

/** The submitted change now lives on its branch: the work tree goes back to main's version (none, for a new record). */
async function restoreFromMain(cwd: string, file: string): Promise<boolean> {
  const git = gitAt(cwd);
  const onMain = (await git.raw(['ls-tree', '--name-only', mainBranch, '--', file])).trim() !== '';
  if (onMain) await git.raw(['checkout', mainBranch, '--', file]);
  else await rm(join(cwd, file), { force: true });
  return onMain;
}
