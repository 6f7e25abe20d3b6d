import { describe, expect, it } from 'vitest';
import { groupBy, groupByKey, placesByKey } from '../../src/group-by.ts';

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

describe('groupByKey and placesByKey', () => {
  it('list each item, or its place, under its one key in the order of the items, and skip empty keys', () => {
    const items = [{ id: 'a', key: 'x' }, { id: 'b', key: null }, { id: 'c', key: 'y' }, { id: 'd', key: 'x' }, { id: 'e', key: '' }, { id: 'f', key: undefined }];
    expect([...groupByKey(items, (item) => item.key)].map(([key, group]) => [key, group.map((item) => item.id)])).toEqual([
      ['x', ['a', 'd']],
      ['y', ['c']],
    ]);
    expect([...placesByKey(items, (item) => item.key)]).toEqual([
      ['x', [0, 3]],
      ['y', [2]],
    ]);
  });
});
