import { CommandError } from '../errors.ts';
import { roleLabel } from '../i18n/terms.ts';
import { stageDefinitions } from '../ledger/stages.ts';
import { formatTrailers } from '../ledger/trailers.ts';
import { postOf } from '../records/archive-record.ts';
import { mayAct } from '../rules/roster.ts';
import { readBranchRecords } from './branch-records.ts';
import { branchSubmission } from './branch-submission.ts';
import { actingIdentity, emptyCommitOn, gitAt, moveBranch } from './git-ops.ts';
import { approvedActor, openRepository } from './open-repository.ts';

export interface RejectOptions {
  cwd: string;
  today: string;
  branch: string;
  reason: string;
}

export interface RejectResult {
  sha: string;
  record: string;
  stage: string;
}

/**
 * `swa reject`: leaves the reason on the branch as an empty commit with Rejected-by trailers, so
 * it stays in history and shows on the record's timeline; the worker fixes and submits again.
 */
export async function reject({ cwd, today, branch, reason }: RejectOptions): Promise<RejectResult> {
  if (reason.trim() === '') throw new CommandError('请用 --reason 写明退回理由');
  const git = gitAt(cwd);
  const repo = await openRepository(cwd, today);
  const submission = branchSubmission(repo, branch);
  const identity = await actingIdentity(git);
  const { roster, by } = approvedActor(repo, identity, '不能退回');
  const role = stageDefinitions[submission.stage].role;
  const [onBranch] = await readBranchRecords(cwd, repo.history, [submission.record]);
  const post = postOf(onBranch ?? repo.history.byId.get(submission.record));
  if (!mayAct(roster, by, role, post, today)) throw new CommandError(`${by} 不担任「${stageDefinitions[submission.stage].label}」所需的角色「${roleLabel(role)}」，不能退回`);

  const message = `Reject ${submission.record}: ${submission.stage}\n\n${reason.trim()}\n\n${formatTrailers([
    ['Record', submission.record],
    ['Stage', submission.stage],
    ['Rejected-by', by],
  ])}\n`;
  const sha = await emptyCommitOn(cwd, submission.tip, message);
  await moveBranch(git, submission.branch, sha, submission.tip);
  return { sha, record: submission.record, stage: submission.stage };
}
