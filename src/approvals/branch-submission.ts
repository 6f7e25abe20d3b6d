import { CommandError } from '../errors.ts';
import { carriedFiles } from '../ledger/approval-scope.ts';
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

/**
 * What an unmerged submit/* branch asks for: the record it is named after (as `swa status` lists
 * it, whatever a hand-made commit's Record trailer says), and the stage of its newest submission.
 */
export function branchSubmission(repo: OpenRepository, branch: string, stageOverride?: string): BranchSubmission {
  const name = branch.replace(/^refs\/heads\//, '');
  const pending = repo.history.ledger.pendingBranches.find((p) => p.branch === name);
  if (!pending) throw new CommandError(`没有待审批的分支 ${name}（待审批分支形如 ${submitPrefix}cases/2026-0042）`);
  const record = name.slice(submitPrefix.length);
  const stageText = stageOverride ?? pending.submission?.stage ?? undefined;
  if (!stageText || !isStage(stageText)) {
    throw new CommandError(`无法确定分支 ${name} 申请的审批环节（${stageText ?? '未写明'}）；请用 --stage 指定：${Object.entries(stageDefinitions).map(([key, d]) => `${key}（${d.label}）`).join('、')}`);
  }
  const files = [...new Set(pending.commits.flatMap((c) => c.changes.map((change) => change.path)))];
  return { branch: name, tip: pending.tip, record, stage: stageText, commits: pending.commits, files };
}

/**
 * A-UNAPPROVED-CHANGE, before it happens: the records and configuration files a branch changes
 * beyond the one record (or, for `roster`, the configuration) it asks to have approved. Null when there are none.
 */
export function scopeRefusal(branch: string, record: string, stage: string, files: readonly string[]): string | null {
  const extra = carriedFiles({ record, stage, files });
  if (extra.length === 0) return null;
  const what = stage === 'roster' ? '名册与配置' : record;
  return `[A-UNAPPROVED-CHANGE] 分支 ${branch} 除了 ${what} 还改动了 ${extra.join('、')}；一次审批只批准它写明的那一份，请把这些改动分开提交`;
}
