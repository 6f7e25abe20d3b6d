import { realpath } from 'node:fs/promises';
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
 * branch, and HEAD (in CI on a pull request, the branch under review), each commit with its identities, message, refs, and the lines it added under content/
 * (merges diffed against their first parent). Returns null unless `cwd` is the top of a git work tree.
 */
export async function readHistory(cwd: string): Promise<History | null> {
  const git = gitAt(cwd);
  const top = await git.revparse(['--show-toplevel']).catch(() => null);
  if (top === null || (await realpath(top.trim())) !== (await realpath(cwd))) return null;
  const tip = await git.raw(['rev-parse', '--verify', '--quiet', `refs/heads/${mainBranch}`]).catch(() => '');
  const mainTip = tip.trim() || null;
  if (!mainTip) return { mainTip: null, commits: [] };
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
  return { mainTip, commits: parseLog(raw) };
}
