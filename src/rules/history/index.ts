import type { RecordKind } from '../../schemas/index.ts';
import type { Finding } from '../finding.ts';
import { activityHistoryRules } from './activity-history.ts';
import { movedAdoption } from './adoption.ts';
import { archiveNumberNotReused } from './archive-history.ts';
import { caseHistoryRules } from './case-history.ts';
import { hotlineApprovedAfterwards } from './consultation-history.ts';
import { digestOf, type FindingsMemo } from '../findings-memo.ts';
import type { PartDigests } from '../../ledger/ledger-snapshot.ts';
import { isImported, type HistoryContext } from './context.ts';
import { checkIntegrity, type IntegrityResult, type IntegrityWalk } from './integrity.ts';

/**
 * Every rule that needs git history: approval integrity first, since invalid approvals approve
 * nothing. Without `recordRules`, integrity alone (what the context needs), not each record's rules.
 * `kept`: the integrity pass's result for this very context, kept from an earlier run (see IntegrityCache);
 * `resume`: else the walk of an earlier pass over a prefix of this main, for the pass to go on from.
 * `memo`: what each record's own history rules found before, recalled while its inputs are unchanged.
 */
export function runHistoryRules(
  ctx: Omit<HistoryContext, 'invalid' | 'approvedRoster' | 'approvedConfig' | 'approverAt'>,
  { recordRules = true, kept, resume, memo }: { recordRules?: boolean; kept?: IntegrityResult; resume?: IntegrityWalk; memo?: HistoryMemo } = {},
): { findings: Finding[]; context: HistoryContext; integrity: IntegrityResult } {
  const integrity = kept ?? checkIntegrity({ ...ctx, invalid: new Set(), approvedRoster: null, approvedConfig: null, approverAt: () => null }, resume);
  const full: HistoryContext = { ...ctx, invalid: integrity.invalid, approvedRoster: integrity.approvedRoster, approvedConfig: integrity.approvedConfig, approverAt: integrity.approverAt };
  const findings = [...integrity.findings, ...movedAdoption(full)];
  if (!recordRules) return { findings, context: full, integrity };
  // Which approvals broke an integrity rule bears on every record whose approval it is: hashed once, as the set.
  const shared = memo && digestOf(full.today, JSON.stringify(full.config), full.ledger.adoption?.time ?? '', [...full.invalid].sort().join(' '));
  for (const record of ctx.records) {
    // G-ARCHIVE-NO compares with every number that reached main: one look-up, never recalled.
    for (const finding of archiveNumberNotReused(record, full)) findings.push(finding);
    for (const finding of memo && shared !== undefined && historyKinds.has(record.kind) ? recalled(record, full, memo, shared) : kindRules(record, full)) findings.push(finding);
  }
  return { findings, context: full, integrity };
}

/** A memo of the history rules of each record, and the digest of each record's part of the ledger snapshot (see PartDigests). */
export interface HistoryMemo {
  memo: FindingsMemo;
  partOf: PartDigests;
}

/**
 * `record`'s own history rules, recalled when nothing they read has changed: besides the record,
 * the date, the code tables, the adoption point and which approvals are invalid (`shared`), that
 * is whether it was imported and its part of the ledger snapshot, which holds its approvals and
 * submissions (each with its sha, stage and time) and its lines' provenance.
 */
function recalled(record: HistoryContext['records'][number], ctx: HistoryContext, { memo, partOf }: HistoryMemo, shared: string): Finding[] {
  const { found, key } = memo.recall(record, `${shared}\u0000${isImported(ctx, record) ? 1 : 0}\u0000${partOf(record.id)}`);
  if (found?.length === 1) return found[0] as Finding[];
  const judged = kindRules(record, ctx);
  memo.keep(record, key, [judged]);
  return judged;
}

/** The kinds with history rules of their own (see kindRules). */
const historyKinds: ReadonlySet<RecordKind> = new Set(['case', 'consultation', 'group', 'community']);

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
