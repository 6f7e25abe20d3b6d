import { describe, expect, it } from 'vitest';
import { addedLines } from '../../src/ledger/commit.ts';
import { parseLog } from '../../src/ledger/parse-log.ts';
import { parseHostMerge, parseTrailers } from '../../src/ledger/trailers.ts';

describe('trailers', () => {
  it('reads the last paragraph when every line is Key: value', () => {
    const trailers = parseTrailers('Approve cases/2026-0001: intake\n\nSome text.\n\nRecord: cases/2026-0001\nStage: intake\nApproved-by: S04');
    expect(Object.fromEntries(trailers)).toEqual({ record: ['cases/2026-0001'], stage: ['intake'], 'approved-by': ['S04'] });
  });

  it('ignores a last paragraph that is prose, and a message of one paragraph', () => {
    expect(parseTrailers('Subject\n\nRecord: cases/2026-0001\nthis line is prose').size).toBe(0);
    expect(parseTrailers('Record: cases/2026-0001').size).toBe(0);
  });
});

describe('host merge messages', () => {
  it.each([
    ['Merge pull request #12 from chen-yh/submit/cases/2026-0001', 'github'],
    ["Merge pull request '测试个案' (#3) from submit/cases/2026-0001 into main", 'gitea'],
    ["Merge branch 'submit/cases/2026-0001' into 'main'\n\nSee merge request mingxi/archive!4", 'gitlab'],
  ])('%s', (message, host) => {
    expect(parseHostMerge(message)).toEqual({ host, branch: 'submit/cases/2026-0001' });
  });

  it('a local merge message is no host merge', () => {
    expect(parseHostMerge("Merge branch 'submit/cases/2026-0001'")).toBeNull();
  });
});

describe('parseLog', () => {
  it('reads identities, the message and the lines added under content/ (refs come from the repository, not the log)', () => {
    const raw = [
      '\x1eabc\x1fp1 p2\x1ftree1\x1f陈一禾\x1fchen.yh@mingxi.example\x1f2026-03-02T10:00:00+08:00\x1f许慕言\x1fxu.my@mingxi.example\x1f2026-03-03T16:00:00+08:00\x1fApprove\n\nRecord: cases/2026-0001\n\x1f',
      '\ndiff --git a/cases/2026/0001.md b/cases/2026/0001.md\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/cases/2026/0001.md\n@@ -0,0 +1,2 @@\n+---\n+id: cases/2026-0001\n',
    ].join('');
    expect(parseLog(raw)).toEqual([
      {
        sha: 'abc',
        parents: ['p1', 'p2'],
        tree: 'tree1',
        author: { name: '陈一禾', email: 'chen.yh@mingxi.example', date: '2026-03-02T10:00:00+08:00' },
        committer: { name: '许慕言', email: 'xu.my@mingxi.example', date: '2026-03-03T16:00:00+08:00' },
        refs: [],
        message: 'Approve\n\nRecord: cases/2026-0001',
        changes: [{ path: 'content/cases/2026/0001.md', status: 'added', hunks: Buffer.from('@@ -0,0 +1,2 @@\n+---\n+id: cases/2026-0001\n'), blob: '1111111' }],
      },
    ]);
    expect(addedLines(parseLog(raw)[0]!.changes[0]!)).toEqual(['---', 'id: cases/2026-0001']);
  });

  it('splits files at their diff --git line only, never at an added line that says the same, and reads deletions', () => {
    const raw = [
      '\x1eabc\x1fp1\x1ftree1\x1fa\x1fa@x\x1f2026-03-02T10:00:00+08:00\x1fa\x1fa@x\x1f2026-03-02T10:00:00+08:00\x1fEdit\n\x1f',
      '\ndiff --git a/cases/2026/0001.md b/cases/2026/0001.md\nindex 1111111..2222222 100644\n--- a/cases/2026/0001.md\n+++ b/cases/2026/0001.md\n@@ -3 +3,2 @@\n-old\n+diff --git a/x b/x\n+new\n',
      'diff --git a/cases/2026/0002.md b/cases/2026/0002.md\ndeleted file mode 100644\nindex 3333333..0000000\n--- a/cases/2026/0002.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n',
    ].join('');
    const [commit] = parseLog(raw);
    expect(commit?.changes.map((c) => [c.path, c.status, addedLines(c), c.blob])).toEqual([
      ['content/cases/2026/0001.md', 'modified', ['diff --git a/x b/x', 'new'], '2222222'],
      ['content/cases/2026/0002.md', 'deleted', [], null],
    ]);
  });
});

describe('addedLines', () => {
  it('leaves out the lines of an encrypted block and keeps every other added line', () => {
    const lines = [
      '+client: |',
      '+  -----BEGIN AGE ENCRYPTED FILE-----',
      '+  YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBKQWU4bmVoMjZNRXB2Uk5R',
      '+  ZBQatBCEX5ubbmYUsXsz+A==',
      // A record committed with Windows line ends.
      '+  N2hydEhvQVM4MzNzaFBBS1djenM0YmpTWlQ4CnpIQmpaRTdEZXE2R1hhUSs2ZWcz\r',
      '+  -----END AGE ENCRYPTED FILE-----',
      '-  YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBKQWU4bmVoMjZNRXB2Uk5R',
      '+  short+A==',
      '+summary: 来访者 YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0',
      '+title: 测试',
    ];
    const change = { path: 'content/cases/2026/0001.md', status: 'modified' as const, hunks: Buffer.from(`@@ -1 +1,9 @@\n${lines.join('\n')}\n`) };
    expect(addedLines(change)).toEqual(['client: |', '  short+A==', 'summary: 来访者 YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0', 'title: 测试']);
  });
});
