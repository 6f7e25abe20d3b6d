import { archiveNoInLine } from '../archive/numbering.ts';
import { memoisedPer } from '../group-by.ts';
import { locationFromPath } from '../records/record-path.ts';
import { recordIdPattern } from '../schemas/common.ts';
import type { Roster } from '../schemas/staff.ts';
import { carriedFiles, configFiles } from './approval-scope.ts';
import { authorshipOf, type Authorship } from './authorship.ts';
import { addedLines, indexBySha, namesOnly, type Commit, type FileChange, type Identity, type Person } from './commit.ts';
import { staffIdOf } from './identity.ts';
import { isStage, type Stage } from './stages.ts';
import { interning } from './parse-log.ts';
import { parseHostMerge, parseTrailers, trailer } from './trailers.ts';

export { configFiles } from './approval-scope.ts';

/** An approval: a merge on main's first-parent history that names a record and a stage. */
export interface Approval {
  sha: string;
  record: string | null;
  /** The stage named, or null when none could be read (a host merge without trailers or submission). */
  stage: Stage | null;
  stageText: string | null;
  /** What the Approved-by and Role trailers claim. */
  claimedApprover: string | null;
  claimedRole: string | null;
  approvedHead: string | null;
  mergedHead: string;
  /** Whether the merge's tree is its merged head's: then the merge itself changed nothing the head did not have. */
  keepsHeadTree: boolean;
  /** When the merge was made (committer date). */
  time: string;
  /** Who wrote each commit the merge brought into main. */
  branchAuthorship: Authorship[];
  /** Files under content/ the merge changed, relative to its first parent. */
  files: string[];
  author: Identity;
  /** Who recorded the merge (a host's own identity for a merge made on the host). */
  committer: Identity;
}

export interface BranchNote {
  sha: string;
  record: string | null;
  stage: string | null;
  by: string | null;
  time: string;
  /** The submit/* branch it sits on while unmerged, or null once merged. */
  branch: string | null;
  reason?: string;
}

export type ChangeRoute = 'squash' | 'rebase' | 'fast-forward' | 'direct-push' | 'merge-without-approval' | 'carried';

/** A change to a record or the configuration that reached main without an approval merge. */
export interface UnapprovedChange {
  sha: string;
  how: ChangeRoute;
  records: string[];
  files: string[];
  time: string;
  author: Identity;
}

export interface Ledger {
  mainTip: string;
  /** The adoption point: changes up to and including it count as imported. */
  adoption: { sha: string; time: string } | null;
  approvals: Approval[];
  /** Every approval's merge: a ledger read for a few records, with their approvals only, still knows which commits of main were approvals. */
  approvalShas: ReadonlySet<string>;
  /** main's first-parent history from the adoption point on, oldest first: the order "later" means. */
  mainline: { sha: string; time: string }[];
  submissions: BranchNote[];
  rejections: BranchNote[];
  unapproved: UnapprovedChange[];
  /** Records present on main at the adoption point. */
  imported: Set<string>;
  /** The first-parent commits up to the adoption point that changed archive.yaml, oldest first: did one set an adoption point before it? */
  configsBeforeAdoption: string[];
  /** For a file: the earliest time (committer date) each trimmed added line appeared in any commit. */
  lineFirstSeen(file: string): ReadonlyMap<string, string> | undefined;
  /** Per record: the first commit on main's first-parent history that carried it. */
  firstOnMain: Map<string, { sha: string; time: string }>;
  /** G-ARCHIVE-NO: every archive number that ever reached main, with the record that first held it. */
  archiveNumbers: Map<string, { record: string; sha: string; time: string }>;
  /** Unmerged submit/* branches with the commits they add. */
  pendingBranches: PendingBranch[];
}

export interface PendingBranch {
  branch: string;
  tip: string;
  /** The commits the branch adds, newest first. */
  commits: Commit[];
  /** Its newest submission (what it asks for), and its newest note (a rejection, when one came last). */
  submission: BranchNote | null;
  latest: BranchNote | null;
}

export interface LedgerInput {
  commits: readonly Commit[];
  /** The same commits by id, when the caller has them indexed already. */
  bySha?: ReadonlyMap<string, Commit>;
  mainTip: string;
  /** A tag name or commit sha from archive.yaml; null when approvals are not enforced yet. */
  adoptionRef: string | null;
  /** The roster as it stood at a commit on main (read from that commit, not from any branch). */
  rosterAt(sha: string): Roster | null;
  /**
   * When only what was added to history since a ledger is given (see extendFacts): that ledger's
   * adoption point. main's first-parent history is then walked from the first commit given, and
   * every commit not given counts as one main already had.
   */
  after?: { adoption: { sha: string; time: string } };
}

const recordOfPath = (path: string) => locationFromPath(path)?.id ?? null;

/** Builds the ledger from one pass of history. Pure: the commits and the rosters come in. */
export function buildLedger({ commits, bySha = indexBySha(commits), mainTip, adoptionRef, rosterAt, after }: LedgerInput): Ledger {
  // The same paths come back in every commit that touches them: each is read once.
  const recordIds = new Map<string, string | null>();
  const recordOf = (path: string): string | null => {
    let id = recordIds.get(path);
    if (id === undefined) recordIds.set(path, (id = recordOfPath(path)));
    return id;
  };
  const tipRoster = rosterAt(mainTip);
  // A commit's trailers, read once while the first-parent commit that brought it is read: a branch
  // commit is asked for them by its merge and again for its note, both then. Kept for the whole
  // build, every commit's trailers were a third of its memory at its peak.
  const trailersRead = () => memoisedPer((commit: Commit) => parseTrailers(commit.message));
  let trailersOf: TrailersOf = trailersRead();
  const kept = keptApart();
  const notesOf = (commit: Commit, branch: string | null) => branchNotesOf(trailersOf, kept, commit, branch, tipRoster);
  const chain = firstParentChain(bySha, mainTip);
  const adoptionIndex = adoptionRef === null || after ? -1 : chain.findIndex((c) => matchesRef(c, adoptionRef));
  const adoption = after ? after.adoption : adoptionIndex >= 0 ? { sha: chain[adoptionIndex]!.sha, time: chain[adoptionIndex]!.committer.date } : null;

  const onMain = new Set<string>();
  const approvals: Approval[] = [];
  const unapproved: UnapprovedChange[] = [];
  const imported = new Set<string>();
  const firstOnMain = new Map<string, { sha: string; time: string }>();
  const archiveNumbers = new Map<string, { record: string; sha: string; time: string }>();
  const branchNotes: BranchNote[] = [];
  const mainline: { sha: string; time: string }[] = [];
  const configsBeforeAdoption: string[] = [];

  chain.forEach((commit, index) => {
    trailersOf = trailersRead();
    const branchCommits = commit.parents.length > 1 ? collectBranch(bySha, commit.parents.slice(1), onMain, onMain) : [];
    onMain.add(commit.sha);
    const files = commit.changes.map((c) => c.path);
    const records: string[] = [];
    for (const file of files) {
      const id = recordOf(file);
      if (id !== null && !records.includes(id)) records.push(id);
    }
    for (const id of records) if (!firstOnMain.has(id)) firstOnMain.set(id, { sha: commit.sha, time: commit.committer.date });
    for (const change of linesBroughtToMain(commit, branchCommits)) {
      const record = recordOf(change.path);
      // Only a line that names archiveNo can carry a number: the others are never split out.
      if (!record || !change.hunks.includes('archiveNo')) continue;
      for (const line of addedLines(change)) {
        const number = line.includes('archiveNo') ? archiveNoInLine(line) : undefined;
        if (number && !archiveNumbers.has(number)) archiveNumbers.set(number, { record, sha: commit.sha, time: commit.committer.date });
      }
    }
    for (const branchCommit of branchCommits) branchNotes.push(...notesOf(branchCommit, null));

    const enforced = adoption !== null && index > adoptionIndex;
    if (adoption !== null && index >= adoptionIndex) mainline.push({ sha: commit.sha, time: commit.committer.date });
    if (!enforced) {
      if (adoption !== null && files.includes(configFiles[1] as string)) configsBeforeAdoption.push(commit.sha);
      for (const change of commit.changes) {
        const id = recordOf(change.path);
        if (id && change.status !== 'deleted') imported.add(id);
        if (id && change.status === 'deleted') imported.delete(id);
      }
      return;
    }
    const touched = files.filter((f) => recordOf(f) !== null || configFiles.includes(f));
    const namesRecord = /^Record:/im.test(commit.message);
    const approval = commit.parents.length > 1 && (touched.length > 0 || namesRecord) ? readApproval(trailersOf, kept, commit, branchCommits, files) : null;
    if (approval) {
      approvals.push(approval);
      // A merge approves the one record (or the configuration) it names: whatever else it changed is unapproved.
      const carried = carriedFiles(approval);
      const carriedRecords = [...new Set(carried.map(recordOf).filter((id): id is string => id !== null))];
      if (carried.length > 0) unapproved.push({ sha: commit.sha, how: 'carried', records: carriedRecords, files: carried, time: commit.committer.date, author: commit.author });
    } else if (touched.length > 0) {
      unapproved.push({ sha: commit.sha, how: routeOf(trailersOf, commit), records, files: touched, time: commit.committer.date, author: commit.author });
    }
  });

  trailersOf = trailersRead();
  const pendingBranches = pendingSubmitBranches(commits, bySha, onMain).map((pending): PendingBranch => {
    const notes = pending.commits.flatMap((commit) => notesOf(commit, pending.branch));
    branchNotes.push(...notes);
    return { ...pending, submission: notes.find((n) => n.reason === undefined) ?? null, latest: notes[0] ?? null };
  });

  return {
    mainTip,
    adoption,
    approvals,
    approvalShas: new Set(approvals.map((a) => a.sha)),
    mainline,
    submissions: branchNotes.filter((n) => n.reason === undefined),
    rejections: branchNotes.filter((n) => n.reason !== undefined),
    unapproved,
    imported,
    configsBeforeAdoption,
    lineFirstSeen: lineProvenance(commits),
    firstOnMain,
    archiveNumbers,
    pendingBranches,
  };
}

/**
 * The changes whose lines a first-parent commit brought to main: its own, or, for a merge read by
 * name only, those of the commits it brought that touched the files it changed.
 */
function linesBroughtToMain(commit: Commit, branchCommits: readonly Commit[]): readonly FileChange[] {
  if (!commit.changes.some((change) => change.hunks === namesOnly)) return commit.changes;
  const paths = new Set(commit.changes.map((change) => change.path));
  return branchCommits.flatMap((c) => c.changes.filter((change) => paths.has(change.path)));
}

function firstParentChain(bySha: ReadonlyMap<string, Commit>, tip: string): Commit[] {
  const chain: Commit[] = [];
  for (let commit = bySha.get(tip); commit; commit = commit.parents[0] ? bySha.get(commit.parents[0]) : undefined) chain.push(commit);
  return chain.reverse();
}

function matchesRef(commit: Commit, ref: string): boolean {
  return commit.sha.startsWith(ref.toLowerCase()) || commit.refs.includes(`tag: refs/tags/${ref}`);
}

/**
 * Commits reachable from `heads` that main did not have yet, each added to `visited` (main's own
 * set while main is walked). The walk stops at main's commits, so it costs what the branch adds.
 */
function collectBranch(bySha: ReadonlyMap<string, Commit>, heads: readonly string[], onMain: ReadonlySet<string>, visited: Set<string>): Commit[] {
  const found: Commit[] = [];
  const stack = [...heads];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    const commit = bySha.get(sha);
    if (!commit || onMain.has(sha) || visited.has(sha)) continue;
    visited.add(sha);
    found.push(commit);
    for (const parent of commit.parents) stack.push(parent);
  }
  return found;
}

function readApproval(trailersOf: TrailersOf, kept: KeptApart, merge: Commit, branchCommits: Commit[], files: string[]): Approval | null {
  const trailers = trailersOf(merge);
  const host = trailer(trailers, 'Approved-by') ? null : parseHostMerge(merge.message);
  if (!trailer(trailers, 'Record') && !trailer(trailers, 'Approved-by') && !host) return null;

  let submitted: Map<string, string[]> | undefined;
  for (const commit of branchCommits) {
    const found = trailersOf(commit);
    if (trailer(found, 'Submitted-by') !== undefined) {
      submitted = found;
      break;
    }
  }
  const recordFromBranch = host?.branch.startsWith('submit/') ? host.branch.slice('submit/'.length) : undefined;
  const named = trailer(trailers, 'Record') ?? (submitted && trailer(submitted, 'Record')) ?? recordFromBranch ?? null;
  // A Record value that is not a record id names nothing: the records are then read from the files changed.
  const record = named !== null && recordIdPattern.test(named) ? named : null;
  const stageText = kept.value(trailer(trailers, 'Stage') ?? (submitted && trailer(submitted, 'Stage')) ?? null);
  const mergedHead = merge.parents[1] as string;
  const approvedHead = trailer(trailers, 'Approved-head') ?? null;
  return {
    sha: merge.sha,
    record: kept.value(record),
    stage: stageText !== null && isStage(stageText) ? stageText : null,
    stageText,
    claimedApprover: kept.value(trailer(trailers, 'Approved-by') ?? null),
    claimedRole: kept.value(trailer(trailers, 'Role') ?? null),
    approvedHead: approvedHead === mergedHead ? mergedHead : kept.value(approvedHead),
    mergedHead,
    keepsHeadTree: branchCommits.find((c) => c.sha === mergedHead)?.tree === merge.tree,
    time: merge.committer.date,
    branchAuthorship: branchCommits.map((commit) => authorshipOf(commit, kept.person)),
    files,
    author: merge.author,
    committer: merge.committer,
  };
}

type TrailersOf = (commit: Commit) => Map<string, string[]>;

interface KeptApart {
  value<T extends string | null>(value: T): T;
  person(identity: Person): Person;
}

/**
 * What the ledger keeps of its commits, one object for every equal value. A trailer's value is a
 * slice of its message: kept as it is, each approval and note would keep a whole message alive
 * after the commits are gone (those messages were a sixth of a large check's memory), so each
 * value is copied out once. Each approval's authorship names the same few people.
 */
function keptApart(): KeptApart {
  const flat = interning((value) => Buffer.from(value, 'utf8').toString('utf8'));
  const people = new Map<string, Person>();
  return {
    value: <T extends string | null>(value: T): T => (value === null ? value : (flat(value) as T)),
    person({ name, email }) {
      const key = `${name}\n${email}`;
      let person = people.get(key);
      if (person === undefined) people.set(key, (person = { name, email }));
      return person;
    },
  };
}

/** How a change reached main without a merge: told apart by the marks each route leaves. */
function routeOf(trailersOf: TrailersOf, commit: Commit): ChangeRoute {
  if (commit.parents.length > 1) return 'merge-without-approval';
  const trailers = trailersOf(commit);
  const subject = commit.message.split('\n')[0] ?? '';
  if (/\(#\d+\)$/.test(subject) || commit.message.includes('Squashed commit of the following')) return 'squash';
  if (trailer(trailers, 'Submitted-by') !== undefined) {
    const rewritten = commit.committer.date !== commit.author.date || commit.committer.email !== commit.author.email;
    return rewritten ? 'rebase' : 'fast-forward';
  }
  return 'direct-push';
}

function branchNotesOf(trailersOf: TrailersOf, kept: KeptApart, commit: Commit, branch: string | null, roster: Roster | null): BranchNote[] {
  const trailers = trailersOf(commit);
  // Each note written out whole: spread from one object, every note had a hidden class of its own.
  const { sha } = commit;
  const record = kept.value(trailer(trailers, 'Record') ?? null);
  const stage = kept.value(trailer(trailers, 'Stage') ?? null);
  const time = commit.committer.date;
  const rejectedBy = trailer(trailers, 'Rejected-by');
  if (rejectedBy !== undefined) {
    const reason = commit.message.split(/\n\s*\n/).slice(1, -1).join('\n\n').trim() || (trailer(trailers, 'Reason') ?? '');
    const by = kept.value(roster ? staffIdOf(roster, commit.author) ?? rejectedBy : rejectedBy);
    return [{ sha, record, stage, time, branch, by, reason }];
  }
  const submittedBy = trailer(trailers, 'Submitted-by');
  if (submittedBy === undefined) return [];
  return [{ sha, record, stage, time, branch, by: kept.value(roster ? staffIdOf(roster, commit.author) ?? submittedBy : submittedBy) }];
}

function pendingSubmitBranches(commits: readonly Commit[], bySha: ReadonlyMap<string, Commit>, onMain: Set<string>) {
  const pending: Omit<PendingBranch, 'submission' | 'latest'>[] = [];
  for (const commit of commits) {
    for (const ref of commit.refs) {
      const name = ref.replace(/^HEAD -> /, '');
      if (!name.startsWith('refs/heads/submit/')) continue;
      pending.push({ branch: name.slice('refs/heads/'.length), tip: commit.sha, commits: collectBranch(bySha, [commit.sha], onMain, new Set()) });
    }
  }
  // By name, not by where the log put each tip: a cached history lists commits in another order than a full read.
  return pending.filter((p) => p.commits.length > 0).sort((a, b) => (a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0));
}

/**
 * Line provenance, worked out per file when asked: the history rules ask it for the records whose
 * dated lines they check, one record after another, several times for each. Only the last file's
 * is kept: kept for every file, they were a tenth of a large archive's memory. The changes are
 * indexed by file on the first request.
 */
function lineProvenance(commits: readonly Commit[]): (file: string) => ReadonlyMap<string, string> | undefined {
  let changesOf: Map<string, { time: string; change: FileChange }[]> | undefined;
  let last: { file: string; lines: ReadonlyMap<string, string> | undefined } | undefined;
  return (file) => {
    if (last?.file === file) return last.lines;
    changesOf ??= indexChanges(commits);
    const changes = changesOf.get(file);
    last = { file, lines: changes && firstSeen(changes) };
    return last.lines;
  };
}

/** For each trimmed line the changes added: the time of the earliest change that added it. */
function firstSeen(changes: readonly { time: string; change: FileChange }[]): Map<string, string> {
  const lines = new Map<string, string>();
  const earliest = new Map<string, number>();
  for (const { time, change } of changes) {
    const ms = Date.parse(time);
    for (const raw of addedLines(change)) {
      const line = raw.trim();
      const earlier = earliest.get(line);
      if (earlier !== undefined && earlier <= ms) continue;
      earliest.set(line, ms);
      lines.set(line, time);
    }
  }
  return lines;
}

function indexChanges(commits: readonly Commit[]): Map<string, { time: string; change: FileChange }[]> {
  const changesOf = new Map<string, { time: string; change: FileChange }[]>();
  for (const commit of commits) {
    for (const change of commit.changes) {
      const entry = { time: commit.committer.date, change };
      const changes = changesOf.get(change.path);
      if (changes) changes.push(entry);
      else changesOf.set(change.path, [entry]);
    }
  }
  return changesOf;
}
