import { indexBySha, isZeroId, namesOnly, type Commit, type FileChange } from './commit.ts';
import { interning } from './parse-log.ts';

/**
 * How the merges' own changes are read: every merge against its first parent, by name, status
 * and object ids only (`--raw --no-abbrev`), in a `git log --merges` of its own that runs beside the main log. Which files a merge
 * changed is what the ledger needs of it (what an approval covers, what reached main unapproved);
 * the lines come from the commits that wrote them, which the main log reads with their patches.
 * Without patches this is a third of the cost of diffing every merge.
 */
export const mergeFormat = '%x1e%H%x1f';

/** Parses `git log --merges --diff-merges=first-parent --raw --no-abbrev --relative=content --format=<mergeFormat>`, by merge. Pure. */
export function parseMergeChanges(raw: Buffer | string, contentDir = 'content'): Map<string, FileChange[]> {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  const changes = new Map<string, FileChange[]>();
  const once = interning();
  for (const entry of text.split('\x1e')) {
    const separator = entry.indexOf('\x1f');
    if (separator <= 0) continue;
    const files: FileChange[] = [];
    for (const line of entry.slice(separator + 1).split('\n')) {
      // `:<mode> <mode> <old id> <new id> <status>\t<path>`
      const tab = line.indexOf('\t');
      if (tab < 1 || line[0] !== ':') continue;
      const [, , , after, letter] = line.slice(0, tab).split(' ');
      if (after === undefined || letter === undefined) continue;
      const status = letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified';
      files.push({ path: once(`${contentDir}/${line.slice(tab + 1)}`), status, hunks: namesOnly, blob: isZeroId(after) ? null : after });
    }
    changes.set(entry.slice(0, separator), files);
  }
  return changes;
}

/**
 * Gives every merge its changes against its first parent: for a merge of a one-commit branch cut
 * from the first parent that kept the branch's tree (what `swa approve` makes), its branch
 * commit's, lines and all; for any other merge, the files it changed (without lines). In place:
 * the commits are fresh from their parse, and a copy of every merge was a tenth of the ledger's garbage.
 */
export function withMergeChanges(commits: Commit[], mergeChanges: ReadonlyMap<string, FileChange[]>, bySha: ReadonlyMap<string, Commit> = indexBySha(commits)): Commit[] {
  for (const commit of commits) {
    if (commit.parents.length < 2) continue;
    const branchCommit = branchCommitOf(commit, bySha);
    commit.changes = branchCommit ? branchCommit.changes : (mergeChanges.get(commit.sha) ?? []);
  }
  return commits;
}

function branchCommitOf(merge: Commit, bySha: ReadonlyMap<string, Commit>): Commit | null {
  if (merge.parents.length !== 2) return null;
  const [first, second] = merge.parents as [string, string];
  const branch = bySha.get(second);
  return branch && branch.parents.length === 1 && branch.parents[0] === first && branch.tree === merge.tree ? branch : null;
}
