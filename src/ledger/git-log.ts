import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { asStored, gitAt, gitEnvironment, gitProcess, gitToFile } from '../git.ts';
import { indexBySha, type Commit, type FileChange } from './commit.ts';
import { followLog } from './follow-log.ts';
import { HistoryCache, type GitOutput } from './history-cache.ts';
import { LedgerSnapshot, type BaseSnapshot, type FoundSnapshot, type SnapshotKey } from './ledger-snapshot.ts';
import { mergeFormat, parseMergeChanges, withMergeChanges } from './merge-diffs.ts';
import { logFormat, parseLog } from './parse-log.ts';
import { refuseMadeUpCommits } from './planted-separator.ts';
import { attachRefs, parseRefs, type Ref } from './refs.ts';
import { shallowBoundary } from './shallow.ts';

/** The branch approvals merge into, and the prefix of submission branches. */
export const mainBranch = 'main';
export const submitPrefix = 'submit/';

export interface History {
  /** Tip of main, or null when the repository has no main branch. */
  mainTip: string | null;
  /** Every commit reachable from main, HEAD and the submission branches. */
  commits: Commit[];
  /** The same commits by id. */
  bySha: ReadonlyMap<string, Commit>;
  /** Where the history cache is and what identifies this read (absent without main): what a ledger snapshot is kept under. */
  key?: SnapshotKey & { dir: string };
  /** A ledger snapshot made from this very history: then no commit was read (`commits` is empty). */
  snapshot?: FoundSnapshot;
  /**
   * A ledger snapshot of an earlier state of this history: then `commits` are only those added
   * since its tips, and `refs` the branches and tags as they are now (see extendFacts).
   */
  base?: FoundSnapshot;
  refs?: readonly Ref[];
}

/**
 * Reads the whole history the ledger needs: main, every submit/* branch, and HEAD (in CI, the
 * branch under review), each commit with its identities, message, refs, and the lines it added
 * under content/; each merge with the files it changed against its first parent (see
 * merge-diffs.ts). Two git processes, started together: the log with patches, and the merges
 * (four, for a whole read of a large repository: each pair reads one half, see halfway).
 *
 * git's output is kept in the history cache (see HistoryCache) with the tips it was read from:
 * an unchanged repository is not read again, and after new commits git is asked only for those
 * (`git log <tips> --not <cached tips>`). When the cached commits are no longer all reachable
 * (a force-push dropped some), history is read in full. When a ledger snapshot was made from
 * these very tips and refs (see LedgerSnapshot), nothing is read: the history returned names it and
 * has no commits, and loadLedger reads the snapshot (or asks again with `snapshot: false`).
 * Returns null unless `cwd` is the top of a git work tree.
 */
export async function readHistory(cwd: string, options?: HistoryOptions): Promise<History | null> {
  return (await startHistory(cwd, options)).result;
}

export interface HistoryOptions {
  /** Whether a ledger snapshot made from the same tips may stand for the commits (the default); false reads them. */
  snapshot?: boolean;
  /** How many objects a repository holds before a whole read goes in two halves (see halfway); `halvesFrom` unless a test asks otherwise. */
  halvesFrom?: number;
}

/** A history being read: `result` settles when git has finished (at once when it was cached). */
export interface HistoryRead {
  result: Promise<History | null>;
  /** The history cache's directory (`.git/swa`), where other caches live beside it; absent outside a repository. */
  cacheDir?: string;
}

/**
 * Starts `readHistory` and resolves as soon as git log is running. A caller about to do
 * synchronous work (parsing the records) awaits this first: otherwise the few small git calls
 * that come before the log wait for that work, and git no longer runs beside it.
 */
export async function startHistory(cwd: string, { snapshot = true, halvesFrom: minObjects = halvesFrom }: HistoryOptions = {}): Promise<HistoryRead> {
  const git = gitAt(cwd);
  const dirs = await git.revparse(['--show-toplevel', '--absolute-git-dir']).catch(() => null);
  const [top, gitDir] = dirs?.split('\n').map((d) => d.trim()) ?? [];
  if (!top || !gitDir || (await realpath(top)) !== (await realpath(cwd))) return { result: Promise.resolve(null) };
  const dir = join(gitDir, 'swa');
  const started = (result: Promise<History | null>): HistoryRead => ({ result, cacheDir: dir });

  // (HEAD is asked for at the same time; its answer, or its error, counts only once main exists.)
  const headRead = git.raw(['rev-parse', 'HEAD']).then((out) => out.trim());
  headRead.catch(() => undefined);
  const refs = parseRefs(await git.raw(['for-each-ref', '--format=%(refname) %(objectname) %(*objectname)', `refs/heads/${mainBranch}`, `refs/heads/${submitPrefix}`, 'refs/tags']));
  const mainTip = refs.find((r) => r.name === `refs/heads/${mainBranch}`)?.commit ?? null;
  if (!mainTip) return started(Promise.resolve({ mainTip: null, commits: [], bySha: new Map() }));
  const head = await headRead;
  const tips = [...new Set([mainTip, head, ...refs.filter((r) => r.name.startsWith(`refs/heads/${submitPrefix}`)).map((r) => r.commit)])].sort();

  // How history was read, and where a shallow clone cuts it off (unshallowing moves no tip): a cache written otherwise is never taken for this one.
  const format = createHash('sha256').update(`${logArgs.join(' ')}\n${mergeArgs.join(' ')}\n${asStored.join(' ')}\n${withoutWorkTree}\n${shallowBoundary(gitDir)}`).digest('hex');
  const branchTips = new Set(refs.filter((r) => r.name.startsWith('refs/heads/')).map((r) => r.commit));
  const key = { dir, format, tips, refs: refs.map((r) => `${r.name} ${r.commit}`), headOnBranch: branchTips.has(head) };
  const snapshots = snapshot ? new LedgerSnapshot(dir) : null;
  const found = snapshots?.find(key);
  if (found) return started(Promise.resolve({ mainTip, commits: [], bySha: new Map(), key, snapshot: found }));
  const cache = new HistoryCache(dir, format);
  const reader = new Reader(gitDir, mainTip, refs, tips, cache, key);
  const base = snapshots?.findBase(key);
  if (base) return started(reader.addedSince(base).then((added) => added ?? readHistory(cwd, { snapshot: false })));

  const cached = cache.read();
  if (cached && sameTips(cached.tips, tips)) return started(Promise.resolve().then(() => reader.fromCache(cached)));
  // Spawned here and now, not through simple-git's queue, so that git is running when this returns.
  if (cached) {
    const delta = readGit(gitDir, [...tips, '--not', ...cached.tips], cache);
    return started(reader.extend(cached, delta));
  }
  const half = await halfway(gitDir, mainTip, refs, minObjects);
  return started(readWhole(gitDir, tips, cache, half).then((reads) => reader.full(reads)));
}

/** How many objects a repository holds before its history is read in two halves (see halfway): about 800 realistic records. */
export const halvesFrom = 100_000;

/**
 * A commit of main's first-parent history about halfway between main's oldest tag (the adoption
 * point, as a rule) and its tip by committer date, when the repository holds at least
 * `minObjects` objects; otherwise null. Two `git log`s, of the history below it and of what lies
 * above, run side by side on two cores, where one ran alone while this process waited for it.
 * The halves are what reachability makes them, whatever the dates say: a date only chooses where
 * to cut, and a cut in the wrong place costs time, never a commit.
 */
async function halfway(gitDir: string, mainTip: string, refs: readonly Ref[], minObjects: number): Promise<string | null> {
  const env = gitEnvironment();
  const run = (args: readonly string[]) => gitProcess(gitDir, [`--git-dir=${gitDir}`, ...args], { env }).then((out) => out.toString());
  const tagged = [...new Set(refs.filter((r) => r.name.startsWith('refs/tags/')).map((r) => r.commit))];
  if (tagged.length === 0) return null;
  try {
    const [objects, dates] = await Promise.all([run(['count-objects', '-v']), run(['show', '-s', '--format=%ct', mainTip, ...tagged])]);
    const held = [...objects.matchAll(/^(?:count|in-pack): (\d+)$/gm)].reduce((sum, [, n]) => sum + Number(n), 0);
    const [tip, ...tags] = dates.trim().split('\n').map(Number);
    const oldest = Math.min(...tags);
    if (held < minObjects || tip === undefined || !(oldest < tip)) return null;
    const middle = (await run(['rev-list', '-1', '--first-parent', `--before=${Math.floor((oldest + tip) / 2)}`, mainTip])).trim();
    return /^[0-9a-f]{40,64}$/.test(middle) && middle !== mainTip ? middle : null;
  } catch {
    return null;
  }
}

/** A read of the whole history from `tips`: in two halves side by side when cut at `half` (see halfway), newest first, else one. */
function readWhole(gitDir: string, tips: readonly string[], cache: HistoryCache, half: string | null): Promise<WholeRead> {
  if (half === null) return readGit(gitDir, tips, cache, { follow: true }).then((read) => [{ read, tips }]);
  const reads = [readGit(gitDir, [...tips, '--not', half], cache, { follow: true }), readGit(gitDir, [half], cache, { follow: true })];
  return Promise.allSettled(reads).then(([above, below]) => {
    if (above?.status === 'fulfilled' && below?.status === 'fulfilled') return [{ read: above.value, tips }, { read: below.value, tips: [half] }];
    // A half that failed removed its own files; the other's go too, and the read fails as one.
    const settled = [above, below] as PromiseSettledResult<GitOutput>[];
    for (const read of settled) if (read.status === 'fulfilled') discardScratch(read.value);
    throw (settled.find((read) => read.status === 'rejected') as PromiseRejectedResult).reason;
  });
}

/** A whole history as read: one read, or two (the newer part first), each with the tips it was read from. */
type WholeRead = [{ read: GitOutput; tips: readonly string[] }, { read: GitOutput; tips: readonly string[] }?];

/**
 * How the logs run: in the git directory, with no work tree, so that no .gitattributes there (one
 * anywhere in the tree can mark records binary, and their lines would be left out of the patches)
 * changes what git prints.
 */
const withoutWorkTree = 'git directory, no work tree';

/**
 * The two git processes of a read, side by side: the log with patches, and the merges' changed
 * files. Their output goes straight into scratch files in the cache, which become its segment
 * (see HistoryCache.write); through pipes when the cache cannot be written.
 */
function readGit(gitDir: string, revisions: readonly string[], cache: HistoryCache, { follow = false } = {}): Promise<GitOutput> {
  const env = gitEnvironment();
  const log = [`--git-dir=${gitDir}`, ...logArgs, ...revisions];
  const merges = [`--git-dir=${gitDir}`, ...mergeArgs, ...revisions];
  const files = cache.scratchFiles();
  // A read of the whole history is parsed while git writes it (see followLog).
  const followed = files && follow ? followLog(files.log) : undefined;
  const read = files
    ? Promise.all([gitToFile(gitDir, log, files.log, { env }), gitToFile(gitDir, merges, files.merges, { env })]).then(
        () => ({ log: followed ? followed.finish() : readFileSync(files.log), merges: readFileSync(files.merges), files }),
        (error: unknown) => {
          followed?.stop();
          discardScratch({ files });
          throw error;
        },
      )
    : Promise.all([gitProcess(gitDir, log, { env }), gitProcess(gitDir, merges, { env })]).then(([log, merges]) => ({ log, merges }));
  read.catch(() => undefined);
  return read;
}

/** A read's commits: parsed while git wrote them, or now. */
const commitsOf = ({ log }: GitOutput): Commit[] => (Buffer.isBuffer(log) ? parseLog(log) : log.commits);

/** Removes a read's scratch files, unless the cache took them. */
function discardScratch(read: Pick<GitOutput, 'files'>): void {
  if (!read.files) return;
  rmSync(read.files.log, { force: true });
  rmSync(read.files.merges, { force: true });
}

/** How every diff the ledger reads is made: added lines only, under content/, as stored. */
const diffOptions = [
  '-p',
  '--unified=0',
  // Whole object ids in the index lines: which version of a file a commit left is compared in memory (blob-at.ts).
  '--full-index',
  '--no-renames',
  '--no-color',
  '--no-ext-diff',
  // A key holder's textconv driver (diff=swa) must never put decrypted data in the ledger or its cache.
  '--no-textconv',
  '--relative=content',
];
// Merges are read apart (mergeArgs), by the files they changed.
const logArgs = ['-c', 'core.quotePath=false', 'log', '--topo-order', '--diff-merges=off', ...diffOptions, `--format=${logFormat}`];
const mergeArgs = ['-c', 'core.quotePath=false', 'log', '--merges', '--diff-merges=first-parent', '--raw', '--no-abbrev', '--no-renames', '--relative=content', `--format=${mergeFormat}`];

const sameTips = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tip, i) => tip === b[i]);

/** Turns git's output into the history, and keeps what was read in the cache. */
class Reader {
  constructor(
    private readonly gitDir: string,
    private readonly mainTip: string,
    private readonly refs: readonly Ref[],
    private readonly tips: readonly string[],
    private readonly cache: HistoryCache,
    private readonly key: History['key'],
  ) {}

  /**
   * The commits added since a ledger snapshot's tips, read through pipes beside a check that every
   * commit the snapshot holds is still reachable (`git rev-list <its tips> --not <tips>` lists
   * none); null when one is not (a force-push, a branch deleted unmerged): then history is read in full.
   */
  async addedSince(base: BaseSnapshot): Promise<History | null> {
    const env = gitEnvironment();
    const revisions = [...this.tips, '--not', ...base.tips];
    const run = (args: readonly string[]) => gitProcess(this.gitDir, [`--git-dir=${this.gitDir}`, ...args], { env });
    // A snapshot's tip git no longer has (collected after a force-push) fails the read: history is then read in full, as any failure here.
    const read = await Promise.all([run([...logArgs, ...revisions]), run([...mergeArgs, ...revisions]), run(['rev-list', '-n', '1', ...base.tips, '--not', ...this.tips])]).catch(() => null);
    if (!read || read[2].length > 0) return null;
    const [log, merges] = read;
    return { ...this.history(parseLog(log), [merges]), base: base.found, refs: this.refs };
  }

  fromCache(cached: NonNullable<ReturnType<HistoryCache['read']>>): History {
    const commits = cached.segments.flatMap((s) => parseLog(s.log));
    return this.history(commits, cached.segments.map((s) => s.merges));
  }

  /** The cached commits plus those git added since; in full when the cached ones are not all still reachable. */
  async extend(cached: NonNullable<ReturnType<HistoryCache['read']>>, delta: Promise<GitOutput>): Promise<History> {
    const added = await delta.catch(() => null);
    if (added === null) return this.full(await readWhole(this.gitDir, this.tips, this.cache, null));
    const commits = [...commitsOf(added), ...cached.segments.flatMap((s) => parseLog(s.log))];
    const bySha = indexBySha(commits);
    if (!allReachable(bySha, this.tips)) {
      discardScratch(added);
      return this.full(await readWhole(this.gitDir, this.tips, this.cache, null));
    }
    this.cache.write(this.tips, added, cached.segments);
    discardScratch(added);
    return this.history(commits, [added.merges, ...cached.segments.map((s) => s.merges)], bySha);
  }

  /** The history of a whole read: in two halves, the commits of both, the newer first (a topological order still: no commit of the older half descends from one of the newer). */
  full([whole, below]: WholeRead): History {
    const commits = below ? [...commitsOf(whole.read), ...commitsOf(below.read)] : commitsOf(whole.read);
    this.cache.write(this.tips, whole.read, [], below);
    discardScratch(whole.read);
    if (below) discardScratch(below.read);
    return this.history(commits, below ? [whole.read.merges, below.read.merges] : [whole.read.merges]);
  }

  private history(commits: Commit[], merges: readonly Buffer[], bySha = indexBySha(commits)): History {
    refuseMadeUpCommits(commits, bySha, this.tips);
    attachRefs(bySha, this.refs);
    const changes = new Map<string, FileChange[]>();
    for (const segment of merges) for (const [sha, files] of parseMergeChanges(segment)) changes.set(sha, files);
    return { mainTip: this.mainTip, commits: withMergeChanges(commits, changes, bySha), bySha, key: this.key };
  }
}

/** Whether every commit is reachable from `tips`: false once a force-push or a deleted branch left cached commits behind. */
function allReachable(bySha: ReadonlyMap<string, Commit>, tips: readonly string[]): boolean {
  const seen = new Set<string>();
  const stack = [...tips];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (seen.has(sha)) continue;
    const commit = bySha.get(sha);
    if (!commit) continue;
    seen.add(sha);
    for (const parent of commit.parents) stack.push(parent);
  }
  return seen.size === bySha.size;
}
