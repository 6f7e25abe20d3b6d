import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { CommandError } from '../errors.ts';

import { gitAt, gitIdentity, gitProcess } from '../git.ts';

export { gitAt };

/** Who the commit swa makes will name as its author (or committer), as gitIdentity reads it; an error when git knows no one. */
export async function actingIdentity(git: SimpleGit, who: 'author' | 'committer' = 'author'): Promise<{ name: string; email: string }> {
  const identity = await gitIdentity(git, who);
  if (!identity) throw new CommandError('git 没有设置邮箱；请先 git config user.email 设置为名册 staff.yaml 中登记的邮箱（或设置环境变量 GIT_AUTHOR_EMAIL）');
  return identity;
}

export async function revParse(git: SimpleGit, ref: string): Promise<string | null> {
  const out = await git.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
  return out.trim() || null;
}

/**
 * Commits the given work-tree files on top of `parent` without touching the work tree's index
 * or branch: a private index is filled from `parent`, the files are added, and commit-tree
 * writes the commit. Returns the new commit's sha.
 */
export async function commitFilesOn(cwd: string, parent: string, files: readonly string[], message: string): Promise<string> {
  const git = gitAt(cwd);
  const gitDir = (await git.revparse(['--absolute-git-dir'])).trim();
  const index = join(gitDir, `swa-index-${process.pid}`);
  const env = { ...process.env, GIT_INDEX_FILE: index };
  try {
    await run(cwd, ['read-tree', parent], env);
    if (files.length > 0) await run(cwd, ['add', '--', ...files], env);
    const tree = (await run(cwd, ['write-tree'], env)).trim();
    return (await run(cwd, ['commit-tree', tree, '-p', parent, '-F', '-'], env, message)).trim();
  } finally {
    await rm(index, { force: true });
  }
}

/** An empty commit (same tree) on top of `parent`: a rejection note or a sign-off request. */
export async function emptyCommitOn(cwd: string, parent: string, message: string): Promise<string> {
  return (await run(cwd, ['commit-tree', `${parent}^{tree}`, '-p', parent, '-F', '-'], process.env, message)).trim();
}

export async function moveBranch(git: SimpleGit, branch: string, to: string, from: string | null): Promise<void> {
  await git.raw(['update-ref', `refs/heads/${branch}`, to, ...(from ? [from] : ['0'.repeat(40)])]);
}

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  return gitProcess(cwd, args, { env, input }).then(
    (out) => out.toString(),
    (error: Error) => {
      throw new CommandError(error.message);
    },
  );
}
