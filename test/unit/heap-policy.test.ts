import { describe, expect, it } from 'vitest';
import { collectGarbageNow } from '../../src/heap-policy.ts';

describe('collectGarbageNow', () => {
  it('collects what nothing holds any more, each time it is called', async () => {
    for (let round = 0; round < 2; round++) {
      const ref = (() => new WeakRef({ history: new Array(1000).fill(round) }))();
      // A WeakRef's target lives until the job that made it ends.
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbageNow();
      expect(ref.deref()).toBeUndefined();
    }
  });
});
