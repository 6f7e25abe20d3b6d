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
  const parts = chunk.split(field);
  const [sha, parents, tree, an, ae, ad, cn, ce, cd, refs, message] = parts as [string, string, string, string, string, string, string, string, string, string, string];
  const patch = parts.slice(11).join(field);
  return {
    sha,
    parents: parents.split(' ').filter(Boolean),
    tree,
    author: { name: an, email: ae, date: ad },
    committer: { name: cn, email: ce, date: cd },
    refs: refs.split(', ').map((r) => r.trim()).filter(Boolean),
    message: message.trim(),
    changes: parsePatch(patch, contentDir),
  };
}

/** The `git diff-tree --stdin` format: each commit's diff starts with its id between separators. */
export const diffFormat = '%x1e%H%x1f';

/** Parses `git diff-tree --stdin --format=<diffFormat> -p --unified=0 --relative=content`, by commit. Pure. */
export function parseDiffs(raw: string, contentDir = 'content'): Map<string, FileChange[]> {
  const diffs = new Map<string, FileChange[]>();
  for (const chunk of raw.split(commitStart)) {
    const end = chunk.indexOf(field);
    if (end > 0) diffs.set(chunk.slice(0, end), parsePatch(chunk.slice(end + 1), contentDir));
  }
  return diffs;
}

/**
 * A line of an encrypted client block: ciphertext dates nothing and is a third of a case's lines,
 * so it is not kept (the change to the file still is).
 */
const armorLine = /[ \t]+(?:[A-Za-z0-9+/]{20,}={0,2}|-----(?:BEGIN|END) AGE ENCRYPTED FILE-----)$/my;

/** Whether the line of `text` that starts at `start` (after its + sign) is ciphertext; tested in place, no string made. */
function isArmorAt(text: string, start: number): boolean {
  armorLine.lastIndex = start;
  return armorLine.test(text);
}

function parsePatch(patch: string, contentDir: string): FileChange[] {
  const changes: FileChange[] = [];
  let current: FileChange | undefined;
  for (let start = 0; start < patch.length; ) {
    const newline = patch.indexOf('\n', start);
    const end = newline < 0 ? patch.length : newline;
    // Most lines of a record's first patch are its encrypted block: skipped before they become strings.
    if (current && patch.charCodeAt(start) === 43 && isArmorAt(patch, start + 1)) {
      start = end + 1;
      continue;
    }
    const line = patch.slice(start, end);
    start = end + 1;
    if (line.startsWith('diff --git ')) {
      current = { path: '', status: 'modified', addedLines: [] };
      changes.push(current);
    } else if (!current) {
      continue;
    } else if (line.startsWith('new file mode')) {
      current.status = 'added';
    } else if (line.startsWith('deleted file mode')) {
      current.status = 'deleted';
    } else if (line.startsWith('--- a/') && current.path === '') {
      current.path = `${contentDir}/${line.slice(6)}`;
    } else if (line.startsWith('+++ b/')) {
      current.path = `${contentDir}/${line.slice(6)}`;
    } else if (line.startsWith('+') && !line.startsWith('+++ ')) {
      current.addedLines.push(line.slice(1));
    }
  }
  return changes.filter((c) => c.path !== '');
}
