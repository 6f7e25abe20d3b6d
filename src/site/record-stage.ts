import type { ArchiveRecord } from '../records/archive-record.ts';

/** Where a record stands on paper, derived from which forms it holds (never typed by anyone). */
export function stageOf(record: ArchiveRecord): string {
  const d = record.data as Record<string, unknown> & { archiveNo?: string };
  if (d.archiveNo !== undefined) return '已存档';
  switch (record.kind) {
    case 'case':
      if (record.data.closingForm) return '已结案';
      if (record.data.closingReport) return '结案审批中';
      if (record.data.referrals.length > 0 && record.data.referrals.every((r) => r.reply?.accepted)) return '已转介';
      if (record.data.sessions.length > 0 || record.data.plan) return '服务中';
      return '接案';
    case 'consultation':
      return record.data.closing ? '已结案' : '咨询中';
    case 'group':
    case 'community': {
      const held = record.kind === 'group' ? record.data.sessions.length : record.data.activities.length;
      if (record.data.report) return '已结束';
      if (held > 0) return '进行中';
      return '筹备中';
    }
    case 'audit':
      return '已抽查';
    case 'handover':
      return '已移交';
    case 'supervision':
      return '已督导';
  }
}
