import { gitProcess } from '../git.ts';
import { mainBranch } from '../ledger/git-log.ts';

/** The remote a submission goes to: origin when there is one, else the only one; null without a remote. */
export async function remoteOf(cwd: string): Promise<string | null> {
  const remotes = (await gitProcess(cwd, ['remote']).then((b) => b.toString(), () => '')).split('\n').map((r) => r.trim()).filter(Boolean);
  return remotes.includes('origin') ? 'origin' : (remotes[0] ?? null);
}

/**
 * Pushes refs to the repository's remote, when it has one (the user's click on 提交审批, 批准 or
 * 退回 asked for it): 'local' without a remote, 'unpushed' when the push failed (what was done
 * here stands; the next click or a git push sends it).
 */
export async function pushIfRemote(cwd: string, refspecs: readonly string[]): Promise<'pushed' | 'local' | 'unpushed'> {
  const remote = await remoteOf(cwd);
  if (!remote) return 'local';
  return gitProcess(cwd, ['push', '--quiet', remote, ...refspecs]).then(
    () => 'pushed' as const,
    () => 'unpushed' as const,
  );
}

/** A submission seen only on the remote becomes a local branch, to be reviewed and approved here. */
export async function fetchSubmission(cwd: string, remote: string, branch: string): Promise<void> {
  await gitProcess(cwd, ['branch', '--', branch, `refs/remotes/${remote}/${branch}`]);
}

/**
 * What the remote holds now (the user clicked 从远程仓库更新): its branches fetched, removed ones
 * pruned, and main moved forward to the remote's main when that is a fast-forward (approvals made
 * elsewhere); never a merge of anything else. 'none' without a remote, 'diverged' when main could
 * not move forward, 'failed' when the remote could not be read.
 */
export async function updateFromRemote(cwd: string): Promise<'none' | 'updated' | 'diverged' | 'failed'> {
  const remote = await remoteOf(cwd);
  if (!remote) return 'none';
  const fetched = await gitProcess(cwd, ['fetch', '--quiet', '--prune', remote]).then(() => true, () => false);
  if (!fetched) return 'failed';
  const current = (await gitProcess(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']).then((b) => b.toString().trim(), () => '')) || null;
  const forward = current === mainBranch ? ['merge', '--quiet', '--ff-only', `refs/remotes/${remote}/${mainBranch}`] : ['fetch', '--quiet', '.', `refs/remotes/${remote}/${mainBranch}:refs/heads/${mainBranch}`];
  return gitProcess(cwd, forward).then(() => 'updated' as const, () => 'diverged' as const);
}
