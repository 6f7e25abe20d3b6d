import { isPlainObject } from './walk.ts';

/**
 * Treats a field left blank in a template (null, "", [], or a section whose fields are all
 * blank) as absent, so a skeleton reads as "not filled in yet" rather than as wrong types.
 * Array items stay in place, so the positions of later items (and their line numbers) hold.
 */
export function pruneEmpty(value: unknown): unknown {
  // A filled-in record has nothing blank: it is passed on as it is, with no copy made.
  return holdsBlank(value) ? pruned(value) : value;
}

function pruned(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return isBlank(value) ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(pruned);
    if (items.every((item) => item === undefined)) return undefined;
    return items.map((item, index) => item ?? (isPlainObject(value[index]) ? {} : value[index]));
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
      .map(([key, field]) => [key, pruned(field)] as const)
      .filter(([, field]) => field !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

// A test for any non-blank character, not a trim: a sealed block ends in a newline, and trimming
// it would copy the whole block.
const nonBlank = /\S/;
const isBlank = (text: string): boolean => !nonBlank.test(text);

/** Whether `value` is blank or holds a blank anywhere: what `pruned` would change. */
function holdsBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return isBlank(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return true;
    for (const item of value) if (holdsBlank(item)) return true;
    return false;
  }
  if (isPlainObject(value)) {
    let fields = 0;
    for (const key in value) {
      fields++;
      if (holdsBlank(value[key])) return true;
    }
    return fields === 0;
  }
  return false;
}
