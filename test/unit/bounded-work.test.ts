import { describe, expect, it } from 'vitest';
import { BoundedWork } from '../../src/bounded-work.ts';

const later = <T>(ms: number, value: T, fail = false) => new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe('BoundedWork', () => {
  it('runs at most its limit at once and waits for all of them at drain', async () => {
    const work = new BoundedWork(3);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    for (let i = 0; i < 10; i++) {
      running++;
      most = Math.max(most, running);
      await work.add(
        later(5 + (i % 3), i).then((n) => {
          running--;
          done.push(n);
        }),
      );
    }
    await work.drain();
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('throws a failure at drain though nothing waited for it when it happened', async () => {
    const work = new BoundedWork(8);
    await work.add(later(1, 'first', true));
    await work.add(later(20, 'second'));
    await expect(work.drain()).rejects.toThrow('first');
  });

  it('throws a failure at the next add', async () => {
    const work = new BoundedWork(8);
    await work.add(later(1, 'broken', true));
    await later(10, null);
    await expect(work.add(later(1, 'next'))).rejects.toThrow('broken');
  });
});
