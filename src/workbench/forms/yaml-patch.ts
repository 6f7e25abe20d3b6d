import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { deleteKey, lineEnd } from '../../records/edit-yaml.ts';
import { pruneEmpty } from '../../schemas/prune-empty.ts';
import { isPlainObject } from '../../schemas/walk.ts';
import { padded, renderBlock, renderInline, renderPairLines, renderScalar, renderValue } from './yaml-render.ts';

type Path = (string | number)[];

/**
 * Writes `values` into the block mapping at `path` of a YAML text, editing only the characters
 * of what differs: a changed scalar in place, a new key after its predecessor in `values`' order,
 * rows appended to or cut from the end of a list, in the style of the rows already there. Every
 * comment and every untouched line stays as written. A key whose value is undefined is removed,
 * unless what it holds is blank already (a template's empty field stays). Pure.
 */
export function patchMapping(text: string, path: Path, values: Record<string, unknown>): string {
  const keys = Object.keys(values);
  // One parse to find what differs: a file is parsed again after each edit, so unchanged keys must cost nothing.
  const current = toJs(nodeAt(text, path));
  const changed = keys.filter((key) => differs(isPlainObject(current) ? current[key] : undefined, values[key]));
  // Removals last: a mapping emptied before a key is added to it would be no mapping any more.
  const order = [...changed.filter((key) => values[key] !== undefined), ...changed.filter((key) => values[key] === undefined)];
  return order.reduce((patched, key) => {
    const i = keys.indexOf(key);
    return patchValue(patched, [...path, key], values[key], keys.slice(0, i), keys.slice(i + 1));
  }, text);
}

const isBlank = (value: unknown): boolean => pruneEmpty(value) === undefined;

/** Whether writing `value` over `existing` changes anything: nothing (undefined) or a blank over a blank does not. */
function differs(existing: unknown, value: unknown): boolean {
  if (value === undefined || isBlank(value)) return !isBlank(existing);
  if (isPlainObject(value) && isPlainObject(existing)) return Object.keys(value).some((key) => differs(existing[key], value[key]));
  if (Array.isArray(value) && Array.isArray(existing)) return value.length !== existing.length || value.some((item, i) => differs(existing[i], item));
  return !isDeepStrictEqual(existing, value);
}

/** The last text parsed and its tree: the walk asks the same text for node after node until it edits it. Never modified. */
let parsed: { text: string; doc: Document } | undefined;
function nodeAt(text: string, path: Path): unknown {
  if (parsed?.text !== text) parsed = { text, doc: parseDocument(text) };
  return path.length === 0 ? parsed.doc.contents : parsed.doc.getIn(path, true);
}
const toJs = (node: unknown): unknown => (node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node);

function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair<Node, Node | null> | undefined;
}

function patchValue(text: string, path: Path, value: unknown, before: string[], after: string[]): string {
  const parent = nodeAt(text, path.slice(0, -1));
  if (!isMap(parent)) throw new Error(`no mapping at ${path.slice(0, -1).join('.')}`);
  const pair = pairOf(parent, path.at(-1) as string);
  if (!pair) return value === undefined || isBlank(value) ? text : insertPair(text, parent, path.at(-1) as string, value, before, after);
  const current = pair.value;
  const existing = toJs(current);
  if (value === undefined) return isBlank(existing) ? text : removePair(text, parent, pair, path);
  if (!differs(existing, value)) return text;
  if (isPlainObject(value) && isMap(current)) return patchMapping(text, path, value);
  if (Array.isArray(value) && value.length > 0 && isSeq(current) && !current.flow) return patchSequence(text, path, value);
  const multiline = typeof value === 'string' && value.includes('\n') && !parent.flow;
  if (!isPlainObject(value) && !Array.isArray(value) && !multiline && isScalar(current) && !isBlockScalar(current)) {
    return replaceScalar(text, parent.flow === true, pair, current, value);
  }
  return replacePairValue(text, parent, pair, value);
}

function patchSequence(text: string, path: Path, values: unknown[]): string {
  const current = toJs(nodeAt(text, path)) as unknown[];
  const count = current.length;
  let patched = text;
  for (let index = 0; index < Math.min(count, values.length); index++) {
    if (differs(current[index], values[index])) patched = patchItem(patched, [...path, index], values[index]);
  }
  if (values.length > count) patched = appendItems(patched, path, values.slice(count));
  if (values.length < count) patched = removeItems(patched, path, values.length);
  return patched;
}

function patchItem(text: string, path: Path, value: unknown): string {
  const item = nodeAt(text, path) as Node;
  if (isPlainObject(value) && isMap(item)) return patchMapping(text, path, value);
  const [start, end] = item.range as [number, number, number];
  const rendered = isPlainObject(value) || Array.isArray(value) ? renderInline(value, padded(text, item)) : renderScalar(value, false);
  return text.slice(0, start) + rendered + text.slice(end);
}

function isBlockScalar(node: Scalar): boolean {
  return node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

function replaceScalar(text: string, flow: boolean, pair: Pair<Node, Node | null>, node: Scalar, value: unknown): string {
  const [start, end] = node.range as [number, number, number];
  const rendered = renderScalar(value, flow);
  if (start !== end) return text.slice(0, start) + rendered + text.slice(end);
  // An empty value: its range sits where a comment or the line's end is; the value goes right after the colon.
  const colon = text.indexOf(':', (pair.key.range as [number, number, number])[1]);
  return `${text.slice(0, colon + 1)} ${rendered}${text.slice(colon + 1)}`;
}

/** Where a block mapping's pair ends: just past the line its value ends on. */
function pairEnd(text: string, pair: Pair<Node, Node | null>): number {
  const keyStart = (pair.key.range as [number, number, number])[0];
  const valueEnd = pair.value?.range?.[1] ?? (pair.key.range as [number, number, number])[1];
  return Math.max(lineEnd(text, keyStart), lineEnd(text, Math.max(valueEnd - 1, keyStart)));
}

/** Whether a value is written on its key's line (a scalar or a flow collection) rather than below it. */
function inline(value: unknown, current: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || (isSeq(current) && current.flow === true && current.items.length > 0);
  if (isPlainObject(value)) return Object.keys(value).length === 0 || (isMap(current) && current.flow === true);
  return !(typeof value === 'string' && value.includes('\n'));
}

function replacePairValue(text: string, parent: YAMLMap, pair: Pair<Node, Node | null>, value: unknown): string {
  const [keyStart, keyEnd] = pair.key.range as [number, number, number];
  const keyText = text.slice(keyStart, keyEnd);
  const valueRange = pair.value?.range ?? [keyEnd, keyEnd, keyEnd];
  if (parent.flow) return `${text.slice(0, keyStart)}${keyText}: ${renderInline(value, padded(text, pair.value))}${text.slice(valueRange[1])}`;
  const start = lineStart(text, keyStart);
  const keyLineEnd = lineEnd(text, keyStart);
  // The comment on the key's line (a template's label) stays on it.
  const rest = valueRange[0] < keyLineEnd && valueRange[1] <= keyLineEnd ? text.slice(valueRange[1], keyLineEnd) : text.slice(keyEnd, keyLineEnd).replace(/^[ \t]*:/, '');
  const comment = /^[ \t]*(#[^\n]*?)[ \t]*\n?$/.exec(rest)?.[1];
  const suffix = comment ? `  ${comment}` : '';
  const lines = inline(value, pair.value)
    ? `${text.slice(start, keyStart)}${keyText}: ${renderValue(value, padded(text, pair.value))}${suffix}\n`
    : `${renderPairLines(keyText, value, text.slice(start, keyStart), keyStart - start, suffix)}\n`;
  return text.slice(0, start) + lines + text.slice(pairEnd(text, pair));
}

function insertPair(text: string, parent: YAMLMap, key: string, value: unknown, before: string[], after: string[]): string {
  const previous = before.map((k) => pairOf(parent, k)).filter((p) => p !== undefined).at(-1);
  const next = after.map((k) => pairOf(parent, k)).find((p) => p !== undefined);
  if (parent.flow) {
    const entry = `${key}: ${renderInline(value, padded(text, parent))}`;
    const anchor = previous ?? (next ? undefined : parent.items.at(-1));
    if (anchor) {
      const end = (anchor.value as Node | null)?.range?.[1] ?? (anchor.key as Node).range?.[1] ?? 0;
      return `${text.slice(0, end)}, ${entry}${text.slice(end)}`;
    }
    if (next) {
      const start = (next.key as Node).range?.[0] ?? 0;
      return `${text.slice(0, start)}${entry}, ${text.slice(start)}`;
    }
    const [start, end] = parent.range as [number, number, number];
    return `${text.slice(0, start)}{ ${entry} }${text.slice(end)}`;
  }
  const firstKeyStart = (parent.items[0]?.key as Node).range?.[0] ?? 0;
  const indent = ' '.repeat(firstKeyStart - lineStart(text, firstKeyStart));
  const lines = inline(value, undefined) ? `${indent}${key}: ${renderValue(value, true)}\n` : `${renderPairLines(key, value, indent, indent.length, '')}\n`;
  // Before the next key only when it starts its line (the first key of a row shares its line with the "- ").
  const nextStart = next && (next.key as Node).range?.[0];
  const beforeNext = !previous && nextStart !== undefined && text.slice(lineStart(text, nextStart), nextStart).trim() === '';
  const at = beforeNext ? lineStart(text, nextStart as number) : pairEnd(text, (previous ?? parent.items.at(-1)) as Pair<Node, Node | null>);
  return text.slice(0, at) + (text.slice(0, at).endsWith('\n') || at === 0 ? '' : '\n') + lines + text.slice(at);
}

function removePair(text: string, parent: YAMLMap, pair: Pair<Node, Node | null>, path: Path): string {
  const index = parent.items.indexOf(pair as never);
  const keyStart = (pair.key.range as [number, number, number])[0];
  if (!parent.flow) {
    // The first key of a row shares its line with the "- ": the next key moves up to it.
    const nextKey = (parent.items[index + 1]?.key as Node | undefined)?.range?.[0];
    const onDashLine = text.slice(lineStart(text, keyStart), keyStart).trim() === '-';
    return onDashLine && nextKey !== undefined ? text.slice(0, keyStart) + text.slice(nextKey) : deleteKey(text, path);
  }
  const valueEnd = pair.value?.range?.[1] ?? (pair.key.range as [number, number, number])[1];
  const following = parent.items[index + 1];
  if (following) return text.slice(0, keyStart) + text.slice((following.key as Node).range?.[0] ?? valueEnd);
  const preceding = parent.items[index - 1];
  const from = preceding ? ((preceding.value as Node | null)?.range?.[1] ?? keyStart) : keyStart;
  return text.slice(0, from) + text.slice(valueEnd);
}

function appendItems(text: string, path: Path, items: unknown[]): string {
  const seq = nodeAt(text, path) as { items: Node[] };
  const last = seq.items.at(-1) as Node;
  const first = seq.items[0] as Node;
  const firstLine = text.slice(lineStart(text, first.range?.[0] ?? 0));
  const pad = ' '.repeat(firstLine.length - firstLine.trimStart().length);
  // New rows look like the rows above them: one line each where those are one line.
  const flowRows = isMap(last) && last.flow === true;
  const lines = items.map((item) => (flowRows ? `${pad}- ${renderInline(item, padded(text, last))}` : renderBlock([item], pad))).join('\n');
  const at = lineEnd(text, Math.max((last.range?.[1] ?? 1) - 1, 0));
  return `${text.slice(0, at)}${text.slice(0, at).endsWith('\n') ? '' : '\n'}${lines}\n${text.slice(at)}`;
}

function removeItems(text: string, path: Path, from: number): string {
  const seq = nodeAt(text, path) as { items: Node[] };
  const start = lineStart(text, (seq.items[from] as Node).range?.[0] ?? 0);
  const end = lineEnd(text, Math.max(((seq.items.at(-1) as Node).range?.[1] ?? 1) - 1, 0));
  return text.slice(0, start) + text.slice(end);
}
