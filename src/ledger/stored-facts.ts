import { approvedRecord } from './approval-scope.ts';
import type { Commit } from './commit.ts';
import { EntryCodec, type StoredApproval, type StoredNote } from './compact-entries.ts';
import type { Approval, BranchNote, Ledger, PendingBranch } from './ledger.ts';
import { LineProvenance } from './line-provenance.ts';
import type { RosterVersions } from './roster-versions.ts';

/**
 * What the history rules need of git, worked out once for a set of tips: the ledger with every
 * record file's line provenance, the roster's versions along main, and the approvals whose merge
 * rewrote what they approve.
 */
export interface LedgerFacts {
  ledger: Omit<Ledger, 'lineFirstSeen'> & { lineFirstSeen: LineProvenance };
  /** For each commit of main's first-parent history, the commit whose staff.yaml it carries. */
  rosterVersions: RosterVersions;
  /** staff.yaml as each of those commits has it (undefined where it is missing). */
  rosterTexts: Map<string, string | undefined>;
  rewritten: Set<string>;
  /** Where each of `ledger.approvals` stands in the whole ledger's list, when the facts are those of a few records (see factsFromParts). */
  approvalPlaces?: number[];
}

/**
 * The facts in parts, each JSON (which parses several times faster than V8's deserializer reads
 * the same objects back): one part per record, with the approvals, submissions and rejections
 * that name it and its first commit on main, then its lines' provenance apart (read only when
 * asked for, see LineProvenance); and one part with the rest.
 * Read with the parts of a few records only, the facts are those of those records: every rule
 * about them sees what it would see in the whole (see factsFromParts). Each approval and note
 * keeps its place in the ledger's lists, so that joined parts list them in the same order.
 * Given `reuse` (the people table of a snapshot these facts grew from, and the records whose
 * entries changed since), only those records' parts are made: the others are as they were.
 * main's history is written from its commit `mainlineFrom` on (a snapshot that holds the commits
 * before it is appended to: main only grows at its end).
 */
export function factsToParts(
  { ledger, rosterVersions, rosterTexts, rewritten }: LedgerFacts,
  reuse?: { people: EntryCodec['people']; changed: ReadonlySet<string> },
  mainlineFrom = 0,
): { shared: string; mainline: string; records: Iterable<StoredPart> } {
  const parts = new Map<string, RecordPart>();
  const wanted = (id: string) => !reuse || reuse.changed.has(id);
  const partOf = (id: string): RecordPart => {
    let part = parts.get(id);
    if (!part) parts.set(id, (part = { id, approvals: [], submissions: [], rejections: [], firstOnMain: null }));
    return part;
  };
  const codec = new EntryCodec(reuse ? [...reuse.people] : []);
  const shared: Placed<StoredApproval>[] = [];
  // An approval that carried another record's file along is named in that record's findings: it is shared.
  const carriers = new Set(ledger.unapproved.filter((c) => c.how === 'carried').map((c) => c.sha));
  ledger.approvals.forEach((approval, at) => {
    const record = approvedRecord(approval);
    const inShared = record === null || carriers.has(approval.sha);
    if (!inShared && !wanted(record)) return;
    if (record !== null && wanted(record)) partOf(record).approvals.push([at, codec.approval(approval, record)]);
    if (inShared) shared.push([at, codec.approval(approval, null)]);
  });
  const notes = (list: readonly BranchNote[], into: 'submissions' | 'rejections', unnamed: Placed<StoredNote>[]) =>
    list.forEach((note, at) => {
      if (note.record === null) unnamed.push([at, codec.note(note, null)]);
      else if (wanted(note.record)) partOf(note.record)[into].push([at, codec.note(note, note.record)]);
    });
  const submissions: Placed<StoredNote>[] = [];
  const rejections: Placed<StoredNote>[] = [];
  notes(ledger.submissions, 'submissions', submissions);
  notes(ledger.rejections, 'rejections', rejections);
  for (const id of ledger.lineFirstSeen.records()) if (wanted(id)) partOf(id);
  for (const [id, first] of ledger.firstOnMain) if (wanted(id)) partOf(id).firstOnMain = first;

  const part: SharedPart = {
    people: codec.people,
    mainTip: ledger.mainTip,
    adoption: ledger.adoption,
    approvals: shared,
    submissions,
    rejections,
    counts: [ledger.approvals.length, ledger.submissions.length, ledger.rejections.length],
    unapproved: ledger.unapproved,
    imported: [...ledger.imported],
    configsBeforeAdoption: ledger.configsBeforeAdoption,
    archiveNumbers: [...ledger.archiveNumbers],
    pendingBranches: ledger.pendingBranches.map((p) => ({ ...p, commits: p.commits.map(commitToJson) })),
    rosterChainBeforeAdoption: rosterVersions.chain.slice(0, rosterVersions.chain.length - ledger.mainline.length).join(' '),
    rosterChanges: rosterVersions.changes,
    rosterTexts: [...rosterTexts].map(([sha, text]) => [sha, text ?? null]),
    rewritten: [...rewritten],
  };
  // Each record's text made as it is written: ten thousand of them at once were a large part of a check's memory.
  const records = (function* (): Iterable<StoredPart> {
    for (const [id, p] of parts) yield { id, entries: JSON.stringify(p), lines: ledger.lineFirstSeen.bytesOf(id) };
  })();
  const shas: string[] = [];
  const times: string[] = [];
  let marks = '';
  for (let i = mainlineFrom; i < ledger.mainline.length; i++) {
    const { sha, time } = ledger.mainline[i]!;
    shas.push(sha);
    times.push(time);
    marks += ledger.approvalShas.has(sha) ? '1' : '0';
  }
  const mainline = shas.length === 0 ? '' : [shas.join(' '), times.join(' '), marks].join('\n');
  return { shared: JSON.stringify(part), mainline, records };
}

/** A record's part as written: its entries, then its lines. */
interface StoredPart {
  id: string;
  entries: string;
  lines: Buffer;
}

/**
 * The facts from the shared part, main's first-parent history (`mainline`: its pieces, oldest
 * first, each as factsToParts writes it), and the parts of some (or all) records, each its
 * entries' text and its lines' bytes. main's history is decoded when first asked for: a check
 * of one record whose approvals were judged already (see IntegrityCache) never asks, and it is
 * most of the shared bytes.
 */
export function factsFromParts(sharedText: string, mainline: readonly Buffer[], recordParts: Iterable<{ entries: string; lines: Buffer }>): { facts: LedgerFacts; people: EntryCodec['people'] } {
  const shared = JSON.parse(sharedText) as SharedPart;
  const codec = new EntryCodec(shared.people);
  // Each entry decoded as its part is parsed, into its place in the ledger's list: the parsed
  // arrays then die young, where ten thousand parts kept until the end were copied by the collector.
  const [approvalCount, submissionCount, rejectionCount] = shared.counts;
  const approvals = new Places<Approval>(approvalCount);
  const submissions = new Places<BranchNote>(submissionCount);
  const rejections = new Places<BranchNote>(rejectionCount);
  // `id`: the record whose part it is (entries name it by 0), null for the shared part.
  // Indexed loops, not destructured pairs: destructuring walks each pair through an iterator, for every entry of every check.
  const decode = (part: Pick<RecordPart, 'approvals' | 'submissions' | 'rejections'>, id: string | null) => {
    for (const placed of part.approvals) if (!approvals.has(placed[0])) approvals.set(placed[0], codec.fromApproval(placed[1], id));
    for (const placed of part.submissions) if (!submissions.has(placed[0])) submissions.set(placed[0], codec.fromNote(placed[1], id));
    for (const placed of part.rejections) if (!rejections.has(placed[0])) rejections.set(placed[0], codec.fromNote(placed[1], id));
  };
  decode(shared, null);
  const lineFirstSeen = new LineProvenance();
  const firstOnMain = new Map<string, { sha: string; time: string }>();
  for (const { entries, lines } of recordParts) {
    const part = JSON.parse(entries) as RecordPart;
    lineFirstSeen.stored(part.id, lines);
    decode(part, part.id);
    if (part.firstOnMain) firstOnMain.set(part.id, part.firstOnMain);
  }
  const main = once(() => mainlineOf(mainline));
  const beforeAdoption = shared.rosterChainBeforeAdoption === '' ? [] : shared.rosterChainBeforeAdoption.split(' ');
  const chain = once(() => [...beforeAdoption, ...main().mainline.map((c) => c.sha)]);
  const rosterVersions: RosterVersions = {
    get chain() {
      return chain();
    },
    changes: shared.rosterChanges,
    // main's history starts at the adoption point.
    placed: new Map(shared.adoption ? [[shared.adoption.sha, beforeAdoption.length]] : []),
  };
  const facts: LedgerFacts = {
    ledger: {
      mainTip: shared.mainTip,
      adoption: shared.adoption,
      approvals: approvals.list(),
      get approvalShas() {
        return main().approvalShas;
      },
      get mainline() {
        return main().mainline;
      },
      submissions: submissions.list(),
      rejections: rejections.list(),
      unapproved: shared.unapproved,
      imported: new Set(shared.imported),
      configsBeforeAdoption: shared.configsBeforeAdoption,
      lineFirstSeen,
      firstOnMain,
      archiveNumbers: new Map(shared.archiveNumbers),
      pendingBranches: shared.pendingBranches.map((p) => ({ ...p, commits: p.commits.map(commitFromJson) })),
    },
    rosterVersions,
    rosterTexts: new Map(shared.rosterTexts.map(([sha, text]) => [sha, text ?? undefined])),
    rewritten: new Set(shared.rewritten),
  };
  if (facts.ledger.approvals.length < approvalCount) facts.approvalPlaces = approvals.places();
  return { facts, people: shared.people };
}

/** An approval or a note with its place in the ledger's list. */
type Placed<T> = [number, T];

interface RecordPart {
  id: string;
  approvals: Placed<StoredApproval>[];
  submissions: Placed<StoredNote>[];
  rejections: Placed<StoredNote>[];
  firstOnMain: { sha: string; time: string } | null;
}

type Entries<M> = M extends ReadonlyMap<infer K, infer V> ? [K, V][] : never;
type StoredCommit = Omit<Commit, 'changes'> & { changes: (Omit<Commit['changes'][number], 'hunks'> & { hunks: string })[] };

interface SharedPart {
  people: EntryCodec['people'];
  mainTip: string;
  adoption: Ledger['adoption'];
  approvals: Placed<StoredApproval>[];
  submissions: Placed<StoredNote>[];
  rejections: Placed<StoredNote>[];
  /** How many approvals, submissions and rejections the ledger lists. */
  counts: [number, number, number];
  unapproved: Ledger['unapproved'];
  imported: string[];
  configsBeforeAdoption: string[];
  archiveNumbers: Entries<Ledger['archiveNumbers']>;
  pendingBranches: (Omit<PendingBranch, 'commits'> & { commits: StoredCommit[] })[];
  /** The roster versions' chain up to the adoption point; from there on it is `mainline`. */
  rosterChainBeforeAdoption: string;
  rosterChanges: [number, string][];
  rosterTexts: [string, string | null][];
  rewritten: string[];
}

/**
 * main's first-parent history as the snapshot keeps it: pieces of three lines each, the commits,
 * their times, and a 1 for each that is an approval (every approval is one of those commits). A
 * hundred thousand objects are slower to parse than two lists.
 */
function mainlineOf(pieces: readonly Buffer[]): { mainline: Ledger['mainline']; approvalShas: Set<string> } {
  const mainline: Ledger['mainline'] = [];
  const approvalShas = new Set<string>();
  for (const bytes of pieces) {
    const [shas = '', times = '', marks = ''] = bytes.toString('latin1').split('\n');
    if (shas === '') continue;
    const timeOf = times.split(' ');
    shas.split(' ').forEach((sha, i) => {
      mainline.push({ sha, time: timeOf[i] as string });
      if (marks[i] === '1') approvalShas.add(sha);
    });
  }
  return { mainline, approvalShas };
}

/** `make`'s value, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** A ledger list being filled in from parts: each entry at its place, once (a shared approval is also in its record's part). */
class Places<T> {
  private readonly items: T[];

  constructor(count: number) {
    this.items = new Array<T>(count);
  }

  has(at: number): boolean {
    return this.items[at] !== undefined;
  }

  set(at: number, item: T): void {
    this.items[at] = item;
  }

  /** The entries in their order, without the places of parts not read. */
  list(): T[] {
    return this.items.filter(() => true);
  }

  /** The places of those entries. */
  places(): number[] {
    return this.items.flatMap((_, at) => [at]);
  }
}

const commitToJson = (commit: Commit): StoredCommit => ({ ...commit, changes: commit.changes.map((c) => ({ ...c, hunks: c.hunks.toString('base64') })) });
const commitFromJson = (commit: StoredCommit): Commit => ({ ...commit, changes: commit.changes.map((c) => ({ ...c, hunks: Buffer.from(c.hunks, 'base64') })) });
