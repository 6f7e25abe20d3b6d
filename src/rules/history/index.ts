import type { Finding } from '../finding.ts';
import { activityHistoryRules } from './activity-history.ts';
import { caseHistoryRules } from './case-history.ts';
import { hotlineApprovedAfterwards } from './consultation-history.ts';
import type { HistoryContext } from './context.ts';
import { checkIntegrity } from './integrity.ts';

/** Every rule that needs git history: approval integrity first, since invalid approvals approve nothing. */
export function runHistoryRules(ctx: Omit<HistoryContext, 'invalid'>): { findings: Finding[]; context: HistoryContext } {
  const integrity = checkIntegrity({ ...ctx, invalid: new Set() });
  const full: HistoryContext = { ...ctx, invalid: integrity.invalid };
  const perRecord = ctx.records.flatMap((record) => {
    switch (record.kind) {
      case 'case':
        return caseHistoryRules(record, full);
      case 'consultation':
        return hotlineApprovedAfterwards(record, full);
      case 'group':
      case 'community':
        return activityHistoryRules(record, full);
      default:
        return [];
    }
  });
  return { findings: [...integrity.findings, ...perRecord], context: full };
}
