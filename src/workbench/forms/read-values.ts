import type { FormField, FormSection } from './form-types.ts';
import { basicSectionKey, listOf } from './describe-form.ts';
import { rowFieldName } from './form-values.ts';

export type FormBody = Record<string, string | string[]>;

/** A field the post does not name: left out of the values, so that the file keeps what it holds there. */
const absent = Symbol('absent');
type Read = unknown | typeof absent;

/**
 * The typed values of a form post, by top-level key of the record: dates as YYYY-MM-DD strings,
 * numbers as numbers, checkboxes and yes/no choices as booleans, rows in index order.
 * - A field posted empty is present with the value undefined (a form posted wholly empty too):
 *   applyFormValues removes what the file held there. Empty rows are dropped.
 * - A field the post does not name at all is left out (a page that shows one form of a record
 *   posts only that form's fields). Checkboxes and lists post a marker of their own (a hidden
 *   input named after them), so an unchecked box or a list with every row removed is still named.
 * - A value that does not read as its type (a number field holding "abc") is kept as text, for
 *   the schema to report.
 */
export function readFormValues(sections: readonly FormSection[], body: FormBody): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const put = (key: string, value: Read) => {
    if (value !== absent) values[key] = value;
  };
  for (const section of sections) {
    if (section.key === basicSectionKey) {
      for (const field of section.fields) put(field.name, readField(field, field.name, body));
      continue;
    }
    const only = listOf(section);
    if (only) put(section.key, readRows(only, only.name, body, []));
    else put(section.key, assemble(section.fields.map((field) => [field.path.slice(1), readField(field, field.name, body)])));
  }
  return values;
}

function readField(field: FormField, name: string, body: FormBody): Read {
  if (field.row) return readRows(field, name, body, undefined);
  const raw = body[name];
  if (raw === undefined) return absent;
  // A checkbox posts its marker (empty) and, when checked, its value: the last one given counts.
  const text = (Array.isArray(raw) ? (raw.findLast((value) => value !== '') ?? '') : raw).replace(/\r\n?/g, '\n').trim();
  if (text === '') return undefined;
  if (field.valueType === 'number') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  if (field.valueType === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/** The rows of a list in index order; `none` when the post names the list but no row has anything in it. */
function readRows(field: FormField, name: string, body: FormBody, none: [] | undefined): Read {
  const prefix = `${name}.`;
  const indexes = new Set<number>();
  for (const key of Object.keys(body)) {
    if (!key.startsWith(prefix)) continue;
    const index = /^\d+/.exec(key.slice(prefix.length))?.[0];
    if (index !== undefined) indexes.add(Number(index));
  }
  if (indexes.size === 0 && body[name] === undefined) return absent;
  const rows = [...indexes]
    .sort((a, b) => a - b)
    .map((index) => assemble((field.row ?? []).map((sub) => [sub.path, readField(sub, rowFieldName(name, index, sub.name), body)])))
    .filter((row) => row !== undefined && row !== absent);
  return rows.length === 0 ? none : rows;
}

/**
 * An object from (path, value) pairs, absent ones left out; undefined when every field given is
 * empty, absent when none is given. A pair with an empty path is the value itself (a row of a plain list).
 */
function assemble(entries: [(string | number)[], Read][]): Read {
  if (entries.length === 1 && entries[0]?.[0].length === 0) return entries[0][1];
  const given = entries.filter(([, value]) => value !== absent);
  if (given.length === 0) return absent;
  if (given.every(([, value]) => value === undefined)) return undefined;
  const root: Record<string, unknown> = {};
  for (const [path, value] of given) {
    let node = root;
    for (const segment of path.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
    node[path.at(-1) as string] = value;
  }
  return collapse(root);
}

/** A nested object (a row's 转介回复) all of whose fields are empty is itself empty. */
function collapse(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([key, field]) => [key, collapse(field)] as const);
  return entries.every(([, field]) => field === undefined) ? undefined : Object.fromEntries(entries);
}
