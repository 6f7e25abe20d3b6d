import type { Finding } from '../finding.ts';
import { activityHistoryRules } from './activity-history.ts';
import { movedAdoption } from './adoption.ts';
import { archiveNumberNotReused } from './archive-history.ts';
import { caseHistoryRules } from './case-history.ts';
import { hotlineApprovedAfterwards } from './consultation-history.ts';
import type { HistoryContext } from './context.ts';
import { checkIntegrity, type IntegrityResult } from './integrity.ts';

/**
 * Every rule that needs git history: approval integrity first, since invalid approvals approve
 * nothing. Without `recordRules`, integrity alone (what the context needs), not each record's rules.
 * `kept`: the integrity pass's result for this very context, kept from an earlier run (see IntegrityCache).
 */
export function runHistoryRules(
  ctx: Omit<HistoryContext, 'invalid' | 'approvedRoster' | 'approvedConfig' | 'approvers'>,
  { recordRules = true, kept }: { recordRules?: boolean; kept?: IntegrityResult } = {},
): { findings: Finding[]; context: HistoryContext; integrity: IntegrityResult } {
  const integrity = kept ?? checkIntegrity({ ...ctx, invalid: new Set(), approvedRoster: null, approvedConfig: null, approvers: new Map() });
  const full: HistoryContext = { ...ctx, invalid: integrity.invalid, approvedRoster: integrity.approvedRoster, approvedConfig: integrity.approvedConfig, approvers: integrity.approvers };
  const findings = [...integrity.findings, ...movedAdoption(full)];
  if (!recordRules) return { findings, context: full, integrity };
  for (const record of ctx.records) {
    for (const finding of archiveNumberNotReused(record, full)) findings.push(finding);
    for (const finding of kindRules(record, full)) findings.push(finding);
  }
  return { findings, context: full, integrity };
}

function kindRules(record: HistoryContext['records'][number], ctx: HistoryContext): Finding[] {
  switch (record.kind) {
    case 'case':
      return caseHistoryRules(record, ctx);
    case 'consultation':
      return hotlineApprovedAfterwards(record, ctx);
    case 'group':
    case 'community':
      return activityHistoryRules(record, ctx);
    default:
      return [];
  }
}
