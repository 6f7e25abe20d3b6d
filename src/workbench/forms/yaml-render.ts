import { stringify, type Node } from 'yaml';
import { isPlainObject } from '../../schemas/walk.ts';

// How form values are written as YAML text, in the style of the text around them.

/** A scalar on one line; quoted where the context (a flow collection) needs it. */
export function renderScalar(value: unknown, flow: boolean): string {
  if (typeof value === 'string' && value.includes('\n')) return JSON.stringify(value);
  return stringify(value, { lineWidth: 0, collectionStyle: flow ? 'flow' : 'block' }).trimEnd();
}

/**
 * A value on one line: scalars as they are, collections in flow style, padded inside their
 * brackets or not as the collection it replaces was (JSON, which YAML reads, when a string runs over lines).
 */
export function renderInline(value: unknown, padding = true): string {
  const rendered = stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: padding }).trimEnd();
  return rendered.includes('\n') ? JSON.stringify(value) : rendered;
}

/** Whether a flow collection in the text is written `{ a }` rather than `{a}`. */
export const padded = (text: string, node: unknown): boolean => {
  const start = (node as Node | null)?.range?.[0];
  return start === undefined || /^[[{]\s/.test(text.slice(start, start + 2)) || /^(?:\[\]|\{\})/.test(text.slice(start, start + 2));
};

/** A collection in block style, its lines indented by `indent`. */
export function renderBlock(value: unknown, indent: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd().split('\n').map((line) => `${indent}${line}`).join('\n');
}

/** `key: value` over lines (a collection, a multi-line text as a block scalar): the first line after `head`, the rest at `column` + 2. */
export function renderPairLines(key: string, value: unknown, head: string, column: number, comment: string): string {
  const [first, ...rest] = stringify({ [key]: value }, { lineWidth: 0 }).trimEnd().split('\n');
  return [`${head}${first as string}${comment}`, ...rest.map((line) => `${' '.repeat(column)}${line}`)].join('\n');
}

/** A value written on its key's line: a scalar, or a collection in flow style. */
export function renderValue(value: unknown, padding: boolean): string {
  if (!isPlainObject(value) && !Array.isArray(value)) return renderScalar(value, false);
  return renderInline(value, padding);
}
