import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gitAt } from '../git.ts';

/**
 * The commits at which a shallow clone's history is cut off (its `shallow` file), or '' for a
 * complete clone: deepening or unshallowing changes the history without changing any tip. A
 * worktree's clone keeps the file in the main git directory.
 */
export function shallowBoundary(gitDir: string): string {
  const common = readOrEmpty(join(gitDir, 'commondir')).trim();
  return readOrEmpty(join(common ? resolve(gitDir, common) : gitDir, 'shallow'));
}

/** Whether the repository at `cwd` is a shallow clone, as git itself says; false where git cannot say. */
export async function isShallow(cwd: string): Promise<boolean> {
  const answer = await gitAt(cwd).revparse(['--is-shallow-repository']).catch(() => 'false');
  return answer.trim() === 'true';
}

export const shallowMessage =
  '仓库是浅克隆（shallow clone，例如 git clone --depth 1），main 的历史不完整，无法核对审批。请取回完整历史：CI 中设置 fetch-depth: 0（如 GitHub Actions 的 actions/checkout），本地运行 git fetch --unshallow';

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
