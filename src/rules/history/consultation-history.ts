import { addDays } from '../../dates.ts';
import { dayOf } from '../../ledger/commit.ts';
import type { RecordOfKind } from '../../records/archive-record.ts';
import { reporter } from '../context.ts';
import type { Finding } from '../finding.ts';
import { isImported, validApprovals, type HistoryContext } from './context.ts';

/** C-HOTLINE (第四条): a hotline consultation is served first and approved afterwards, within N days. */
export function hotlineApprovedAfterwards(record: RecordOfKind<'consultation'>, ctx: HistoryContext): Finding[] {
  if (record.data.channel !== '热线' || isImported(ctx, record)) return [];
  const days = ctx.config.deadlines.hotlineApprovalDays;
  const due = addDays(record.data.date, days);
  const approval = validApprovals(ctx, record.id, 'hotline-review')[0];
  const report = reporter(record);
  if (!approval) {
    return ctx.today > due ? [report.warning('C-HOTLINE', ['date'], `热线咨询（${record.data.date}）须在 ${days} 天内（${due} 前）补办督导审批，已逾期`)] : [];
  }
  const approved = dayOf(approval.time);
  return approved > due ? [report.error('C-HOTLINE', ['date'], `热线咨询（${record.data.date}）于 ${approved} 才补办审批，超过 ${days} 天的期限（${due}）`)] : [];
}
