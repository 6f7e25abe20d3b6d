import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitAt } from '../git.ts';
import type { Commit } from './commit.ts';
import { logFormat, parseLog } from './parse-log.ts';

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
 * refs, and the lines it added under content/ (merges diffed against their first parent).
 * The result is cached in the git directory under the tips it was read from, so an unchanged
 * repository is not read twice. Returns null unless `cwd` is the top of a git work tree.
 */
export async function readHistory(cwd: string): Promise<History | null> {
  const git = gitAt(cwd);
  const dirs = await git.revparse(['--show-toplevel', '--absolute-git-dir']).catch(() => null);
  const [top, gitDir] = dirs?.split('\n') ?? [];
  if (!top || !gitDir || (await realpath(top.trim())) !== (await realpath(cwd))) return null;

  // Tags are in the key too: the adoption point is usually a tag.
  const refs = await git.raw(['for-each-ref', '--format=%(refname) %(objectname)', `refs/heads/${mainBranch}`, `refs/heads/${submitPrefix}`, 'refs/tags']);
  const mainTip = /^refs\/heads\/main (\w+)$/m.exec(refs)?.[1] ?? null;
  if (!mainTip) return { mainTip: null, commits: [] };
  const head = (await git.raw(['rev-parse', 'HEAD'])).trim();

  const cacheDir = join(gitDir.trim(), 'swa');
  const key = createHash('sha256').update(`${logFormat}\n${head}\n${refs}`).digest('hex');
  const cached = await readFile(join(cacheDir, `history-${key}.json`), 'utf8').then((text) => JSON.parse(text) as Commit[], () => null);
  if (cached) return { mainTip, commits: cached };

  const raw = await git.raw([
    '-c',
    'core.quotePath=false',
    'log',
    mainTip,
    'HEAD',
    `--branches=${submitPrefix}*`,
    '--topo-order',
    '--diff-merges=first-parent',
    '-p',
    '--unified=0',
    '--no-renames',
    '--no-color',
    '--no-ext-diff',
    '--decorate=full',
    '--relative=content',
    `--format=${logFormat}`,
  ]);
  const commits = parseLog(raw);
  await writeCache(cacheDir, key, commits);
  return { mainTip, commits };
}

/** Keeps one cached history (the newest): written to a temporary file and renamed, so a reader never sees half of it. */
async function writeCache(dir: string, key: string, commits: Commit[]): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const stale = (await readdir(dir)).filter((name) => name.startsWith('history-'));
    const temporary = join(dir, `.history-${key}.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify(commits));
    await rename(temporary, join(dir, `history-${key}.json`));
    await Promise.all(stale.filter((name) => name !== `history-${key}.json`).map((name) => rm(join(dir, name), { force: true })));
  } catch {
    // A read-only git directory only costs the cache, never the check.
  }
}
