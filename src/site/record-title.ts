import type { ArchiveRecord } from '../records/archive-record.ts';
import { plainText, type Namer } from './value-parts.ts';

/** The title of a record that has no title field: what it is about, never its own id again. */
export function recordTitle(record: ArchiveRecord, namer: Namer): string {
  switch (record.kind) {
    case 'audit':
      return `抽查 ${record.data.target}`;
    case 'handover':
      return `${record.data.quarter} 季度移交（${plainText([namer(record.data.post)])}）`;
    default:
      return record.id;
  }
}
