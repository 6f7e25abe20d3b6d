import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, CORE_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { keyLines } from '../../src/records/key-lines.ts';
import { lineLocator, treeLocator } from '../../src/records/line-locator.ts';
import type { PathSegment } from '../../src/records/parse-yaml.ts';
import { repoRoot } from '../helpers/run-swa.ts';

/** Every path in a parsed value, each followed by one that does not exist below it. */
function pathsOf(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = [prefix, [...prefix, 'no-such-key'], [...prefix, 999]];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) paths.push(...pathsOf(child, [...prefix, key]));
  return paths;
}

function frontmatterOf(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  return text.slice(4, text.indexOf('\n---', 4) + 1);
}

const recordFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
    .map((entry) => join(entry.parentPath, entry.name));

/** Both locators agree on every path of `yaml`; the quick one took it (did not step aside) when `quick`. */
function expectSameLines(yaml: string, quick: boolean) {
  expect(keyLines(yaml, 2) !== null, 'taken by the one-pass reader').toBe(quick);
  const fast = lineLocator(yaml, 2);
  const tree = treeLocator(yaml, 2);
  for (const path of pathsOf(load(yaml, { schema: CORE_SCHEMA }))) expect(fast(path), JSON.stringify(path)).toBe(tree(path));
}

describe('keyLines: the one-pass line finder', () => {
  const samples = [...recordFiles(join(repoRoot, 'content')), ...recordFiles(join(repoRoot, 'test/fixtures/archive/content'))];

  it('gives every key of every sample and fixture record the line the syntax tree gives it', () => {
    expect(samples.length).toBeGreaterThan(30);
    let quick = 0;
    for (const file of samples) {
      const yaml = frontmatterOf(file);
      if (keyLines(yaml, 2)) quick++;
      const fast = lineLocator(yaml, 2);
      const tree = treeLocator(yaml, 2);
      for (const path of pathsOf(load(yaml, { schema: CORE_SCHEMA }))) expect(fast(path), `${file} ${JSON.stringify(path)}`).toBe(tree(path));
    }
    // The shortcut is worth having only if the records the templates write take it.
    expect(quick).toBe(samples.length);
  });

  it.each([
    ['nested block mappings and sequences', 'a: 1\nb:\n  c: 2\n  d:\n    - x\n    - y: 1\n      z: 2\ne: 3\n'],
    ['a sequence at its key\'s column', 'a:\n- 1\n- k: v\n  w: 2\nb: 3\n'],
    ['flow values on one line, comments and blank lines', '# note\na: { b: 1, c: [1, 2] }  # c\n\nd:\n  - { e: "x, y", f: \'it\'\'s\' }\n'],
    ['block and plain scalars over several lines', 'a: |\n  line: one\n  - two\nb: plain\n  continued here\nc: >-\n  folded\nd: 4\n'],
    ['quoted keys', '"a b": 1\n\'c\': 2\nd:\n  "e:f": 3\n'],
  ])('%s', (_what, yaml) => expectSameLines(yaml, true));

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a flow mapping over two lines', 'a: { b: 1,\n  c: 2 }\nd: 3\n'],
    ['a quoted scalar over two lines', 'a: "one\n  two"\nb: 3\n'],
    ['a bare dash', 'a:\n  -\n    b: 1\n'],
    ['a nested dash on one line', 'a:\n  - - 1\n    - 2\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a tab', 'a: x\ty\nb: 1\n'],
    ['a tag', 'a: !!str 1\n'],
  ])('steps aside from %s, and the syntax tree answers', (_what, yaml) => expectSameLines(yaml, false));
});
