import { CommandError } from '../cli/errors.ts';
import type { Commit } from '../ledger/commit.ts';
import { submitPrefix } from '../ledger/git-log.ts';
import { isStage, stageDefinitions, type Stage } from '../ledger/stages.ts';
import type { OpenRepository } from './open-repository.ts';

export interface BranchSubmission {
  branch: string;
  tip: string;
  record: string;
  stage: Stage;
  commits: Commit[];
  files: string[];
}

/** What an unmerged submit/* branch asks for: its record and stage, from its newest submission. */
export function branchSubmission(repo: OpenRepository, branch: string, stageOverride?: string): BranchSubmission {
  const name = branch.replace(/^refs\/heads\//, '');
  const pending = repo.history.ledger.pendingBranches.find((p) => p.branch === name);
  if (!pending) throw new CommandError(`没有待审批的分支 ${name}（待审批分支形如 ${submitPrefix}cases/2026-0042）`);
  const record = pending.submission?.record ?? name.slice(submitPrefix.length);
  const stageText = stageOverride ?? pending.submission?.stage ?? undefined;
  if (!stageText || !isStage(stageText)) {
    throw new CommandError(`无法确定分支 ${name} 申请的审批环节（${stageText ?? '未写明'}）；请用 --stage 指定：${Object.keys(stageDefinitions).join('、')}`);
  }
  const files = [...new Set(pending.commits.flatMap((c) => c.changes.map((change) => change.path)))];
  return { branch: name, tip: pending.tip, record, stage: stageText, commits: pending.commits, files };
}
