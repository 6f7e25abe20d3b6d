import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, realpath, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gitAt, gitEnvironment, gitProcess } from '../git.ts';
import { indexBySha, type Commit } from './commit.ts';
import { mergeDiffInput, mergesToDiff, withMergeChanges } from './merge-diffs.ts';
import { diffFormat, logFormat, parseLog } from './parse-log.ts';

/** The branch approvals merge into, and the prefix of submission branches. */
export const mainBranch = 'main';
export const submitPrefix = 'submit/';

export interface History {
  /** Tip of main, or null when the repository has no main branch. */
  mainTip: string | null;
  /** Every commit reachable from main, HEAD and the submission branches, newest first. */
  commits: Commit[];
}

/**
 * Reads the whole history the ledger needs in ONE `git log` process: main, every submit/*
 * branch, and HEAD (in CI, the branch under review), each commit with its identities, message,
 * refs, and the lines it added under content/. A merge's lines are those against its first parent:
 * its branch commit's where that is the same diff, else from one `git diff-tree --stdin` for all.
 *
 * git writes its output straight into a cache file in the git directory, named after the tips it
 * was read from: an unchanged repository is not read twice, the cache costs no second encoding,
 * and git runs on by itself while the caller keeps the event loop busy (`swa check` parses the
 * records meanwhile). Returns null unless `cwd` is the top of a git work tree.
 */
export async function readHistory(cwd: string): Promise<History | null> {
  return (await startHistory(cwd)).result;
}

/** A history being read: `result` settles when git has finished (at once when it was cached). */
export interface HistoryRead {
  result: Promise<History | null>;
}

/**
 * Starts `readHistory` and resolves as soon as git log is running. A caller about to do
 * synchronous work (parsing the records) awaits this first: otherwise the few small git calls
 * that come before the log wait for that work, and git no longer runs beside it.
 */
export async function startHistory(cwd: string): Promise<HistoryRead> {
  const finished = (history: History | null): HistoryRead => ({ result: Promise.resolve(history) });
  const git = gitAt(cwd);
  const dirs = await git.revparse(['--show-toplevel', '--absolute-git-dir']).catch(() => null);
  const [top, gitDir] = dirs?.split('\n') ?? [];
  if (!top || !gitDir || (await realpath(top.trim())) !== (await realpath(cwd))) return finished(null);

  // Tags are in the key too: the adoption point is usually a tag.
  // (HEAD is asked for at the same time; its answer, or its error, counts only once main exists.)
  const headRead = git.raw(['rev-parse', 'HEAD']).then((out) => out.trim());
  headRead.catch(() => undefined);
  const refs = await git.raw(['for-each-ref', '--format=%(refname) %(objectname)', `refs/heads/${mainBranch}`, `refs/heads/${submitPrefix}`, 'refs/tags']);
  const mainTip = /^refs\/heads\/main (\w+)$/m.exec(refs)?.[1] ?? null;
  if (!mainTip) return finished({ mainTip: null, commits: [] });
  const head = await headRead;

  const args = [
    '-c',
    'core.quotePath=false',
    'log',
    mainTip,
    'HEAD',
    `--branches=${submitPrefix}*`,
    '--topo-order',
    // Merges are diffed apart, and only where their branch commit's patch is not the same diff.
    '--diff-merges=off',
    ...diffOptions,
    '--decorate=full',
    `--format=${logFormat}`,
  ];
  const diffArgs = ['-c', 'core.quotePath=false', 'diff-tree', '--stdin', ...diffOptions, `--format=${diffFormat}`];
  const cacheDir = join(gitDir.trim(), 'swa');
  // The tips, and how they were read: a cache written by another way of reading is never taken for this one.
  const key = createHash('sha256').update(`${args.join(' ')}\n${diffArgs.join(' ')}\n${head}\n${refs}`).digest('hex');
  const cacheFile = join(cacheDir, `history-${key}.log`);
  const mergesFile = join(cacheDir, `history-${key}.merges`);

  /** The merges' own diffs: from their cache file when it answers for exactly these merges, else from git. */
  const withMerges = async (commits: Commit[], cacheable: boolean): Promise<History> => {
    const bySha = indexBySha(commits);
    const merges = mergesToDiff(commits, bySha);
    const header = `swa-merges ${key} ${merges.length}\n`;
    const cached = cacheable ? readCache(mergesFile) : null;
    let diffed = cached?.subarray(0, header.length).toString('utf8') === header ? cached.subarray(header.length) : null;
    if (diffed === null) {
      const output = merges.length === 0 ? Buffer.alloc(0) : await gitProcess(cwd, diffArgs, { env: gitEnvironment(), input: mergeDiffInput(merges) });
      if (cacheable) writeCache(mergesFile, Buffer.concat([Buffer.from(header), output]));
      diffed = output;
    }
    return { mainTip, commits: withMergeChanges(commits, diffed, bySha) };
  };

  // One synchronous read, parsed from the bytes: ~20 MB for 10,000 cases.
  const cached = readCache(cacheFile);
  if (cached !== null) return { result: Promise.resolve().then(() => withMerges(parseLog(cached), true)) };

  // Spawned here and now, not through simple-git's queue, so that git is running when this returns.
  const written = logIntoCache(cacheDir, key, (file) => gitProcess(cwd, [...args, `--output=${file}`], { env: gitEnvironment() }));
  const result = written.then(async (ok) => {
    const output = (ok ? readCache(cacheFile) : null) ?? (await gitProcess(cwd, args, { env: gitEnvironment() }));
    return withMerges(parseLog(output), ok);
  });
  return { result };
}

/** How every diff the ledger reads is made: added lines only, under content/, as stored. */
const diffOptions = [
  '-p',
  '--unified=0',
  '--no-renames',
  '--no-color',
  '--no-ext-diff',
  // A key holder's textconv driver (diff=swa) must never put decrypted data in the ledger or its cache.
  '--no-textconv',
  '--relative=content',
];

/** Writes a cache file whole or not at all; a git directory that refuses it only costs the cache. */
function writeCache(file: string, bytes: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

function readCache(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * Keeps one cached history (the newest): git writes it into a temporary file that is renamed
 * once complete, so a reader never sees half of it. False when the git directory cannot hold it
 * (a read-only git directory only costs the cache, never the check).
 */
async function logIntoCache(dir: string, key: string, log: (file: string) => Promise<unknown>): Promise<boolean> {
  const temporary = join(dir, `.history-${key}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return false;
  }
  try {
    await log(temporary);
    await rename(temporary, join(dir, `history-${key}.log`));
  } catch {
    // Read again without the cache: a git that truly fails then fails the check as before.
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
  const stale = await readdir(dir).catch(() => []);
  const current = [`history-${key}.log`, `history-${key}.merges`];
  await Promise.all(stale.filter((name) => name.startsWith('history-') && !current.includes(name)).map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)));
  return true;
}
