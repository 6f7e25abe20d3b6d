import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeVersion } from '../code-version.ts';
import { approvedRecord } from '../ledger/approval-scope.ts';
import type { Approval, Ledger } from '../ledger/ledger.ts';
import { postOf, type ArchiveRecord } from '../records/archive-record.ts';
import type { Finding } from '../rules/finding.ts';
import type { HistoryContext } from '../rules/history/context.ts';
import type { ClockSkew } from '../rules/history/clock.ts';
import { ApprovedStages, approverAtOf, type IntegrityResult, type IntegrityWalk } from '../rules/history/integrity.ts';
import { writeWhole } from '../write-whole.ts';

const fileName = 'integrity.json';
/** The walk beside it, apart: only a pass that goes on from it reads it. */
const walkFileName = 'integrity-walk.json';

/** What the integrity pass reads besides the ledger (see checkIntegrity). */
type IntegrityInputs = Pick<HistoryContext, 'byId' | 'unparsed' | 'signatures' | 'rosterAt' | 'configAt'>;

/**
 * The integrity pass's result (A-*), kept in the history cache's directory for the next command
 * over the same ledger: `swa due`, `swa status` and a check with nothing changed then judge no
 * approval again. Its inputs are the ledger (named by its id, which covers the history, the
 * adoption point and the code), the signatures' checks, and of the work tree only each record's
 * file and post (who may approve it): the key is made of those. A finding about a parsed record
 * points at its id line, which moves with any edit: that line is looked up again, not kept.
 * Anything unreadable or kept under another key is not believed; the pass then runs again.
 */
export class IntegrityCache {
  /** Each record's input (see recordInput), listed once per context: the key and the kept file both need them. */
  private inputs: { ctx: IntegrityInputs; list: [string, string][] } | undefined;
  private read_: Kept | null | undefined;

  /** `ledgerId`: the ledger the pass runs over (see ledgerIdOf). */
  constructor(
    private readonly dir: string,
    private readonly ledgerId: string,
  ) {}

  /**
   * The kept result of the whole pass over `ctx`, or null. Given `few` (a check of a few records,
   * whose ledger holds theirs alone, see checkRecord), the result of the whole pass serves when it
   * was kept for the same ledger, without signatures to check, and each record read had the file
   * and post it has now: a record's approvals are judged by its own post alone. Its findings are
   * then those about the records read and about no record.
   */
  read(ledger: Ledger, ctx: IntegrityInputs, few?: { approvalPlaces: readonly number[] | undefined }): IntegrityResult | null {
    try {
      const kept = this.kept();
      if (!kept) return null;
      const places = few?.approvalPlaces;
      if (few ? !this.servesFew(kept, ctx) : kept.key !== this.keyOf(ctx)) return null;
      if (places ? places.some((at) => at >= kept.approvers.length) : kept.approvers.length !== ledger.approvals.length) return null;
      const findings: Finding[] = [];
      for (const finding of kept.findings) {
        if (few && finding.record !== null && !ctx.byId.has(finding.record) && !ctx.unparsed.has(finding.record)) continue;
        if (finding.line !== null) findings.push(finding as Finding);
        else {
          const record = finding.record === null ? undefined : ctx.byId.get(finding.record);
          if (!record) return null;
          findings.push({ ...finding, line: record.lineOf(['id']) });
        }
      }
      return {
        findings,
        invalid: new Set(kept.invalid),
        approvedRoster: kept.approvedAt.roster === null ? null : ctx.rosterAt(kept.approvedAt.roster),
        approvedConfig: kept.approvedAt.config === null ? null : ctx.configAt(kept.approvedAt.config),
        approvedAt: kept.approvedAt,
        approverAt: approverAtOf(kept.approvers, places),
      };
    } catch {
      return null;
    }
  }

  /**
   * The walk of the pass kept at an earlier tip, for the pass over `ctx` to go on from (see
   * IntegrityWalk), or undefined. It serves under the same code and adoption point, without
   * signatures to check, when this ledger's main and approvals begin with those it walked, and
   * the work tree gives every record it had the file and post it had then: an approval is judged
   * by its own record's post, so a record added since counts only if a walked approval names it.
   */
  walkToResume(ledger: Ledger, ctx: IntegrityInputs): IntegrityWalk | undefined {
    try {
      const kept = this.kept();
      const walk = JSON.parse(readFileSync(join(this.dir, walkFileName), 'utf8')) as KeptWalk;
      if (!kept || walk.result !== kept.key || kept.signed || ctx.signatures.size > 0 || walk.inputs !== walkKey(ledger)) return undefined;
      const { approvals } = ledger;
      if (approvals.length < walk.approvals || (walk.approvals > 0 && approvals[walk.approvals - 1]?.sha !== walk.lastApproval)) return undefined;
      if (!this.sameRecords(kept, ctx, approvals, walk.approvals)) return undefined;
      const { mainline } = ledger;
      if (mainline.length < walk.commits || (walk.commits > 0 && mainline[walk.commits - 1]?.sha !== walk.lastCommit)) return undefined;
      if (kept.approvers.length !== walk.approvals || walk.places.length !== walk.approvals) return undefined;
      return {
        commits: walk.commits,
        approvals: walk.approvals,
        latest: walk.latest ?? undefined,
        skews: new Map(walk.skews.map((skew) => [skew.sha, skew])),
        approvedAt: kept.approvedAt,
        invalid: new Set(kept.invalid),
        places: walk.places,
        approved: ApprovedStages.of(walk.approved),
        pending: walk.pending.map(([index, at, record, rule, message]) => ({ approval: approvals[index] as Approval, index, at, record, violation: { rule, message } })),
        changeAt: new Map(walk.changeAt),
        approvers: kept.approvers.slice(),
      };
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps `result` of the whole pass over `ctx` with its walk; a result read back (it has no walk)
   * is kept already. A directory that refuses costs only the next command's time.
   */
  write(ledger: Ledger, ctx: IntegrityInputs, result: IntegrityResult): void {
    const walk = result.walk;
    if (!walk) return;
    const kept: Kept = {
      key: this.keyOf(ctx),
      ledger: this.ledgerId,
      signed: ctx.signatures.size > 0,
      records: Object.fromEntries(this.inputsOf(ctx)),
      invalid: [...result.invalid],
      approvers: walk.approvers,
      approvedAt: result.approvedAt,
      findings: result.findings.map((f) => (f.record !== null && ctx.byId.has(f.record) ? { ...f, line: null } : f)),
    };
    try {
      // The walk first: one that names another result than the kept one is not gone on from.
      const walked: KeptWalk = {
        result: kept.key,
        inputs: walkKey(ledger),
        commits: walk.commits,
        lastCommit: ledger.mainline[walk.commits - 1]?.sha ?? null,
        approvals: walk.approvals,
        lastApproval: ledger.approvals[walk.approvals - 1]?.sha ?? null,
        latest: walk.latest ?? null,
        skews: [...walk.skews.values()],
        places: walk.places,
        approved: walk.approved.entries(),
        pending: walk.pending.map((p) => [p.index, p.at, p.record, p.violation.rule, p.violation.message]),
        changeAt: [...walk.changeAt],
      };
      writeWhole(join(this.dir, walkFileName), JSON.stringify(walked));
      writeWhole(join(this.dir, fileName), JSON.stringify(kept));
    } catch {
      // Not kept: the pass runs again next time.
    }
  }

  /** The kept file as read once, or null. */
  private kept(): Kept | null {
    if (this.read_ === undefined) {
      try {
        this.read_ = JSON.parse(readFileSync(join(this.dir, fileName), 'utf8')) as Kept;
      } catch {
        this.read_ = null;
      }
    }
    return this.read_;
  }

  /** Whether each record kept has the input it had, and no record added since is one of the first `walked` approvals approves. */
  private sameRecords(kept: Kept, ctx: IntegrityInputs, approvals: readonly Approval[], walked: number): boolean {
    const added: string[] = [];
    for (const [id, input] of this.inputsOf(ctx)) {
      const before = kept.records[id];
      if (before === undefined) added.push(id);
      else if (before !== input) return false;
    }
    if (Object.keys(kept.records).length + added.length !== ctx.byId.size) return false;
    if (added.length === 0) return true;
    const approved = new Set<string | null>();
    for (let i = 0; i < walked; i++) approved.add(approvedRecord(approvals[i] as Approval));
    return !added.some((id) => approved.has(id));
  }

  /** Whether the kept result holds for a check of the few records in `ctx`. */
  private servesFew(kept: Kept, ctx: IntegrityInputs): boolean {
    if (kept.ledger !== this.ledgerId || kept.signed || ctx.signatures.size > 0) return false;
    for (const [id, input] of this.inputsOf(ctx)) if (kept.records[id] !== input) return false;
    for (const id of ctx.unparsed) if (kept.records[id] !== undefined) return false;
    return true;
  }

  /** The key of the whole pass's inputs: the ledger, each record's file and post, the signature checks. */
  private keyOf(ctx: IntegrityInputs): string {
    // One string hashed once: an update per record cost more than the hash.
    const records = this.inputsOf(ctx).map(([id, input]) => `${id}\u0000${input}`).join('\n');
    const signatures = [...ctx.signatures].map(([sha, check]) => `${sha} ${check.status} ${check.signer} ${check.key}`).join('\n');
    return createHash('sha256').update(`${this.ledgerId}\n${records}\n\n${signatures}`).digest('hex');
  }

  private inputsOf(ctx: IntegrityInputs): [string, string][] {
    if (this.inputs?.ctx !== ctx) this.inputs = { ctx, list: [...ctx.byId].map(([id, record]) => [id, recordInput(record)]) };
    return this.inputs.list;
  }
}

/** The key of what a walk was judged by besides the ledger and the work tree: the code and the adoption point. */
const walkKey = (ledger: Ledger): string => createHash('sha256').update(`${codeVersion()}\n${ledger.adoption?.sha ?? ''}`).digest('hex');

/** What the pass reads of a record in the work tree: its file and its post. */
const recordInput = (record: ArchiveRecord): string => `${record.file}\u0000${postOf(record) ?? '\u0001'}`;

interface Kept {
  /** The key of the whole pass's inputs (see IntegrityCache.keyOf). */
  key: string;
  ledger: string;
  /** Whether any approval's signature was checked: a check of a few records checks only theirs. */
  signed: boolean;
  /** What the pass read of each record parsed (see recordInput). */
  records: Record<string, string>;
  invalid: string[];
  /** Who made each approval, in the ledger's order (see IntegrityWalk.approvers). */
  approvers: (string | null)[];
  approvedAt: IntegrityResult['approvedAt'];
  /** A null line: the id line of the finding's record, looked up when read. */
  findings: (Omit<Finding, 'line'> & { line: number | null })[];
}

/** Where the walk ended (see IntegrityWalk), beside the result it gave; approvals by their place in the ledger's list. */
interface KeptWalk {
  /** The key of the kept result this walk gave (see Kept.key). */
  result: string;
  /** See walkKey. */
  inputs: string;
  commits: number;
  lastCommit: string | null;
  approvals: number;
  lastApproval: string | null;
  latest: { sha: string; time: string } | null;
  skews: ClockSkew[];
  places: number[];
  approved: [string, string[]][];
  pending: [index: number, at: number, record: string | null, rule: string, message: string][];
  changeAt: [string, number][];
}
