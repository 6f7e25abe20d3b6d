import { ByteArena } from './byte-arena.ts';
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
 * Read from the bytes, each field decoded on its own: a slice of one decoded commit would keep the
 * whole of it alive, two-byte throughout when a name is Chinese, where an ASCII id or message
 * alone is a one-byte string. Names, e-mails, paths and the ids of parents and trees, the same in
 * many commits, are kept once; the hunks are copied out of the output (see ByteArena).
 */
export function parseLog(raw: Buffer | string, contentDir = 'content'): Commit[] {
  const parser = new LogParser(contentDir);
  parser.push(typeof raw === 'string' ? Buffer.from(raw) : raw);
  return parser.end();
}

/**
 * parseLog fed the output piece by piece, as git writes it (see followLog): each commit is parsed
 * once the next one has begun, the last at `end`. A commit runs from one record separator to the
 * next, so the pieces give the commits the whole output gives, wherever they are cut.
 */
export class LogParser {
  private readonly commits: Commit[] = [];
  private readonly once = interning();
  /** Where the hunks are copied to (see ByteArena): the pieces of git's output can then go. */
  private readonly hunks = new ByteArena();
  /**
   * The bytes not parsed yet, in the pieces they came in: the commit under way, from its record
   * separator. Joined only once the next separator comes, so that a commit as long as many pieces is copied once.
   */
  private pending: Buffer[] = [];

  constructor(private readonly contentDir = 'content') {}

  push(piece: Buffer): void {
    const next = piece.indexOf(commitStart);
    if (next < 0) {
      // Nothing before git's first record separator is read.
      if (this.pending.length > 0) this.pending.push(piece);
      return;
    }
    // The commit under way ends where the piece's first separator is: only it is copied, the piece is read in place.
    if (this.pending.length > 0) {
      const last = Buffer.concat([...this.pending, piece.subarray(0, next)]);
      this.commits.push(parseCommit(last, 1, last.length, this.contentDir, this.once, this.hunks));
    }
    const bytes = piece.subarray(next);
    let start = 0;
    for (let after = bytes.indexOf(commitStart, 1); after >= 0; after = bytes.indexOf(commitStart, start + 1)) {
      this.commits.push(parseCommit(bytes, start + 1, after, this.contentDir, this.once, this.hunks));
      start = after;
    }
    this.pending = [bytes.subarray(start)];
  }

  /** The commits, the last one parsed now. */
  end(): Commit[] {
    if (this.pending.length > 0) {
      const bytes = Buffer.concat(this.pending);
      this.commits.push(parseCommit(bytes, 1, bytes.length, this.contentDir, this.once, this.hunks));
    }
    this.pending = [];
    return this.commits;
  }
}

/**
 * The items in an array of their own size: one grown by push keeps room for seventeen, and a
 * commit's one or two parents and few changes, hundreds of thousands of them, are kept for a whole check.
 */
export const exactly = <T>(items: T[]): T[] => items.slice();

/** One string for every equal one given: repeated values share their memory. `keep`: what is kept of the first one. */
export function interning(keep: (value: string) => string = (value) => value): (value: string) => string {
  const kept = new Map<string, string>();
  return (value) => {
    let known = kept.get(value);
    if (known === undefined) kept.set(value, (known = keep(value)));
    return known;
  };
}

const fieldCount = 10;
/** Where the unit separators of the commit being read are: one array for all the commits of a parse. */
const separators = new Int32Array(fieldCount);
const space = 0x20;

function parseCommit(bytes: Buffer, from: number, end: number, contentDir: string, once: (value: string) => string, hunks: ByteArena): Commit {
  // Every field ends in a unit separator; the patch after the last of them is read in place.
  let count = 0;
  for (let at = from; count < fieldCount; count++) {
    const separator = bytes.indexOf(field, at);
    if (separator < 0 || separator >= end) break;
    separators[count] = separator;
    at = separator + 1;
  }
  if (count < fieldCount) throw new Error(`git log 的输出无法解析：提交 ${bytes.toString('latin1', from, Math.min(end, from + 40))} 的字段不全`);
  const fieldAt = (i: number) => (i === 0 ? from : separators[i - 1]! + 1);
  const text = (i: number) => bytes.toString('utf8', fieldAt(i), separators[i]);
  const parents: string[] = [];
  for (let at = fieldAt(1); at < separators[1]!; ) {
    const gap = bytes.indexOf(space, at);
    const stop = gap < 0 || gap > separators[1]! ? separators[1]! : gap;
    // Interned with the ids of the commits they name (a parent is printed after its children): each id is in memory once.
    if (stop > at) parents.push(once(bytes.toString('latin1', at, stop)));
    at = stop + 1;
  }
  const author = { name: once(text(3)), email: once(text(4)), date: text(5) };
  const committer = { name: once(text(6)), email: once(text(7)), date: text(8) };
  return {
    sha: once(bytes.toString('latin1', from, separators[0])),
    parents: exactly(parents),
    // A merge made by swa approve keeps its branch's tree: the two share one string.
    tree: once(bytes.toString('latin1', fieldAt(2), separators[2])),
    author,
    // Most commits are committed by their author as they are written: then the two are one object.
    committer: committer.name === author.name && committer.email === author.email && committer.date === author.date ? author : committer,
    refs: [],
    message: messageOf(bytes, fieldAt(9), separators[9]!),
    changes: parsePatch(bytes, separators[fieldCount - 1]! + 1, end, contentDir, once, hunks),
  };
}

/** The message trimmed, decoded from within its ASCII white space (so that it is not a slice of a longer string). */
function messageOf(bytes: Buffer, from: number, end: number): string {
  const blank = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
  while (from < end && blank(bytes[from]!)) from++;
  while (end > from && blank(bytes[end - 1]!)) end--;
  return bytes.toString('utf8', from, end).trim();
}

/**
 * The file changes of the patch in bytes [from, end): each file's header lines are read, its hunks
 * kept whole. Files are found by their `diff --git` line (an added line that says the same starts with +).
 */
function parsePatch(bytes: Buffer, from: number, end: number, contentDir: string, once: (value: string) => string, hunks: ByteArena): FileChange[] {
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
    const change: FileChange = { path: '', status: 'modified', hunks: hunks.copy(bytes, headerEnd, fileEnd), blob: objectIn(bytes, start, headerEnd) };
    for (const line of bytes.toString('utf8', start, headerEnd).split('\n')) {
      if (line.startsWith('new file mode')) change.status = 'added';
      else if (line.startsWith('deleted file mode')) change.status = 'deleted';
      else if (line.startsWith('--- a/') && change.path === '') change.path = `${contentDir}/${line.slice(6)}`;
      else if (line.startsWith('+++ b/')) change.path = `${contentDir}/${line.slice(6)}`;
    }
    // A file git prints as binary (a NUL byte in its first 8 KB makes it so) has no ---/+++ lines: its
    // path is read from the `diff --git a/<path> b/<path>` line (renames are off, so both are one path).
    if (change.path === '') change.path = headerPath(bytes.toString('utf8', start, headerEnd).split('\n')[0] as string, contentDir);
    change.path = once(change.path);
    if (change.path !== '') changes.push(change);
    start = next;
  }
  return exactly(changes);
}

const indexLine = Buffer.from('\nindex ');

/**
 * The object id after a file header's `index <old>..<new>[ <mode>]` line (`--full-index`), null for
 * the zero id of a deleted file, undefined without one. Decoded from the bytes on its own: a slice
 * of the decoded header would keep the header alive as long as the id.
 */
function objectIn(bytes: Buffer, from: number, to: number): string | null | undefined {
  const line = bytes.indexOf(indexLine, from);
  if (line < 0 || line >= to) return undefined;
  const dots = bytes.indexOf('..', line);
  if (dots < 0 || dots >= to) return undefined;
  let stop = dots + 2;
  while (stop < to && bytes[stop] !== 0x20 && bytes[stop] !== 0x0a) stop++;
  const id = bytes.toString('latin1', dots + 2, stop);
  return isZeroId(id) ? null : id;
}

/** The path of `diff --git a/<path> b/<path>` (the same path twice), relative to content/; '' when the line is not of that shape. */
function headerPath(line: string, contentDir: string): string {
  const paths = line.slice('diff --git '.length);
  const half = (paths.length - 1) / 2;
  const a = paths.slice(0, half);
  return a.startsWith('a/') && paths.slice(half) === ` b/${a.slice(2)}` ? `${contentDir}/${a.slice(2)}` : '';
}
