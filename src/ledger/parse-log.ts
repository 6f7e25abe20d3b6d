import type { Commit, FileChange } from './commit.ts';

const commitStart = '\x1e';
const field = '\x1f';

/**
 * The `git log` format the ledger reads: one record separator, then fields separated by unit
 * separators, the raw message last; the unified=0 patch (relative to content/) follows.
 * Raw %an/%ae, not the mailmapped %aN/%aE: a .mailmap on a branch must not rename an approver.
 */
export const logFormat = ['%x1e%H', '%P', '%T', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%D', '%B%x1f'].join('%x1f');

/** Parses the output of `git log --format=<logFormat> -p --unified=0 --relative=content`. Pure. */
export function parseLog(raw: string, contentDir = 'content'): Commit[] {
  return raw
    .split(commitStart)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => parseCommit(chunk, contentDir));
}

function parseCommit(chunk: string, contentDir: string): Commit {
  // Eleven fields end in a unit separator; the patch after the last of them is read in place.
  const fields: string[] = [];
  let start = 0;
  while (fields.length < 11) {
    const end = chunk.indexOf(field, start);
    if (end < 0) break;
    fields.push(chunk.slice(start, end));
    start = end + 1;
  }
  const [sha, parents, tree, an, ae, ad, cn, ce, cd, refs, message] = fields as [string, string, string, string, string, string, string, string, string, string, string];
  return {
    sha,
    parents: parents.split(' ').filter(Boolean),
    tree,
    author: { name: an, email: ae, date: ad },
    committer: { name: cn, email: ce, date: cd },
    refs: refs.split(', ').map((r) => r.trim()).filter(Boolean),
    message: message.trim(),
    changes: parsePatch(chunk, start, contentDir),
  };
}

/** The `git diff-tree --stdin` format: each commit's diff starts with its id between separators. */
export const diffFormat = '%x1e%H%x1f';

/** Parses `git diff-tree --stdin --format=<diffFormat> -p --unified=0 --relative=content`, by commit. Pure. */
export function parseDiffs(raw: string, contentDir = 'content'): Map<string, FileChange[]> {
  const diffs = new Map<string, FileChange[]>();
  for (const chunk of raw.split(commitStart)) {
    const end = chunk.indexOf(field);
    if (end > 0) diffs.set(chunk.slice(0, end), parsePatch(chunk, end + 1, contentDir));
  }
  return diffs;
}

const fileHeader = 'diff --git ';

/**
 * The file changes of the patch that starts at `from` in `text`: each file's header lines are
 * read, its hunks kept whole. Sections are found by their `diff --git` line (an added line that
 * says the same starts with +).
 */
function parsePatch(text: string, from: number, contentDir: string): FileChange[] {
  const changes: FileChange[] = [];
  const sectionAfter = (position: number) => {
    const found = text.indexOf(`\n${fileHeader}`, position);
    return found < 0 ? -1 : found + 1;
  };
  for (let start = text.startsWith(fileHeader, from) ? from : sectionAfter(from); start >= 0; ) {
    const next = sectionAfter(start);
    const end = next < 0 ? text.length : next;
    const firstHunk = text.indexOf('\n@@', start);
    const headerEnd = firstHunk < 0 || firstHunk >= end ? end : firstHunk + 1;
    const change: FileChange = { path: '', status: 'modified', hunks: text.slice(headerEnd, end) };
    for (const line of text.slice(start, headerEnd).split('\n')) {
      if (line.startsWith('new file mode')) change.status = 'added';
      else if (line.startsWith('deleted file mode')) change.status = 'deleted';
      else if (line.startsWith('--- a/') && change.path === '') change.path = `${contentDir}/${line.slice(6)}`;
      else if (line.startsWith('+++ b/')) change.path = `${contentDir}/${line.slice(6)}`;
    }
    if (change.path !== '') changes.push(change);
    start = next;
  }
  return changes;
}
