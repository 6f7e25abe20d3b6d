import { retentionOf } from '../archive/retention.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { archiveItems } from '../rules/archive-items.ts';
import type { ArchiveItem } from '../rules/case.ts';
import { completionDate, isServiceRecord } from '../rules/record-dates.ts';
import type { ArchiveConfig } from '../schemas/archive-config.ts';

/** What an archived record's archive-bag cover (档案袋封面) shows beyond the page header's facts. */
export interface CoverFacts {
  archiveNo: string;
  /** The day the service was completed (closing form, closing info, report). */
  completed: string | null;
  retention: { years: number; expires: string } | null;
  /** The bag's contents as the rules define them, each with whether the record holds it. */
  items: ArchiveItem[];
  /** A case's 个案附件清单, from the published data. */
  attachments: { name: string; pages: number | null }[];
}

/** The cover of an archived service record; null for one without an archive number. Pure. */
export function coverFacts(record: ArchiveRecord, config: Pick<ArchiveConfig, 'retention'>, published: Record<string, unknown>): CoverFacts | null {
  if (!isServiceRecord(record) || record.data.archiveNo === undefined) return null;
  const attachments = Array.isArray(published.attachments) ? (published.attachments as { name: string; pages?: number }[]) : [];
  return {
    archiveNo: record.data.archiveNo,
    completed: completionDate(record) ?? null,
    retention: retentionOf(config, record.data.archiveNo),
    items: archiveItems(record),
    attachments: attachments.map((a) => ({ name: a.name, pages: a.pages ?? null })),
  };
}
