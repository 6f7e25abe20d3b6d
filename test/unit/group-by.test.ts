import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/group-by.ts';

describe('groupBy', () => {
  it('lists an item once under each of its keys, in the order of the items, and skips empty keys', () => {
    const items = [
      { id: 'a', keys: ['x'] },
      { id: 'b', keys: ['y', 'x', 'y', '', 'x', null] },
      { id: 'c', keys: [undefined, 'z', 'z'] },
      { id: 'd', keys: [] },
    ];
    const groups = groupBy(items, (item) => item.keys);
    expect([...groups].map(([key, group]) => [key, group.map((item) => item.id)])).toEqual([
      ['x', ['a', 'b']],
      ['y', ['b']],
      ['z', ['c']],
    ]);
  });
});
