/** Items by key, in their order; an item under several keys is listed once under each. Linear. */
export function groupBy<T>(items: Iterable<T>, keysOf: (item: T) => Iterable<string | null | undefined>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    // An item's keys told apart without a Set per item: most items have one key (an approval, a note).
    let first: string | undefined;
    let more: Set<string> | undefined;
    for (const key of keysOf(item)) {
      if (!key || key === first || more?.has(key)) continue;
      if (first === undefined) first = key;
      else (more ??= new Set()).add(key);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** Items by their one key, in their order (groupBy without a list of keys per item: a hundred thousand approvals are indexed so). */
export function groupByKey<T>(items: readonly T[], keyOf: (item: T) => string | null | undefined): Map<string, T[]> {
  return groupAt(items, keyOf, (item) => item);
}

/** Where the items of each key stand in `items`, in their order (see groupByKey). */
export function placesByKey<T>(items: readonly T[], keyOf: (item: T) => string | null | undefined): Map<string, number[]> {
  return groupAt(items, keyOf, (_, at) => at);
}

function groupAt<T, V>(items: readonly T[], keyOf: (item: T) => string | null | undefined, valueOf: (item: T, at: number) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (let at = 0; at < items.length; at++) {
    const item = items[at] as T;
    const key = keyOf(item);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(valueOf(item, at));
    else groups.set(key, [valueOf(item, at)]);
  }
  return groups;
}

/** A value worked out once per object (a ledger, a context) and kept as long as the object lives. */
export function memoisedPer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = build(key);
    values.set(key, value);
    return value;
  };
}
