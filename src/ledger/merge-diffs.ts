import { indexBySha, isZeroId, namesOnly, type Commit, type FileChange } from './commit.ts';
import { exactly, interning } from './parse-log.ts';

/**
 * How the merges' own changes are read: every merge against its first parent, by name, status
 * and object ids only (`--raw --no-abbrev`), in a `git log --merges` of its own that runs beside the main log. Which files a merge
 * changed is what the ledger needs of it (what an approval covers, what reached main unapproved);
 * the lines come from the commits that wrote them, which the main log reads with their patches.
 * Without patches this is a third of the cost of diffing every merge.
 */
export const mergeFormat = '%x1e%H%x1f';

const entryStart = 0x1e;
const shaEnd = 0x1f;
const newline = 0x0a;
const tab = 0x09;
const space = 0x20;

/**
 * Parses `git log --merges --diff-merges=first-parent --raw --no-abbrev --relative=content --format=<mergeFormat>`,
 * by merge. Pure. Read from the bytes, each id and path decoded on its own (a slice of the decoded
 * output would keep all of it alive as long as any merge's change).
 */
export function parseMergeChanges(raw: Buffer | string, contentDir = 'content'): Map<string, FileChange[]> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
  const changes = new Map<string, FileChange[]>();
  const once = interning();
  for (let start = bytes.indexOf(entryStart); start >= 0; ) {
    const next = bytes.indexOf(entryStart, start + 1);
    const end = next < 0 ? bytes.length : next;
    const separator = bytes.indexOf(shaEnd, start);
    if (separator > start + 1 && separator < end) {
      const files: FileChange[] = [];
      // `:<mode> <mode> <old id> <new id> <status>\t<path>`, one line a file.
      for (let line = bytes.indexOf(newline, separator); line >= 0 && line < end; ) {
        const lineEnd = Math.min(end, endOfLine(bytes, line + 1));
        const change = rawChange(bytes, line + 1, lineEnd, contentDir, once);
        if (change) files.push(change);
        line = lineEnd < end ? lineEnd : -1;
      }
      changes.set(bytes.toString('latin1', start + 1, separator), exactly(files));
    }
    start = next;
  }
  return changes;
}

function endOfLine(bytes: Buffer, from: number): number {
  const found = bytes.indexOf(newline, from);
  return found < 0 ? bytes.length : found;
}

/** One `--raw` line in bytes [from, end), or null when the line is not one. */
function rawChange(bytes: Buffer, from: number, end: number, contentDir: string, once: (value: string) => string): FileChange | null {
  if (bytes[from] !== 0x3a) return null;
  const pathStart = bytes.indexOf(tab, from);
  if (pathStart < 0 || pathStart >= end) return null;
  // The fourth and fifth fields: the new id, and the status letter.
  const fields: number[] = [];
  for (let at = from; at < pathStart && fields.length < 4; at++) if (bytes[at] === space) fields.push(at);
  if (fields.length < 4) return null;
  const after = bytes.toString('latin1', fields[2]! + 1, fields[3]);
  const letter = bytes[fields[3]! + 1];
  const status = letter === 0x41 ? 'added' : letter === 0x44 ? 'deleted' : 'modified';
  const path = once(`${contentDir}/${bytes.toString('utf8', pathStart + 1, end)}`);
  return { path, status, hunks: namesOnly, blob: isZeroId(after) ? null : after };
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
