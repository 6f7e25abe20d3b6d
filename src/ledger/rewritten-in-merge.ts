import { gitProcess } from '../git.ts';
import { approvedFiles } from './approval-scope.ts';
import type { Approval } from './ledger.ts';

/**
 * A-STALE-HEAD in the merge itself: the approvals whose merge commit left a file it approves
 * otherwise than the merged head had it (the approver's own edit, made while merging, would pass
 * as reviewed). Asked only of merges that did not keep their head's tree, through ONE
 * `git cat-file --batch-check`, which names the object of each `<commit>:<path>` without reading it.
 */
export async function rewrittenInMerge(cwd: string, approvals: readonly Approval[]): Promise<Set<string>> {
  const pairs = approvals.filter((a) => !a.keepsHeadTree).flatMap((a) => approvedFiles(a).map((file) => ({ sha: a.sha, merged: `${a.sha}:${file}`, head: `${a.mergedHead}:${file}` })));
  if (pairs.length === 0) return new Set();
  const specs = pairs.flatMap((p) => [p.merged, p.head]);
  const out = (await gitProcess(cwd, ['cat-file', '--batch-check'], { input: `${specs.join('\n')}\n` })).toString('utf8').split('\n');
  // One line per spec, in order: `<object> <type> <size>`, or `<spec> missing` for a file that is not there.
  const objectOf = new Map(specs.map((spec, i) => [spec, out[i]?.endsWith(' missing') ? null : out[i]?.split(' ')[0]]));
  return new Set(pairs.filter((p) => objectOf.get(p.merged) !== objectOf.get(p.head)).map((p) => p.sha));
}
