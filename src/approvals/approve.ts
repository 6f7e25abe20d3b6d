import { CommandError } from '../errors.ts';
import { authorshipOf } from '../ledger/authorship.ts';
import { mainBranch } from '../ledger/git-log.ts';
import type { Approval } from '../ledger/ledger.ts';
import { stageDefinitions } from '../ledger/stages.ts';
import { formatTrailers } from '../ledger/trailers.ts';
import { checkRepository } from '../check/check-repository.ts';
import { keyedGate } from '../privacy/keyed-gate.ts';
import { blocksApproval } from '../rules/finding.ts';
import { shortSha } from '../rules/history/context.ts';
import { prospectiveViolations } from '../rules/history/integrity.ts';
import { readBranchRecords } from './branch-records.ts';
import { branchSubmission, scopeRefusal, type BranchSubmission } from './branch-submission.ts';
import { actingIdentity, gitAt } from './git-ops.ts';
import { approvedActor, openRepository, type OpenRepository } from './open-repository.ts';

export interface ApproveOptions {
  cwd: string;
  today: string;
  branch: string;
  stage?: string;
  /** The head the approver reviewed; refused when the branch has moved since. */
  head?: string;
  sign?: boolean;
  /** The approver's age identity: with it, the record's own client values are looked for outside the block. */
  identityFile?: string;
}

export type ApproveResult = { approved: true; sha: string; record: string; stage: string; warnings: string[] } | { approved: false; reasons: string[] };

/**
 * `swa approve`: merges a submit/* branch with --no-ff and the approval trailers, or refuses with
 * the reasons: the approver's role, a self-approval, a branch that moved after review, or any
 * error `swa check` finds in the record as merged.
 */
export async function approve(options: ApproveOptions): Promise<ApproveResult> {
  const { cwd, today, branch } = options;
  const git = gitAt(cwd);
  const current = (await git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim();
  if (current !== mainBranch) throw new CommandError(`请在 ${mainBranch} 分支上审批（当前：${current || '游离 HEAD'}）`);
  if ((await git.status(['--', 'content'])).files.length > 0) throw new CommandError('content/ 有未提交的改动；请先提交或撤销，再审批');

  const repo = await openRepository(cwd, today);
  const submission = branchSubmission(repo, branch, options.stage);
  // The full id: a commit made to match a few leading digits would pass for the one reviewed.
  if (options.head !== undefined && !/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(options.head)) throw new CommandError(`--head 应为审阅时分支头的完整提交哈希（git rev-parse 所给的 40 位），收到 ${options.head}`);
  if (options.head !== undefined && submission.tip !== options.head) {
    return refuse([`[A-STALE-HEAD] 分支 ${submission.branch} 在审阅后有了新提交（审阅的是 ${shortSha(options.head)}，现在是 ${shortSha(submission.tip)}）；请重新审阅`]);
  }
  const scope = scopeRefusal(submission.branch, submission.record, submission.stage, submission.files);
  if (scope) return refuse([scope]);
  const identity = { author: await actingIdentity(git), committer: await actingIdentity(git, 'committer') };
  const { roster, by: approver } = approvedActor(repo, identity.author, '不能审批');

  // The signature is made by this very merge when --sign is given (by a key the roster lists for
  // the approver, which A-SIGNATURE then checks in history); without a listed key, signing cannot help.
  const keyed = (roster.people.find((p) => p.id === approver)?.signingKeys.length ?? 0) > 0;
  // Who may approve depends on the record's post, read as the merge would bring it (a new record is only on its branch).
  const [asMerged] = await readBranchRecords(cwd, repo.history, [submission.record]);
  const violations = prospectiveViolations(repo.history, prospective(repo, submission, approver, identity, today), asMerged).filter(
    (v) => !(options.sign && keyed && v.rule === 'A-SIGNATURE'),
  );
  if (violations.length > 0) return refuse(violations.map((v) => `[${v.rule}] ${v.message}`));

  try {
    await git.raw(['merge', '--no-ff', '--no-commit', submission.branch]);
  } catch (error) {
    await git.raw(['merge', '--abort']).catch(() => undefined);
    throw new CommandError(`无法合并 ${submission.branch}：${(error as Error).message.split('\n')[0]}；请让提交人基于最新的 main 重新提交`);
  }
  const merged = await checkRepository(cwd, today);
  const errors = merged.findings.filter((f) => f.record === submission.record && blocksApproval(f));
  const privacy = await keyedGate(merged, submission.record, options.identityFile);
  if (errors.length > 0 || privacy.refusals.length > 0) {
    await git.raw(['merge', '--abort']);
    return refuse([...errors.map((f) => `[${f.rule}] ${f.file}:${f.line} ${f.message}`), ...privacy.refusals]);
  }
  const role = stageDefinitions[submission.stage].role;
  const message = `Approve ${submission.record}: ${submission.stage}\n\n${formatTrailers([
    ['Record', submission.record],
    ['Stage', submission.stage],
    ['Approved-by', approver],
    ['Role', role],
    ['Approved-head', submission.tip],
  ])}\n`;
  await git.raw(['commit', '--no-verify', ...(options.sign ? ['-S'] : []), '-m', message]);
  const sha = (await git.revparse(['HEAD'])).trim();
  await git.raw(['branch', '-d', submission.branch]);
  return { approved: true, sha, record: submission.record, stage: submission.stage, warnings: privacy.warnings };
}

type Person = { name: string; email: string };

function prospective(repo: OpenRepository, submission: BranchSubmission, approver: string, identity: { author: Person; committer: Person }, today: string): Approval {
  return {
    sha: 'prospective',
    record: submission.record,
    stage: submission.stage,
    stageText: submission.stage,
    claimedApprover: approver,
    claimedRole: stageDefinitions[submission.stage].role,
    approvedHead: submission.tip,
    mergedHead: submission.tip,
    // The merge swa approve makes adds nothing of its own to the record.
    keepsHeadTree: true,
    time: `${today}T12:00:00Z`,
    branchAuthorship: submission.commits.map((commit) => authorshipOf(commit)),
    files: submission.files,
    author: { ...identity.author, date: `${today}T12:00:00Z` },
    committer: { ...identity.committer, date: `${today}T12:00:00Z` },
  };
}

const refuse = (reasons: string[]): ApproveResult => ({ approved: false, reasons });
