import type { RecordKind } from '../../schemas/index.ts';
import type { Finding } from '../finding.ts';
import { activityHistoryRules } from './activity-history.ts';
import { movedAdoption } from './adoption.ts';
import { archiveNumberNotReused } from './archive-history.ts';
import { caseHistoryRules } from './case-history.ts';
import { hotlineApprovedAfterwards } from './consultation-history.ts';
import { digestOf, type FindingsMemo } from '../findings-memo.ts';
import { approvalsOf, isImported, submissionsOf, type HistoryContext } from './context.ts';
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
  const shared = memo && digestOf(full.today, JSON.stringify(full.config), full.ledger.adoption?.time ?? '');
  for (const record of ctx.records) {
    // G-ARCHIVE-NO compares with every number that reached main: one look-up, never recalled.
    for (const finding of archiveNumberNotReused(record, full)) findings.push(finding);
    for (const finding of memo && shared !== undefined && historyKinds.has(record.kind) ? recalled(record, full, memo, shared) : kindRules(record, full)) findings.push(finding);
  }
  return { findings, context: full, integrity };
}

/** A memo of the history rules of each record, and the digest of each record's line provenance (see LineProvenance.digestOf). */
export interface HistoryMemo {
  memo: FindingsMemo;
  linesOf(record: string): string;
}

/**
 * `record`'s own history rules, recalled when nothing they read has changed: besides the record,
 * the date, the code tables and the adoption point (`shared`), that is its approvals (their
 * commits and validity), its submissions, whether it was imported, and its lines' provenance.
 */
function recalled(record: HistoryContext['records'][number], ctx: HistoryContext, { memo, linesOf }: HistoryMemo, shared: string): Finding[] {
  let inputs = `${shared}\u0000${isImported(ctx, record) ? 1 : 0}\u0000${linesOf(record.id)}`;
  // A commit's stage and time are read from the commit: its sha names them.
  for (const a of approvalsOf(ctx, record.id)) inputs += `${ctx.invalid.has(a.sha) ? '\u0000' : '\u0002'}${a.sha}`;
  for (const s of submissionsOf(ctx, record.id)) inputs += `\u0001${s.sha}`;
  const { found, key } = memo.recall(record, inputs);
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
