import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Approval, Ledger } from '../ledger/ledger.ts';
import { postOf, type ArchiveRecord } from '../records/archive-record.ts';
import type { Finding } from '../rules/finding.ts';
import type { HistoryContext } from '../rules/history/context.ts';
import type { IntegrityResult } from '../rules/history/integrity.ts';
import { writeWhole } from '../write-whole.ts';

const fileName = 'integrity.json';

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
      const kept = JSON.parse(readFileSync(join(this.dir, fileName), 'utf8')) as Kept;
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
      // Made when first asked for: swa due never asks, and a hundred thousand approvals take a while.
      const approvers = madeWhenRead(() => {
        const made = new Map<string, string | null>();
        const { approvals } = ledger;
        for (let i = 0; i < approvals.length; i++) {
          const approver = kept.approvers[places ? (places[i] as number) : i];
          if (approver !== 0 && approver !== undefined) made.set((approvals[i] as Approval).sha, approver);
        }
        return made;
      });
      return {
        findings,
        invalid: new Set(kept.invalid),
        approvedRoster: kept.approvedAt.roster === null ? null : ctx.rosterAt(kept.approvedAt.roster),
        approvedConfig: kept.approvedAt.config === null ? null : ctx.configAt(kept.approvedAt.config),
        approvedAt: kept.approvedAt,
        approvers,
      };
    } catch {
      return null;
    }
  }

  /** Keeps `result` of the whole pass over `ctx`; a directory that refuses costs only the next command's time. */
  write(ledger: Ledger, ctx: IntegrityInputs, result: IntegrityResult): void {
    const kept: Kept = {
      key: this.keyOf(ctx),
      ledger: this.ledgerId,
      signed: ctx.signatures.size > 0,
      records: Object.fromEntries(this.inputsOf(ctx)),
      invalid: [...result.invalid],
      // One entry per approval, in the ledger's order: 0 where the pass named no approver at all.
      approvers: ledger.approvals.map((a) => (result.approvers.has(a.sha) ? (result.approvers.get(a.sha) as string | null) : 0)),
      approvedAt: result.approvedAt,
      findings: result.findings.map((f) => (f.record !== null && ctx.byId.has(f.record) ? { ...f, line: null } : f)),
    };
    try {
      writeWhole(join(this.dir, fileName), JSON.stringify(kept));
    } catch {
      // Not kept: the pass runs again next time.
    }
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

/** What the pass reads of a record in the work tree: its file and its post. */
const recordInput = (record: ArchiveRecord): string => `${record.file}\u0000${postOf(record) ?? '\u0001'}`;

/** A map made by `make` when it is first read. */
function madeWhenRead<K, V>(make: () => Map<K, V>): ReadonlyMap<K, V> {
  let made: Map<K, V> | undefined;
  const map = () => (made ??= make());
  return {
    get: (key) => map().get(key),
    has: (key) => map().has(key),
    get size() {
      return map().size;
    },
    forEach: (each, self) => map().forEach(each, self),
    entries: () => map().entries(),
    keys: () => map().keys(),
    values: () => map().values(),
    [Symbol.iterator]: () => map()[Symbol.iterator](),
  };
}

interface Kept {
  /** The key of the whole pass's inputs (see IntegrityCache.keyOf). */
  key: string;
  ledger: string;
  /** Whether any approval's signature was checked: a check of a few records checks only theirs. */
  signed: boolean;
  /** What the pass read of each record parsed (see recordInput). */
  records: Record<string, string>;
  invalid: string[];
  approvers: (string | null | 0)[];
  approvedAt: IntegrityResult['approvedAt'];
  /** A null line: the id line of the finding's record, looked up when read. */
  findings: (Omit<Finding, 'line'> & { line: number | null })[];
}
