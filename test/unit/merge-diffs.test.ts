import { describe, expect, it } from 'vitest';
import { namesOnly, type Commit, type FileChange } from '../../src/ledger/commit.ts';
import { parseMergeChanges, withMergeChanges } from '../../src/ledger/merge-diffs.ts';

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

describe('merge changes', () => {
  const base = commit('m0', [], 't0');
  const branch = commit('b1', ['m0'], 't1', [change('content/cases/2026/0001.md', 'id: cases/2026-0001')]);

  it('takes a plain approval merge\'s changes from its branch commit, lines and all', () => {
    const merge = commit('m1', ['m0', 'b1'], 't1');
    expect(withMergeChanges([merge, branch, base], new Map())[0]?.changes).toEqual(branch.changes);
  });

  it('gives a merge whose branch was cut from an older main, or whose tree is not the branch\'s, the files git names', () => {
    const moved = commit('m2', ['m1', 'b1'], 't2');
    const evil = commit('m1', ['m0', 'b1'], 't9');
    const [a, b, zero] = ['a'.repeat(40), 'b'.repeat(40), '0'.repeat(40)];
    const changes = parseMergeChanges(
      `\x1em2\x1f\n\n:100644 100644 ${a} ${b} M\tcases/2026/0002.md\n:000000 100644 ${zero} ${a} A\tcases/2026/0003.md\n\x1em1\x1f\n\n:100644 000000 ${b} ${zero} D\tcases/2026/0001.md\n`,
    );
    const [withMoved, withEvil] = withMergeChanges([moved, evil, branch, base], changes);
    expect(withMoved?.changes).toEqual([
      { path: 'content/cases/2026/0002.md', status: 'modified', hunks: namesOnly, blob: b },
      { path: 'content/cases/2026/0003.md', status: 'added', hunks: namesOnly, blob: a },
    ]);
    expect(withEvil?.changes).toEqual([{ path: 'content/cases/2026/0001.md', status: 'deleted', hunks: namesOnly, blob: null }]);
  });

  it('reads a path as UTF-8 from the bytes, and skips lines that are not raw changes', () => {
    const id = 'c'.repeat(40);
    const changes = parseMergeChanges(Buffer.from(`\x1em4\x1f\n\n:100644 100644 ${'a'.repeat(40)} ${id} M\t附件/说明.md\nnot a change\n`));
    expect(changes.get('m4')).toEqual([{ path: 'content/附件/说明.md', status: 'modified', hunks: namesOnly, blob: id }]);
  });

  it('gives a merge git found no difference in no changes', () => {
    const ours = commit('m3', ['m0', 'b1'], 't0');
    expect(withMergeChanges([ours, branch, base], parseMergeChanges('\x1em3\x1f\n'))[0]?.changes).toEqual([]);
  });
});
