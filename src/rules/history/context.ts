import { groupByKey, memoisedPer, placesByKey } from '../../group-by.ts';
import type { Approval, BranchNote, Ledger } from '../../ledger/ledger.ts';
import type { Stage } from '../../ledger/stages.ts';
import type { ArchiveRecord } from '../../records/archive-record.ts';
import { approvedRecord } from '../../ledger/approval-scope.ts';
import { fileOfRecord } from '../../records/record-path.ts';
import type { ArchiveConfig } from '../../schemas/archive-config.ts';
import type { Roster } from '../../schemas/staff.ts';
import type { RuleContext } from '../context.ts';
import type { Finding } from '../finding.ts';

/** A content rule's context plus what git history says. */
export interface HistoryContext extends RuleContext {
  ledger: Ledger;
  rosterAt(sha: string): Roster | null;
  /** archive.yaml as it stood at the adoption point, where it changed before it, and at each roster approval that changed it (null elsewhere). */
  configAt(sha: string): ArchiveConfig | null;
  /** Approvals whose merge commit itself changed a file they approve, beyond the merged head (A-STALE-HEAD). */
  rewritten: ReadonlySet<string>;
  /** Signature checks of approval merges, by sha (A-SIGNATURE). */
  signatures: ReadonlyMap<string, SignatureCheck>;
  /** Approvals that broke an integrity rule: they approve nothing. Filled by checkIntegrity. */
  invalid: ReadonlySet<string>;
  /** The roster that authorises an approval made now (the last approved staff.yaml on main). Filled by checkIntegrity. */
  approvedRoster: Roster | null;
  /** The archive configuration last approved on main (what `signedApprovals` asks of an approval made now). Filled by checkIntegrity. */
  approvedConfig: ArchiveConfig | null;
  /** Who made the approval at `place` in ledger.approvals, as the roster that authorised it names them. Filled by checkIntegrity. */
  approverAt(place: number): string | null;
}

export interface SignatureCheck {
  /** git's %G? letter: G good, B bad, U good with unknown validity, N none, E cannot check, X/Y/R expired or revoked. */
  status: string;
  /** The principal the signature verified as (the staff id in the allowed-signers file). */
  signer: string;
  /** The fingerprint of the key that made it (git's %GK; SHA256:… for SSH). */
  key: string;
}

export const shortSha = (sha: string) => sha.slice(0, 8);

/** A finding about a record as a whole (history facts have no key of their own): it points at the record's id line. */
export function historyFinding(
  ctx: HistoryContext,
  record: string | null,
  rule: string,
  severity: Finding['severity'],
  message: string,
  file?: string,
): Finding {
  const parsed = record ? ctx.byId.get(record) : undefined;
  return {
    rule,
    severity,
    record,
    file: parsed?.file ?? (record ? fileOfRecord(record) : null) ?? file ?? 'content/staff.yaml',
    line: parsed ? parsed.lineOf(['id']) : 1,
    message,
  };
}

const approvalIndex = memoisedPer((ledger: Ledger) => groupByKey(ledger.approvals, approvedRecord));

/** Approvals of `record` (the one record each approves), oldest first (indexed once per ledger: rules ask for every record). */
export function approvalsOf(ctx: HistoryContext, record: string): Approval[] {
  return approvalIndex(ctx.ledger).get(record) ?? [];
}

const approvalPlaceIndex = memoisedPer((ledger: Ledger) => placesByKey(ledger.approvals, approvedRecord));

/** Where each approval of `record` stands in ledger.approvals, in the order of approvalsOf (what approverAt is asked by). */
export function approvalPlacesOf(ctx: HistoryContext, record: string): number[] {
  return approvalPlaceIndex(ctx.ledger).get(record) ?? [];
}

const submissionIndex = memoisedPer((ledger: Ledger) => groupByKey(ledger.submissions, (note) => note.record));

/** Submissions (swa submit commits, merged or pending) that name `record`, newest first as history lists them. */
export function submissionsOf(ctx: HistoryContext, record: string): BranchNote[] {
  return submissionIndex(ctx.ledger).get(record) ?? [];
}

/** Approvals of `stage` for `record` that broke no integrity rule, oldest first. */
export function validApprovals(ctx: HistoryContext, record: string, stage: Stage): Approval[] {
  return approvalsOf(ctx, record).filter((a) => a.stage === stage && !ctx.invalid.has(a.sha));
}

export const isImported = (ctx: HistoryContext, record: ArchiveRecord) => ctx.ledger.imported.has(record.id);

/**
 * When the line carrying the key at `path` first entered the repository: the committer date of
 * the earliest commit (on main or a submit branch) that added it. Undefined while uncommitted,
 * and for lines already there at the adoption point (imported, not submitted).
 */
export function enteredAt(ctx: HistoryContext, record: ArchiveRecord, path: readonly (string | number)[]): string | undefined {
  // A line is matched by its text, and `date: 2026-11-16` may stand under several keys: the key
  // counts as entered when the last of its own line and its ancestors' lines did.
  const seen = ctx.ledger.lineFirstSeen(record.file);
  let entered: string | undefined;
  let enteredMs = Number.NaN;
  let previous = 0;
  for (let depth = 1; depth <= path.length; depth++) {
    const line = record.lineOf(path.slice(0, depth));
    // A key on its parent's line (in a flow mapping, or not there at all): that line counted already.
    if (line === previous) continue;
    previous = line;
    const text = record.lines[line - 1]?.trim();
    const time = text === undefined ? undefined : seen?.get(text);
    if (time === undefined) return undefined;
    const ms = Date.parse(time);
    if (entered === undefined || ms > enteredMs) {
      entered = time;
      enteredMs = ms;
    }
  }
  const adoption = adoptionMs(ctx.ledger);
  return entered !== undefined && adoption !== undefined && enteredMs <= adoption ? undefined : entered;
}

/** The adoption point's time, parsed once per ledger: enteredAt compares every dated line with it. */
const adoptionMs = memoisedPer((ledger: Ledger) => (ledger.adoption ? Date.parse(ledger.adoption.time) : undefined));
