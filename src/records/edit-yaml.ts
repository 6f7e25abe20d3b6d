import { isMap, isScalar, parseDocument, stringify, type Node } from 'yaml';

type Path = readonly (string | number)[];

/**
 * Sets a scalar in a YAML file by editing only the characters of that value (or adding one line),
 * so the rest of the file keeps its formatting and comments. The parent mapping must exist and
 * be in block style. Pure.
 */
export function setScalar(text: string, path: Path, value: string): string {
  const doc = parseDocument(text);
  const rendered = stringify(value, { lineWidth: 0 }).trimEnd();
  const existing = doc.getIn(path, true) as Node | undefined;
  if (existing && isScalar(existing) && existing.range) {
    const [start, end] = existing.range;
    return text.slice(0, start) + rendered + text.slice(end);
  }
  const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  if (!parent || !isMap(parent) || parent.flow || !parent.range) throw new Error(`no block mapping at ${path.slice(0, -1).join('.')}`);
  const firstKey = parent.items[0]?.key as Node | undefined;
  const keyStart = firstKey?.range?.[0] ?? parent.range[0];
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const insertAt = lineEnd(text, parent.range[1] - 1);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `${' '.repeat(indent)}${String(path.at(-1))}: ${rendered}`;
  return `${text.slice(0, insertAt)}${text.slice(0, insertAt).endsWith('\n') ? '' : newline}${line}${newline}${text.slice(insertAt).replace(/^\r?\n/, '')}`;
}

/** Removes `key: value` (and only its lines) from a block mapping. Pure. */
export function deleteKey(text: string, path: Path): string {
  const doc = parseDocument(text);
  const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  if (!parent || !isMap(parent)) return text;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1));
  const keyRange = (pair?.key as Node | undefined)?.range;
  const valueRange = (pair?.value as Node | undefined)?.range;
  if (!keyRange || !valueRange) return text;
  const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const to = lineEnd(text, valueRange[1] - 1);
  // The first key of a sequence item shares its line with the "- ": that marker stays.
  if (text.slice(lineStart, keyRange[0]).includes('-')) return text.slice(0, keyRange[0]).trimEnd() + text.slice(to - (text[to - 2] === '\r' ? 2 : 1));
  return text.slice(0, lineStart) + text.slice(to).replace(/^\r?\n/, '');
}

/** The offset just past the end of the line holding `offset` (its newline included). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(offset, 0));
  return newline < 0 ? text.length : newline + 1;
}
