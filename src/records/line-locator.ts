import type { Node } from 'yaml';
import { keyLines, lineIn } from './key-lines.ts';
import type { PathSegment } from './parse-yaml.ts';
import { yamlPackage } from './yaml-package.ts';

export type LineOf = (path: readonly PathSegment[]) => number;

/**
 * The line (1-based, in the file) of the key at `path`, or of its nearest existing ancestor.
 * Worked out only once a line is asked for (a finding, a history rule): in one pass over the
 * lines (keyLines), or, for a text that pass steps aside from, from the `yaml` package's syntax
 * tree, eight times slower. What was found is kept: holding every tree of a large archive costs
 * more than working it out twice, but a record asked for one line is asked for more.
 */
export function lineLocator(yamlText: string, firstLine: number): LineOf {
  let located: LineOf | undefined;
  return (path) => {
    if (located === undefined) {
      const quick = keyLines(yamlText, firstLine);
      located = quick ? (at) => lineIn(quick, at, firstLine) : treeLocator(yamlText, firstLine);
    }
    return located(path);
  };
}

/** The same answer from the `yaml` package's syntax tree, which reads any YAML. */
export function treeLocator(yamlText: string, firstLine: number): LineOf {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  return (path) => {
    let node: unknown = doc.contents;
    let line = firstLine;
    for (const segment of path) {
      const child = childNode(node, segment);
      if (!child) break;
      if (child.keyOffset !== undefined) line = lineAt(child.keyOffset);
      node = child.node;
    }
    return line;
  };
}

function childNode(node: unknown, segment: PathSegment): { node: unknown; keyOffset?: number } | null {
  const { isMap, isScalar, isSeq } = yamlPackage();
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
    if (!pair) return null;
    return { node: pair.value, keyOffset: (pair.key as Node).range?.[0] };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { node: item, keyOffset: item.range?.[0] } : null;
  }
  return null;
}
