/** A map made by `make` when it is first read: a hundred thousand entries nobody asks for are never made. */
export function madeWhenRead<K, V>(make: () => Map<K, V>): ReadonlyMap<K, V> {
  let made: Map<K, V> | undefined;
  const map = () => (made ??= make());
  return {
    get: (key) => map().get(key),
    has: (key) => map().has(key),
    get size() {
      return map().size;
    },
    forEach: (each, self) => map().forEach(each, self),
    entries: () => map().entries(),
    keys: () => map().keys(),
    values: () => map().values(),
    [Symbol.iterator]: () => map()[Symbol.iterator](),
  };
}
