import { locationFromPath } from '../records/record-path.ts';
import { approvedRecord, staffFile } from './approval-scope.ts';
import { blobsAt } from './blob-at.ts';
import { indexBySha, type Commit } from './commit.ts';
import type { History } from './git-log.ts';
import { buildLedger, type BranchNote, type Ledger } from './ledger.ts';
import { attachRefs } from './refs.ts';
import { rewrittenInMerge } from './rewritten-in-merge.ts';
import { rosterOf, type RosterVersions } from './roster-versions.ts';
import type { LineProvenance } from './line-provenance.ts';
import type { LedgerFacts } from './stored-facts.ts';

/**
 * The facts of a history worked out from those of an earlier state of it (a snapshot) and the
 * commits added since (`added`, see readAdded): the ledger walks only the first-parent commits
 * main gained, with the snapshot's submit-branch commits beside the new ones, and what it finds
 * is added to what the snapshot holds. It is what a full read gives (the snapshot test builds
 * both); where that could not be so it gives null and history is read in full: main did not grow
 * from the snapshot's tip along first parents, or main's staff.yaml changed (the snapshot's notes
 * name their authors through the roster at main's tip).
 */
export async function extendFacts(cwd: string, old: LedgerFacts, added: History, adoptionRef: string): Promise<GrownFacts | null> {
  const before = old.ledger;
  const mainTip = added.mainTip;
  if (!before.adoption || !mainTip) return null;
  // The commits off main the snapshot holds, with the refs that point at them now.
  const offMain = new Map<string, Commit>();
  for (const pending of before.pendingBranches) {
    for (const commit of pending.commits) if (!added.bySha.has(commit.sha)) offMain.set(commit.sha, { ...commit, refs: [] });
  }
  attachRefs(offMain, added.refs ?? []);
  const commits = [...added.commits, ...offMain.values()];
  const bySha = indexBySha(commits);

  const chain: Commit[] = [];
  for (let c = bySha.get(mainTip); c; c = c.parents[0] === undefined ? undefined : bySha.get(c.parents[0])) chain.push(c);
  const grewFromTip = chain.length === 0 ? mainTip === before.mainTip : chain.at(-1)!.parents[0] === before.mainTip;
  if (!grewFromTip || chain.some((c) => c.changes.some((change) => change.path === staffFile))) return null;

  // No new version (staff.yaml is unchanged): the chain is longer, its versions the same. The new
  // commits' places are known: main's tip, whose roster names the notes' authors, needs no index of the whole chain.
  const oldChain = old.rosterVersions.chain;
  const gained = chain.map((c) => c.sha).reverse();
  const placed = new Map(old.rosterVersions.placed);
  gained.forEach((sha, i) => placed.set(sha, oldChain.length + i));
  const rosterVersions: RosterVersions = { chain: [...oldChain, ...gained], changes: old.rosterVersions.changes, placed };
  const grown = buildLedger({ commits, bySha, mainTip, adoptionRef, rosterAt: rosterOf(rosterVersions, old.rosterTexts), after: { adoption: before.adoption } });
  const rewritten = await rewrittenInMerge(cwd, grown.approvals, blobsAt(bySha, mainTip));
  const merged = (n: BranchNote) => n.branch === null;
  const facts: LedgerFacts = {
    ledger: {
      mainTip,
      adoption: before.adoption,
      approvals: [...before.approvals, ...grown.approvals],
      approvalShas: new Set([...before.approvalShas, ...grown.approvalShas]),
      mainline: [...before.mainline, ...grown.mainline],
      // Notes of the snapshot's pending branches are read again, with the branches.
      submissions: [...before.submissions.filter(merged), ...grown.submissions],
      rejections: [...before.rejections.filter(merged), ...grown.rejections],
      unapproved: [...before.unapproved, ...grown.unapproved],
      imported: before.imported,
      configsBeforeAdoption: before.configsBeforeAdoption,
      lineFirstSeen: withLines(before.lineFirstSeen, grown, added.commits),
      firstOnMain: firstKept(before.firstOnMain, grown.firstOnMain),
      archiveNumbers: firstKept(before.archiveNumbers, grown.archiveNumbers),
      pendingBranches: grown.pendingBranches,
    },
    rosterVersions,
    rosterTexts: old.rosterTexts,
    rewritten: new Set([...old.rewritten, ...rewritten]),
  };
  return { facts, changed: changedRecords(before, grown, added.commits) };
}

/** The facts grown, and the records whose entries changed: an approval or note added, a note of a pending branch read again, a line added. */
export interface GrownFacts {
  facts: LedgerFacts;
  changed: Set<string>;
}

function changedRecords(before: LedgerFacts['ledger'], grown: Ledger, added: readonly Commit[]): Set<string> {
  const changed = new Set<string>();
  for (const approval of grown.approvals) {
    const record = approvedRecord(approval);
    if (record !== null) changed.add(record);
  }
  const pendingBefore = [...before.submissions, ...before.rejections].filter((n) => n.branch !== null);
  for (const note of [...grown.submissions, ...grown.rejections, ...pendingBefore]) if (note.record !== null) changed.add(note.record);
  for (const commit of added) {
    for (const change of commit.changes) {
      const id = locationFromPath(change.path)?.id;
      if (id !== undefined) changed.add(id);
    }
  }
  for (const id of grown.firstOnMain.keys()) changed.add(id);
  return changed;
}

/** Line provenance with the lines the added commits wrote: a line keeps the earliest time it was seen. */
function withLines(before: LineProvenance, grown: Ledger, added: readonly Commit[]): LineProvenance {
  const lines = before.copy();
  const files = new Set(added.flatMap((c) => c.changes.map((change) => change.path)).filter((path) => locationFromPath(path) !== null));
  for (const file of files) {
    const seen = grown.lineFirstSeen(file);
    if (!seen) continue;
    const known = new Map(before.get(file));
    for (const [line, time] of seen) {
      const earlier = known.get(line);
      if (earlier === undefined || Date.parse(time) < Date.parse(earlier)) known.set(line, time);
    }
    lines.set(file, known);
  }
  return lines;
}

/** The entries of `before`, and those of `after` it lacks: the first holder of a key stays its holder. */
function firstKept<K, V>(before: ReadonlyMap<K, V>, after: ReadonlyMap<K, V>): Map<K, V> {
  const kept = new Map(before);
  for (const [key, value] of after) if (!kept.has(key)) kept.set(key, value);
  return kept;
}
