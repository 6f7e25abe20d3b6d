import { isZeroId, type Commit, type FileChange } from './commit.ts';

const commitStart = 0x1e;
const field = 0x1f;
const fileHeader = Buffer.from('diff --git ');
const nextFileHeader = Buffer.from('\ndiff --git ');
const hunkStart = Buffer.from('\n@@');

/**
 * The `git log` format the ledger reads: one record separator, then fields separated by unit
 * separators, the raw message last; the unified=0 patch (relative to content/) follows.
 * Raw %an/%ae, not the mailmapped %aN/%aE: a .mailmap on a branch must not rename an approver.
 * No decorations (%D): a cached commit keeps its bytes while refs move, so refs are attached from
 * the repository's current refs on every read (see attachRefs).
 */
export const logFormat = ['%x1e%H', '%P', '%T', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B%x1f'].join('%x1f');

/**
 * Parses the output of `git log --format=<logFormat> -p --full-index --unified=0 --relative=content`. Pure.
 * Read from the bytes, the commit ids decoded apart from the rest: as one-byte strings they hash
 * and compare faster in the ledger's thousands of lookups than slices of one decoded log (which is
 * two-byte throughout, since names are Chinese).
 */
export function parseLog(raw: Buffer | string, contentDir = 'content'): Commit[] {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
  const commits: Commit[] = [];
  for (let start = bytes.indexOf(commitStart); start >= 0; ) {
    const next = bytes.indexOf(commitStart, start + 1);
    commits.push(parseCommit(bytes, start + 1, next < 0 ? bytes.length : next, contentDir));
    start = next;
  }
  return commits;
}

const fieldCount = 10;
/** Where the unit separators of the commit being read are: one array for all the commits of a parse. */
const separators = new Int32Array(fieldCount);

function parseCommit(bytes: Buffer, from: number, end: number, contentDir: string): Commit {
  // Every field ends in a unit separator; the patch after the last of them is read in place.
  let count = 0;
  for (let at = from; count < fieldCount; count++) {
    const separator = bytes.indexOf(field, at);
    if (separator < 0 || separator >= end) break;
    separators[count] = separator;
    at = separator + 1;
  }
  if (count < fieldCount) throw new Error(`git log 的输出无法解析：提交 ${bytes.toString('latin1', from, Math.min(end, from + 40))} 的字段不全`);
  // Two decodings per commit: the three ids (always ASCII, so one-byte strings) and the rest.
  const ids = bytes.toString('latin1', from, separators[2]).split('\x1f');
  const rest = bytes.toString('utf8', separators[2]! + 1, separators[fieldCount - 1]).split('\x1f');
  const parents = ids[1] as string;
  return {
    sha: ids[0] as string,
    parents: parents === '' ? [] : parents.split(' '),
    tree: ids[2] as string,
    author: { name: rest[0] as string, email: rest[1] as string, date: rest[2] as string },
    committer: { name: rest[3] as string, email: rest[4] as string, date: rest[5] as string },
    refs: [],
    message: (rest[6] as string).trim(),
    changes: parsePatch(bytes, separators[fieldCount - 1]! + 1, end, contentDir),
  };
}

/**
 * The file changes of the patch in bytes [from, end): each file's header lines are read, its hunks
 * kept whole. Files are found by their `diff --git` line (an added line that says the same starts with +).
 */
function parsePatch(bytes: Buffer, from: number, end: number, contentDir: string): FileChange[] {
  const changes: FileChange[] = [];
  const fileAfter = (position: number) => {
    const found = bytes.indexOf(nextFileHeader, position);
    return found < 0 || found >= end ? -1 : found + 1;
  };
  const startsFile = bytes.subarray(from, from + fileHeader.length).equals(fileHeader);
  for (let start = startsFile ? from : fileAfter(from); start >= 0; ) {
    const next = fileAfter(start);
    const fileEnd = next < 0 ? end : next;
    const firstHunk = bytes.indexOf(hunkStart, start);
    const headerEnd = firstHunk < 0 || firstHunk >= fileEnd ? fileEnd : firstHunk + 1;
    const change: FileChange = { path: '', status: 'modified', hunks: bytes.subarray(headerEnd, fileEnd) };
    for (const line of bytes.toString('utf8', start, headerEnd).split('\n')) {
      if (line.startsWith('new file mode')) change.status = 'added';
      else if (line.startsWith('deleted file mode')) change.status = 'deleted';
      else if (line.startsWith('--- a/') && change.path === '') change.path = `${contentDir}/${line.slice(6)}`;
      else if (line.startsWith('+++ b/')) change.path = `${contentDir}/${line.slice(6)}`;
      else if (line.startsWith('index ')) change.blob = objectAfter(line);
    }
    // A file git prints as binary (a NUL byte in its first 8 KB makes it so) has no ---/+++ lines: its
    // path is read from the `diff --git a/<path> b/<path>` line (renames are off, so both are one path).
    if (change.path === '') change.path = headerPath(bytes.toString('utf8', start, headerEnd).split('\n')[0] as string, contentDir);
    if (change.path !== '') changes.push(change);
    start = next;
  }
  return changes;
}

/** The object id after `index <old>..<new>[ <mode>]` (`--full-index`), null for the zero id of a deleted file. */
function objectAfter(line: string): string | null {
  const dots = line.indexOf('..');
  const space = line.indexOf(' ', dots);
  const id = line.slice(dots + 2, space < 0 ? line.length : space);
  return isZeroId(id) ? null : id;
}

/** The path of `diff --git a/<path> b/<path>` (the same path twice), relative to content/; '' when the line is not of that shape. */
function headerPath(line: string, contentDir: string): string {
  const paths = line.slice('diff --git '.length);
  const half = (paths.length - 1) / 2;
  const a = paths.slice(0, half);
  return a.startsWith('a/') && paths.slice(half) === ` b/${a.slice(2)}` ? `${contentDir}/${a.slice(2)}` : '';
}
