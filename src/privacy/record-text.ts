import type { ArchiveRecord } from '../records/archive-record.ts';
import { clientRange } from './client-range.ts';

/** 1-based, inclusive line range of the record's `client:` block, or null when it has none. */
export function clientBlockLines(record: ArchiveRecord): { first: number; last: number } | null {
  if (!('client' in record.data) || record.data.client === undefined) return null;
  const range = clientRange(record.lines);
  return range && { first: range.first + 1, last: range.last + 1 };
}

/**
 * The record's text with the client block blanked out (lines kept, so offsets map to the file's
 * lines): what may never hold personal data.
 */
export function textOutsideClient(record: ArchiveRecord): string {
  const block = clientBlockLines(record);
  if (!block) return record.lines.join('\n');
  return record.lines.map((line, i) => (i + 1 >= block.first && i + 1 <= block.last ? '' : line)).join('\n');
}

/** The values of a decrypted client block worth searching for elsewhere: names, numbers, places. */
export function knownValuesOf(client: unknown): string[] {
  if (client === null || typeof client !== 'object') return [];
  const c = client as Record<string, unknown>;
  const relatives = Array.isArray(c.relatives) ? (c.relatives as Record<string, unknown>[]) : [];
  const values = [c.name, c.idNumber, c.phone, c.address, c.schoolOrWork, ...relatives.flatMap((r) => [r.name, r.phone])];
  return values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 2).map((v) => v.trim());
}
