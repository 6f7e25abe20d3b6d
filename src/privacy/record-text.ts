import type { ArchiveRecord } from '../records/archive-record.ts';
import { clientRange } from './client-range.ts';

/**
 * The record's text with the client block blanked out (lines kept, so offsets map to the file's
 * lines): what may never hold personal data.
 */
export function textOutsideClient(record: ArchiveRecord): string {
  // Split here and dropped after the scan, rather than through record.lines, which would keep the
  // lines of every record in memory for the rest of the check.
  const lines = record.text.split('\n');
  const block = clientRange(lines);
  if (!block) return record.text;
  return lines.map((line, i) => (i >= block.first && i <= block.last ? '' : line)).join('\n');
}

/** The values of a decrypted client block worth searching for elsewhere: names, numbers, places. */
export function knownValuesOf(client: unknown): string[] {
  if (client === null || typeof client !== 'object') return [];
  const c = client as Record<string, unknown>;
  const relatives = Array.isArray(c.relatives) ? (c.relatives as Record<string, unknown>[]) : [];
  const values = [c.name, c.idNumber, c.phone, c.address, c.schoolOrWork, ...relatives.flatMap((r) => [r.name, r.phone])];
  return values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 2).map((v) => v.trim());
}
