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
  // The block's lines emptied by two slices of the text around it, rather than every line joined again.
  let start = 0;
  for (let i = 0; i < block.first; i++) start += (lines[i] as string).length + 1;
  let end = start;
  for (let i = block.first; i <= block.last; i++) end += (lines[i] as string).length + 1;
  return record.text.slice(0, start) + '\n'.repeat(block.last - block.first) + record.text.slice(end - 1);
}

/** The values of a decrypted client block worth searching for elsewhere: names, numbers, places. */
export function knownValuesOf(client: unknown): string[] {
  if (client === null || typeof client !== 'object') return [];
  const c = client as Record<string, unknown>;
  const relatives = Array.isArray(c.relatives) ? (c.relatives as Record<string, unknown>[]) : [];
  const values = [c.name, c.idNumber, c.phone, c.address, c.schoolOrWork, ...relatives.flatMap((r) => [r.name, r.phone])];
  return values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 2).map((v) => v.trim());
}
