import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { unknownKeys } from '../../src/schemas/walk.ts';

describe('unknownKeys', () => {
  const schema = z.object({ title: z.string(), sessions: z.array(z.object({ date: z.string() })).optional() });

  it('names each key the schema does not know, with its path, nested ones included', () => {
    const data = { title: 'x', titel: 'y', sessions: [{ date: '2026-03-02' }, { date: '2026-03-09', dat: 'z' }] };
    expect(unknownKeys(schema, data)).toEqual([['titel'], ['sessions', 1, 'dat']]);
  });

  it('names keys that only an object prototype has, such as constructor and toString', () => {
    expect(unknownKeys(schema, { title: 'x', constructor: 1, toString: 2 })).toEqual([['constructor'], ['toString']]);
  });
});
