import { CommandError } from '../errors.ts';
import type { Commit } from './commit.ts';

/**
 * The log swa reads separates commits and fields with the control characters 0x1E and 0x1F. A
 * commit message or a file under content/ may carry them too, and then seems to start a commit of
 * its own, taking over the changes that follow (a direct push hidden this way looked unchanged).
 * git never lists a commit twice nor one its tips cannot reach: such a commit was made up by the
 * bytes of the one parsed just before it. Throws, naming that commit. `bySha`: the same commits by id.
 */
export function refuseMadeUpCommits(commits: readonly Commit[], bySha: ReadonlyMap<string, Commit>, tips: readonly string[]): void {
  const reachable = new Set<string>();
  for (const stack = [...tips]; stack.length > 0; ) {
    const commit = bySha.get(stack.pop() as string);
    if (!commit || reachable.has(commit.sha)) continue;
    reachable.add(commit.sha);
    for (const parent of commit.parents) stack.push(parent);
  }
  // The reachable commits are some of those listed: as many as were listed, each was listed once.
  if (reachable.size === commits.length) return;
  const listed = new Set<string>();
  commits.forEach((commit, index) => {
    if (reachable.has(commit.sha) && !listed.has(commit.sha)) return void listed.add(commit.sha);
    const carrier = (commits[index - 1] ?? commit).sha.slice(0, 8);
    throw new CommandError(`git 历史无法可靠读取：提交 ${carrier} 的说明或 content/ 下的文件含有控制字符 0x1E 或 0x1F（swa 读取 git log 所用的分隔符），在日志中冒充了一个仓库里没有的提交；请检查这个提交`);
  });
}
