import { createHash } from 'node:crypto';
import type { ArchiveRecord } from '../records/archive-record.ts';
import type { Finding } from './finding.ts';

/**
 * What the per-record rules found in a record before, recalled under a key made of the record's
 * file and text and everything else those rules read (`inputs`): a record unchanged since the
 * last check, under the same inputs, is not judged again. The lists are the findings of each
 * group of rules, in the order the caller runs them.
 */
export interface FindingsMemo {
  recall(record: ArchiveRecord, inputs: string): { found: Finding[][] | undefined; key: string };
  keep(record: ArchiveRecord, key: string, found: Finding[][]): void;
}

/** A digest of `parts`, for the inputs every record shares: hashed once, not once per record. */
export function digestOf(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64');
}
