import { dayOf } from '../../ledger/commit.ts';
import type { ArchiveRecord } from '../../records/archive-record.ts';
import { reporter } from '../context.ts';
import type { Finding } from '../finding.ts';
import { shortSha, type HistoryContext } from './context.ts';

/** G-ARCHIVE-NO (第六章第四条): a number that once reached main on another record is never used again. */
export function archiveNumberNotReused(record: ArchiveRecord, ctx: HistoryContext): Finding[] {
  const archiveNo = 'archiveNo' in record.data ? (record.data.archiveNo as string | undefined) : undefined;
  if (archiveNo === undefined) return [];
  const first = ctx.ledger.archiveNumbers.get(archiveNo);
  if (!first || first.record === record.id) return [];
  return [
    reporter(record).error(
      'G-ARCHIVE-NO',
      ['archiveNo'],
      `档案编号 ${archiveNo} 曾由 ${first.record} 使用（${dayOf(first.time)}，提交 ${shortSha(first.sha)}），编号不得重复使用；请运行 swa archive ${record.id} --renumber`,
    ),
  ];
}
