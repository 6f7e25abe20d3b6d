import { describe, expect, it } from 'vitest';
import { blobsAt } from '../../src/ledger/blob-at.ts';
import { indexBySha, namesOnly, type Commit, type FileChange } from '../../src/ledger/commit.ts';

const who = { name: '测试', email: 't@example.org', date: '2026-03-02T10:00:00+08:00' };
const file = 'content/cases/2026/0001.md';
const other = 'content/cases/2026/0002.md';
const change = (path: string, blob: string | null | undefined, status: FileChange['status'] = 'modified'): FileChange => ({ path, status, hunks: namesOnly, ...(blob === undefined ? {} : { blob }) });
const commit = (sha: string, parents: string[], changes: FileChange[]): Commit => ({ sha, parents, tree: `t-${sha}`, author: who, committer: who, refs: [], message: sha, changes });

// main: m0 (adds both files) ← m1 (changes the file) ← m2 (merges b2, cut from m0, which changed the file) ← m3 (changes the other file only)
const m0 = commit('m0', [], [change(file, 'v0', 'added'), change(other, 'w0', 'added')]);
const m1 = commit('m1', ['m0'], [change(file, 'v1')]);
const b1 = commit('b1', ['m0'], [change(other, 'w1')]);
const b2 = commit('b2', ['b1'], [change(file, 'v2')]);
const m2 = commit('m2', ['m1', 'b2'], [change(file, 'v3'), change(other, 'w1')]);
const m3 = commit('m3', ['m2'], [change(other, 'w2')]);
const blobAt = blobsAt(indexBySha([m3, m2, b2, b1, m1, m0]), 'm3');

describe('a file\'s version at a commit, from the changes read', () => {
  it('on main, is what the nearest commit back that changed it left', () => {
    expect([blobAt('m0', file), blobAt('m1', file), blobAt('m2', file), blobAt('m3', file)]).toEqual(['v0', 'v1', 'v3', 'v3']);
    expect([blobAt('m1', other), blobAt('m3', other)]).toEqual(['w0', 'w2']);
  });

  it('off main, walks the branch back to where it left main', () => {
    expect([blobAt('b2', file), blobAt('b1', file), blobAt('b2', other)]).toEqual(['v2', 'v0', 'w1']);
  });

  it('cannot tell a file no commit changed, a deleted one, a change of mode alone, or an unknown commit', () => {
    const gone = commit('g1', ['m3'], [change(file, null, 'deleted'), change(other, undefined)]);
    const withGone = blobsAt(indexBySha([gone, m3, m2, b2, b1, m1, m0]), 'g1');
    expect([withGone('g1', file), withGone('g1', other), blobAt('m3', 'content/cases/2026/0003.md'), blobAt('x9', file)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
