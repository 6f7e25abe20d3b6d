import { createHash } from 'node:crypto';
import type { ArchiveRecord } from './archive-record.ts';

const digests = new WeakMap<ArchiveRecord, string>();

/**
 * A digest of a record's path and contents, made once per record however many caches key by it:
 * the parse cache's digest of the file's bytes when the record was parsed through it (see
 * noteDigest), else one of its text. The two are told apart, never mistaken for each other.
 */
export function recordDigest(record: ArchiveRecord): string {
  let digest = digests.get(record);
  if (digest === undefined) digests.set(record, (digest = `t${createHash('sha1').update(record.file).update('\u0000').update(record.text).digest('base64')}`));
  return digest;
}

/** Notes the parse cache's digest of the path and bytes `record` was parsed from. */
export function noteDigest(record: ArchiveRecord, bytesDigest: string): void {
  digests.set(record, `b${bytesDigest}`);
}
