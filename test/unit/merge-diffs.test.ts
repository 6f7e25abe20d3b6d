import { describe, expect, it } from 'vitest';
import { addedLines, type Commit, type FileChange } from '../../src/ledger/commit.ts';
import { mergeDiffInput, mergesToDiff, withMergeChanges } from '../../src/ledger/merge-diffs.ts';

const who = { name: '测试', email: 't@example.org', date: '2026-03-02T10:00:00+08:00' };
const change = (path: string, line: string): FileChange => ({ path, status: 'added', hunks: Buffer.from(`@@ -0,0 +1 @@\n+${line}\n`) });
const commit = (sha: string, parents: string[], tree: string, changes: FileChange[] = []): Commit => ({
  sha,
  parents,
  tree,
  author: who,
  committer: who,
  refs: [],
  message: sha,
  changes,
});

describe('merge diffs', () => {
  const base = commit('m0', [], 't0');
  const branch = commit('b1', ['m0'], 't1', [change('content/cases/2026/0001.md', 'id: cases/2026-0001')]);

  it('takes a plain approval merge\'s changes from its branch commit, without asking git', () => {
    const merge = commit('m1', ['m0', 'b1'], 't1');
    expect(mergesToDiff([merge, branch, base])).toEqual([]);
    expect(withMergeChanges([merge, branch, base], '')[0]?.changes).toEqual(branch.changes);
  });

  it('diffs a merge whose branch was cut from an older main, or whose tree is not the branch\'s', () => {
    const moved = commit('m2', ['m1', 'b1'], 't2');
    const evil = commit('m1', ['m0', 'b1'], 't9');
    expect(mergesToDiff([moved, evil, branch, base]).map((c) => c.sha)).toEqual(['m2', 'm1']);
    expect(mergeDiffInput([moved])).toBe('m2 m1\n');
    const diffed = '\x1em2\x1f\ndiff --git a/cases/2026/0002.md b/cases/2026/0002.md\n--- a/cases/2026/0002.md\n+++ b/cases/2026/0002.md\n@@ -1 +1 @@\n+title: 改\n';
    const [withChanges] = withMergeChanges([moved, branch, base], diffed);
    expect(withChanges?.changes).toEqual([{ path: 'content/cases/2026/0002.md', status: 'modified', hunks: Buffer.from('@@ -1 +1 @@\n+title: 改\n') }]);
    expect(addedLines(withChanges!.changes[0]!)).toEqual(['title: 改']);
  });

  it('gives a merge git found no difference in no changes', () => {
    const ours = commit('m3', ['m0', 'b1'], 't0');
    expect(withMergeChanges([ours, branch, base], '\x1em3\x1f\n')[0]?.changes).toEqual([]);
  });
});
