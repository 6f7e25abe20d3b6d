import { isPlainObject } from './walk.ts';

/**
 * Treats a field left blank in a template (null, "", [], or a section whose fields are all
 * blank) as absent, so a skeleton reads as "not filled in yet" rather than as wrong types.
 * Array items stay in place, so the positions of later items (and their line numbers) hold.
 */
export function pruneEmpty(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const pruned = value.map(pruneEmpty);
    if (pruned.every((item) => item === undefined)) return undefined;
    return pruned.map((item, index) => item ?? (isPlainObject(value[index]) ? {} : value[index]));
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
      .map(([key, field]) => [key, pruneEmpty(field)] as const)
      .filter(([, field]) => field !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}
