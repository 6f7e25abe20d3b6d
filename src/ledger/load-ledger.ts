import { locationFromPath } from '../records/record-path.ts';
import type { Roster } from '../schemas/staff.ts';
import { staffFile } from './approval-scope.ts';
import { blobsAt } from './blob-at.ts';
import { readHistory, type History } from './git-log.ts';
import { buildLedger, type Ledger } from './ledger.ts';
import type { Commit } from './commit.ts';
import { extendFacts } from './extend-facts.ts';
import { ledgerIdOf, LedgerSnapshot, partDigestsOf, type PartDigests } from './ledger-snapshot.ts';
import { LineProvenance } from './line-provenance.ts';
import type { LedgerFacts } from './stored-facts.ts';
import { readBlobs } from './read-blobs.ts';
import { rosterOf, rosterVersionsOf, versionsSince } from './roster-versions.ts';
import { rewrittenInMerge } from './rewritten-in-merge.ts';
import { isShallow, shallowMessage } from './shallow.ts';
import { collectGarbageNow } from '../heap-policy.ts';

export type LedgerResult =
  | {
      ledger: Ledger;
      rosterAt(sha: string): Roster | null;
      /** Every roster main's first-parent history has carried since the adoption point. */
      rostersSinceAdoption: Roster[];
      /** Approvals whose merge commit itself changed a file they approve, beyond the merged head (A-STALE-HEAD). */
      rewritten: ReadonlySet<string>;
      /** What names this ledger (see ledgerIdOf); absent when history was read without a cache directory. */
      id?: string;
      /** Where each approval stands in the whole ledger's list, when the ledger holds a few records' (see LedgerFacts). */
      approvalPlaces?: readonly number[];
      /**
       * Each record's history as its part of the ledger snapshot holds it (its approvals, notes,
       * first commit on main and line provenance), digested: equal while the part is. Absent when
       * no snapshot was read or written.
       */
      partDigests?: PartDigests;
    }
  | { skipped: string; broken?: boolean };

/**
 * The edge that feeds the pure ledger: one `git log` for the history and one `git cat-file
 * --batch` for the roster as it stood on main before each merge and at the tip. What that gives
 * is kept as a ledger snapshot under the tips it was read from (see LedgerSnapshot): a later
 * command at the same tips, under the same adoption point, reads the snapshot instead (only the
 * parts of `records`, when given: the ledger then holds their approvals and notes), and a command
 * after new commits works the snapshot forward by those alone (see extendFacts). A caller
 * that has other work to do meanwhile starts `readHistory` itself and passes its promise in.
 */
export async function loadLedger(
  cwd: string,
  adoptionRef: string | undefined,
  historyRead: Promise<History | null> = readHistory(cwd),
  /** The records the caller asks about, when not all: then only their parts of a snapshot are read. */
  records?: Iterable<string>,
  /** Whether the caller keeps nothing of the history it passes: its commits are then emptied once the ledger is built (see releaseCommits). */
  handedOver = false,
): Promise<LedgerResult> {
  let history = await historyRead;
  if (!history) return { skipped: '档案目录不是 git 仓库的根目录' };
  // Before anything the cut-off history seems to lack: the adoption point, main, the commits of a merged branch.
  if (await isShallow(cwd)) return { skipped: shallowMessage, broken: true };
  if (!history.mainTip) return { skipped: '仓库没有 main 分支' };
  if (!adoptionRef) return { skipped: 'archive.yaml 没有设定启用审批的起点（adoption）' };

  const snapshots = history.key && new LedgerSnapshot(history.key.dir);
  const id = history.key && ledgerIdOf(history.key, adoptionRef);
  if (snapshots && history.snapshot) {
    const facts = history.snapshot.adoptionRef === adoptionRef ? snapshots.read(history.snapshot, records) : null;
    if (facts) return { ...fromFacts(facts, partDigestsOf(history.snapshot)), id };
  }
  if (snapshots && history.base) {
    const base = history.base.adoptionRef === adoptionRef ? snapshots.read(history.base) : null;
    const grown = base && (await extendFacts(cwd, base, history, adoptionRef));
    if (grown) {
      const digests = snapshots.write(history.key!, adoptionRef, grown.facts, { found: history.base, changed: grown.changed });
      return { ...fromFacts(grown.facts, digests), id };
    }
  }
  let owned = handedOver;
  if (history.snapshot || history.base) {
    history = await readHistory(cwd, { snapshot: false });
    if (!history?.mainTip) return { skipped: '仓库没有 main 分支' };
    owned = true;
  }
  const { key } = history;
  const collect = history.commits.length >= largeHistory ? collectGarbageNow : () => undefined;
  // What parsing the log left behind goes before the ledger is built beside the commits.
  collect();
  const facts = await factsOf(cwd, history, history.mainTip!, adoptionRef, collect);
  if (owned) releaseCommits(history);
  collect();
  if (!facts.ledger.adoption) return { skipped: `在 main 的历史中找不到 archive.yaml 设定的起点 ${adoptionRef}（标签名或提交哈希）`, broken: true };
  const digests = snapshots && key ? snapshots.write(key, adoptionRef, facts) : null;
  collect();
  return { ...fromFacts(facts, digests), id };
}

/**
 * How many commits a history has before building its ledger collects garbage at each step
 * (see collectGarbageNow): about 800 realistic records. Below it, the collections would cost more
 * than the memory they give back.
 */
const largeHistory = 20_000;

/**
 * Empties the commits of a history no one else holds, once the ledger is built from them: they
 * are most of a cold check's memory, and a promise of the history, still held on the stack of the
 * functions that awaited it, would keep them alive until the check's end.
 */
function releaseCommits(history: History): void {
  history.commits = [];
  history.bySha = new Map();
}

/** The ledger and what the history rules need beside it, worked out from the commits; `collect` runs once the ledger is built. */
async function factsOf(cwd: string, history: History, mainTip: string, adoptionRef: string, collect: () => void): Promise<LedgerFacts> {
  // The roster on main changes only where a first-parent commit touched staff.yaml: read those
  // versions alone (a handful, even for thousands of approvals) and parse each once.
  const { bySha } = history;
  const rosterVersions = rosterVersionsOf(bySha, mainTip);
  const versions = [...new Set(rosterVersions.changes.map(([, version]) => version))];
  const blobs = await readBlobs(cwd, versions.map((sha) => `${sha}:${staffFile}`));
  const rosterTexts = new Map(versions.map((sha) => [sha, blobs.get(`${sha}:${staffFile}`) ?? undefined]));
  const ledger = buildLedger({ commits: history.commits, bySha, mainTip, adoptionRef, rosterAt: rosterOf(rosterVersions, rosterTexts) });
  collect();
  const rewritten = ledger.adoption ? await rewrittenInMerge(cwd, ledger.approvals, blobsAt(bySha, mainTip)) : new Set<string>();
  return { ledger: { ...ledger, lineFirstSeen: everyRecordsLines(ledger, history.commits) }, rosterVersions, rosterTexts, rewritten };
}

function fromFacts({ ledger, rosterVersions, rosterTexts, rewritten, approvalPlaces }: LedgerFacts, partDigests: PartDigests | null): LedgerResult {
  const lines = ledger.lineFirstSeen;
  const rosterAt = rosterOf(rosterVersions, rosterTexts);
  const rosters = versionsSince(rosterVersions, ledger.adoption!.sha).map(rosterAt);
  // Its properties as they are, not read (a spread would): main's history is decoded only when asked for (see factsFromParts).
  const withLines = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(ledger), lineFirstSeen: { value: (file: string) => lines.get(file), enumerable: true } }) as Ledger;
  return {
    ledger: withLines,
    rosterAt,
    rostersSinceAdoption: rosters.filter((r): r is Roster => r !== null),
    rewritten,
    approvalPlaces,
    partDigests: partDigests ?? undefined,
  };
}

/** Line provenance of every record file history has: what the snapshot keeps of the commits' lines. */
function everyRecordsLines(ledger: Ledger, commits: readonly Commit[]): LineProvenance {
  const files = new Set<string>();
  for (const commit of commits) for (const change of commit.changes) if (!files.has(change.path) && locationFromPath(change.path) !== null) files.add(change.path);
  const lines = new LineProvenance();
  for (const file of files) {
    const seen = ledger.lineFirstSeen(file);
    if (seen) lines.set(file, seen);
  }
  return lines;
}
