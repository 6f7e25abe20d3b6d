import { createHash } from 'node:crypto';

/** A deterministic stream of numbers in [0, 1) from a seed. */
export function random(seed: string): () => number {
  let counter = 0;
  return () => createHash('sha256').update(`${seed}:${counter++}`).digest().readUInt32BE(0) / 2 ** 32;
}
