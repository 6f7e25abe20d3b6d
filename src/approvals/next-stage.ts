import type { Stage } from '../ledger/stages.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';

/**
 * The stage a submission most likely asks for, from the record's content and the stages already
 * approved. `swa submit --stage` overrides it.
 */
export function nextStage(record: ArchiveRecord, approved: ReadonlySet<Stage>): Stage {
  const first = (...stages: Stage[]) => stages.find((s) => !approved.has(s));
  switch (record.kind) {
    case 'case': {
      const d = record.data;
      if (!approved.has('intake')) return 'intake';
      if (d.closingReport && !approved.has('closing')) return 'closing';
      if (d.referrals.length > 0 && !approved.has('referral')) return 'referral';
      if (d.archiveNo !== undefined) return 'archive';
      return 'session';
    }
    case 'consultation':
      if (record.data.channel === '热线') return approved.has('hotline-review') ? 'archive' : 'hotline-review';
      return approved.has('session') ? 'archive' : 'session';
    case 'group':
    case 'community': {
      if (record.data.archiveNo !== undefined) return 'archive';
      if (record.data.report) return first('report-supervisor', 'report-business', 'report-head') ?? 'archive';
      const planStages = first('plan', 'org-business', 'org-head');
      if (planStages) return planStages;
      if (record.data.funding.source === '机构' && !approved.has('funding')) return 'funding';
      return 'session';
    }
    case 'audit':
      return 'audit';
    case 'handover':
      return 'handover';
    case 'supervision':
      return 'supervision';
  }
}
