import { gitProcess } from '../git.ts';
import { approvedFiles } from './approval-scope.ts';
import type { BlobAt } from './blob-at.ts';
import type { Approval } from './ledger.ts';

/**
 * A-STALE-HEAD in the merge itself: the approvals whose merge commit left a file it approves
 * otherwise than the merged head had it (the approver's own edit, made while merging, would pass
 * as reviewed). Asked only of merges that did not keep their head's tree. Each version is told
 * by its object id, from the history read (`blobAt`); the few it cannot tell are asked of git in
 * ONE `git cat-file --batch-check`, which names the object of each `<commit>:<path>` without reading it.
 */
export async function rewrittenInMerge(cwd: string, approvals: readonly Approval[], blobAt: BlobAt): Promise<Set<string>> {
  const rewritten = new Set<string>();
  const unknown: { sha: string; merged: string; head: string }[] = [];
  for (const approval of approvals) {
    if (approval.keepsHeadTree) continue;
    for (const file of approvedFiles(approval)) {
      const merged = blobAt(approval.sha, file);
      const head = blobAt(approval.mergedHead, file);
      if (merged === undefined || head === undefined) unknown.push({ sha: approval.sha, merged: `${approval.sha}:${file}`, head: `${approval.mergedHead}:${file}` });
      else if (merged !== head) rewritten.add(approval.sha);
    }
  }
  if (unknown.length === 0) return rewritten;
  const specs = unknown.flatMap((p) => [p.merged, p.head]);
  const out = (await gitProcess(cwd, ['cat-file', '--batch-check'], { input: `${specs.join('\n')}\n` })).toString('utf8').split('\n');
  // One line per spec, in order: `<object> <type> <size>`, or `<spec> missing` for a file that is not there.
  const objectOf = new Map(specs.map((spec, i) => [spec, out[i]?.endsWith(' missing') ? null : out[i]?.split(' ')[0]]));
  for (const p of unknown) if (objectOf.get(p.merged) !== objectOf.get(p.head)) rewritten.add(p.sha);
  return rewritten;
}
