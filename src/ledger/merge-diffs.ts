import { indexBySha, type Commit } from './commit.ts';
import { parseDiffs } from './parse-log.ts';

/**
 * The merges whose diff against the first parent is not already in the log. git log runs with
 * merges undiffed: for a merge of a one-commit branch cut from the first parent that kept the
 * branch's tree (what `swa approve` makes), that diff IS the branch commit's patch, which the log
 * holds once already. Every other merge is diffed by one `git diff-tree --stdin` afterwards.
 */
export function mergesToDiff(commits: readonly Commit[], bySha: ReadonlyMap<string, Commit> = indexBySha(commits)): Commit[] {
  return commits.filter((commit) => commit.parents.length > 1 && branchCommitOf(commit, bySha) === null);
}

/** The `git diff-tree --stdin` input that diffs each merge against its first parent. */
export const mergeDiffInput = (merges: readonly Commit[]): string => merges.map((m) => `${m.sha} ${m.parents[0]}\n`).join('');

/** Gives every merge its changes: the branch commit's, or those diff-tree reported. Pure. */
export function withMergeChanges(commits: readonly Commit[], diffed: Buffer | string, bySha: ReadonlyMap<string, Commit> = indexBySha(commits)): Commit[] {
  const diffs = parseDiffs(diffed);
  return commits.map((commit) => {
    if (commit.parents.length < 2) return commit;
    const branchCommit = branchCommitOf(commit, bySha);
    return { ...commit, changes: branchCommit ? branchCommit.changes : (diffs.get(commit.sha) ?? []) };
  });
}

function branchCommitOf(merge: Commit, bySha: ReadonlyMap<string, Commit>): Commit | null {
  if (merge.parents.length !== 2) return null;
  const [first, second] = merge.parents as [string, string];
  const branch = bySha.get(second);
  return branch && branch.parents.length === 1 && branch.parents[0] === first && branch.tree === merge.tree ? branch : null;
}
