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
