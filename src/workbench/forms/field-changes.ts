import { isDeepStrictEqual } from 'node:util';
import type { RecordKind } from '../../schemas/index.ts';
import { pruneEmpty } from '../../schemas/prune-empty.ts';
import { isPlainObject } from '../../schemas/walk.ts';
import { describeClientForm, describeRecordForm } from './describe-form.ts';
import type { FormField } from './form-types.ts';
import { rowFieldName, valueAt } from './form-values.ts';

export interface FieldChange {
  /** The field's html name ("intake.date", "sessions.2.summary"), or the row's ("sessions.3") for a row added or removed. */
  name: string;
  /** Its Chinese label, with the row ("个案记录表 第3项 › 服务内容"). */
  label: string;
  before?: unknown;
  after?: unknown;
  change: 'changed' | 'added' | 'removed';
  /** The row's index (0-based; the label counts from 1): in the new list, or in the old one for a removed row. */
  row?: number;
  /** For a row added or removed: its filled-in fields, labelled. */
  fields?: { name: string; label: string; value: unknown }[];
}

/**
 * What changed between two versions of a record, field by field in the order of its forms.
 * Rows of a list are matched by content, so a row inserted or removed anywhere shows as that
 * one row, and a row edited in place as its changed fields. The client's personal data is
 * compared when both versions hold it decrypted; a sealed block that changed is one change
 * without values (the armor means nothing to a reader).
 */
export function fieldChanges(kind: RecordKind, before: unknown, after: unknown): FieldChange[] {
  const client = describeClientForm(kind);
  const changes = describeRecordForm(kind).flatMap((section) => section.fields.flatMap((field) => changesOf(field, before, after)));
  if (!client) return changes;
  const [old, now] = [valueAt(before, ['client']), valueAt(after, ['client'])];
  const readable = (value: unknown) => value === undefined || isPlainObject(value);
  if (readable(old) && readable(now)) return [...changes, ...client.fields.flatMap((field) => changesOf(field, before, after))];
  if (isDeepStrictEqual(old, now)) return changes;
  return [...changes, { name: 'client', label: client.label, change: 'changed' }];
}

/** Blank values (null, "", [], a form of blanks) are no value: a template's blank is not a change. */
const normal = (value: unknown): unknown => {
  const pruned = pruneEmpty(value);
  return pruned instanceof Date ? pruned.toISOString().slice(0, 10) : pruned;
};

function changesOf(field: FormField, before: unknown, after: unknown): FieldChange[] {
  if (field.row) return rowChanges(field, valueAt(before, field.path), valueAt(after, field.path));
  return valueChange(field.name, field.label, valueAt(before, field.path), valueAt(after, field.path));
}

function valueChange(name: string, label: string, before: unknown, after: unknown, row?: number): FieldChange[] {
  const [old, now] = [normal(before), normal(after)];
  if (isDeepStrictEqual(old, now)) return [];
  const change = old === undefined ? 'added' : now === undefined ? 'removed' : 'changed';
  return [{ name, label, change, ...(old === undefined ? {} : { before: old }), ...(now === undefined ? {} : { after: now }), ...(row === undefined ? {} : { row }) }];
}

function rowChanges(field: FormField, before: unknown, after: unknown): FieldChange[] {
  const old = Array.isArray(before) ? before.map(normal) : [];
  const now = Array.isArray(after) ? after.map(normal) : [];
  const rowLabel = (index: number) => `${field.label} 第${index + 1}项`;
  const whole = (index: number, value: unknown, change: 'added' | 'removed'): FieldChange => ({
    name: rowFieldName(field.name, index, ''),
    label: rowLabel(index),
    change,
    row: index,
    ...(change === 'added' ? { after: value } : { before: value }),
    fields: (field.row ?? []).flatMap((sub) => {
      const shown = normal(valueAt(value, sub.path));
      return shown === undefined ? [] : [{ name: sub.name, label: sub.label, value: shown }];
    }),
  });
  const subs = field.row ?? [];
  // A row the same as before outweighs any that only shares some fields with it.
  const likeness = (a: unknown, b: unknown): number =>
    isDeepStrictEqual(a, b) ? subs.length + 1 : subs.filter((sub) => valueAt(a, sub.path) !== undefined && isDeepStrictEqual(valueAt(a, sub.path), valueAt(b, sub.path))).length;
  return alignRows(old, now, likeness).flatMap(([i, j]): FieldChange[] => {
    if (j === undefined) return [whole(i as number, old[i as number], 'removed')];
    if (i === undefined) return [whole(j, now[j], 'added')];
    return subs.flatMap((sub) => {
      const label = sub.name === '' ? rowLabel(j) : `${rowLabel(j)} › ${sub.label}`;
      return valueChange(rowFieldName(field.name, j, sub.name), label, valueAt(old[i], sub.path), valueAt(now[j], sub.path), j);
    });
  });
}

/**
 * The rows of two lists in order, each old row paired with the new row it most resembles (by
 * `likeness`: how many fields they share) or left alone as removed, each new row left alone as
 * added. A row is paired only with one it shares something with; the pairing that shares most
 * wins (a weighted longest common subsequence).
 */
function alignRows(old: readonly unknown[], now: readonly unknown[], likeness: (a: unknown, b: unknown) => number): [number | undefined, number | undefined][] {
  // Rows the same at both ends pair up as they are; the table is built only for the middle, where a list was edited.
  let head = 0;
  while (head < old.length && head < now.length && isDeepStrictEqual(old[head], now[head])) head++;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && isDeepStrictEqual(old[old.length - 1 - tail], now[now.length - 1 - tail])) tail++;
  const middle = alignMiddle(old.slice(head, old.length - tail), now.slice(head, now.length - tail), likeness);
  const shift = (index: number | undefined) => (index === undefined ? undefined : index + head);
  return [
    ...Array.from({ length: head }, (_, i): [number, number] => [i, i]),
    ...middle.map(([a, b]): [number | undefined, number | undefined] => [shift(a), shift(b)]),
    ...Array.from({ length: tail }, (_, i): [number, number] => [old.length - tail + i, now.length - tail + i]),
  ];
}

function alignMiddle(old: readonly unknown[], now: readonly unknown[], likeness: (a: unknown, b: unknown) => number): [number | undefined, number | undefined][] {
  const best = Array.from({ length: old.length + 1 }, () => new Array<number>(now.length + 1).fill(0));
  const at = (a: number, b: number): number => (best[a] as number[])[b] as number;
  const pairScore = (a: number, b: number): number => {
    const score = likeness(old[a], now[b]);
    return score > 0 ? score + at(a + 1, b + 1) : -1;
  };
  for (let a = old.length - 1; a >= 0; a--) {
    for (let b = now.length - 1; b >= 0; b--) (best[a] as number[])[b] = Math.max(at(a + 1, b), at(a, b + 1), pairScore(a, b));
  }
  const steps: [number | undefined, number | undefined][] = [];
  let [a, b] = [0, 0];
  while (a < old.length || b < now.length) {
    if (a < old.length && b < now.length && pairScore(a, b) === at(a, b)) steps.push([a++, b++]);
    else if (a < old.length && (b === now.length || at(a + 1, b) === at(a, b))) steps.push([a++, undefined]);
    else steps.push([undefined, b++]);
  }
  return steps;
}
