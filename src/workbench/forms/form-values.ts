import { isPlainObject } from '../../schemas/walk.ts';

/** The value at `path` inside a record's data, or undefined. */
export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(current) : !isPlainObject(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** The html name of a row's field: "sessions" + 3 + "date" → "sessions.3.date"; a plain list's value has no name of its own. */
export const rowFieldName = (rows: string, index: number | string, field: string): string =>
  field === '' ? `${rows}.${index}` : `${rows}.${index}.${field}`;

/** A scalar as an input shows it. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
