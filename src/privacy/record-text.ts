import type { ArchiveRecord } from '../records/archive-record.ts';
import { clientRange } from './client-range.ts';

/**
 * The record's text with the client block blanked out (lines kept, so offsets map to the file's
 * lines): what may never hold personal data.
 */
export function textOutsideClient(record: ArchiveRecord): string {
  const block = clientRange(record.lines);
  if (!block) return record.lines.join('\n');
  return record.lines.map((line, i) => (i >= block.first && i <= block.last ? '' : line)).join('\n');
}

/** The values of a decrypted client block worth searching for elsewhere: names, numbers, places. */
export function knownValuesOf(client: unknown): string[] {
  if (client === null || typeof client !== 'object') return [];
  const c = client as Record<string, unknown>;
  const relatives = Array.isArray(c.relatives) ? (c.relatives as Record<string, unknown>[]) : [];
  const values = [c.name, c.idNumber, c.phone, c.address, c.schoolOrWork, ...relatives.flatMap((r) => [r.name, r.phone])];
  return values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 2).map((v) => v.trim());
}
