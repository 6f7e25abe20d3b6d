import { fileOfRecord } from '../records/record-path.ts';
import type { Authorship } from './authorship.ts';
import type { Identity, Person } from './commit.ts';
import type { Approval, BranchNote } from './ledger.ts';

/** A branch commit's committer who is its author: not 0, which is the first person in the table. */
const sameAsAuthor = -1;

/**
 * The ledger's entries as short JSON arrays for the snapshot: a person (name and e-mail) is a
 * number in one table, and what nearly every entry repeats (the stage's text, the head reviewed,
 * the committer who is the author, the record of the part, its file, the merge's time as its
 * author date) is left out when it is so. A hundred thousand approvals were
 * most of the snapshot's bytes and of the time to write and read it. Decoding gives back objects
 * equal to those encoded (the snapshot test compares them).
 */
export class EntryCodec {
  private readonly index = new Map<string, number>();

  /** The people as decoded: one object per person, shared by every entry that names them. */
  private readonly decoded: Person[] = [];
  private lastFiles: { record: string; files: string[] } | undefined;

  /** The people table: filled while encoding, given back to decode. */
  constructor(readonly people: [name: string, email: string][] = []) {
    people.forEach(([name, email], i) => this.index.set(`${name}\n${email}`, i));
  }

  /**
   * `part`: the record whose part keeps the approval. Its id, its one file, and the merge's
   * author date when it is the merge's time are left out: nearly every approval is so.
   */
  approval(a: Approval, part: string | null): StoredApproval {
    const ownFile = a.record !== null && a.files.length === 1 && a.files[0] === fileOfRecord(a.record);
    return [
      a.sha,
      part !== null && a.record === part ? 0 : a.record,
      a.stage,
      a.stageText === a.stage ? 0 : a.stageText,
      a.claimedApprover,
      a.claimedRole,
      a.approvedHead === a.mergedHead ? 0 : a.approvedHead,
      a.mergedHead,
      a.keepsHeadTree,
      a.time,
      ownFile ? 0 : a.files,
      a.author.date === a.time ? this.person(a.author) : this.identity(a.author),
      this.second(a.committer, a.author),
      a.branchAuthorship.map((b) => [this.person(b.author), b.committer.name === b.author.name && b.committer.email === b.author.email ? sameAsAuthor : this.person(b.committer), b.submittedBy, b.rejectionNote]),
    ];
  }

  fromApproval(stored: StoredApproval, part: string | null): Approval {
    // Read by index, each person object made once per approval: a hundred thousand approvals are decoded at every check.
    const time = stored[9];
    const author = stored[11];
    const committer = stored[12];
    const merger: Identity = typeof author === 'number' ? this.dated(author, time) : this.identityOf(author);
    const record = stored[1];
    const id = record === 0 ? part : record;
    const files = stored[10];
    const mergedHead = stored[7];
    const approvedHead = stored[6];
    const stage = stored[2];
    const stageText = stored[3];
    const authorship = stored[13];
    const branchAuthorship: Authorship[] = new Array(authorship.length);
    for (let i = 0; i < authorship.length; i++) {
      const pair = authorship[i] as StoredApproval[13][number];
      const by = this.personAt(pair[0]);
      branchAuthorship[i] = { author: by, committer: pair[1] === sameAsAuthor ? by : this.personAt(pair[1]), submittedBy: pair[2], rejectionNote: pair[3] };
    }
    return {
      sha: stored[0],
      record: id,
      stage,
      stageText: stageText === 0 ? stage : stageText,
      claimedApprover: stored[4],
      claimedRole: stored[5],
      approvedHead: approvedHead === 0 ? mergedHead : approvedHead,
      mergedHead,
      keepsHeadTree: stored[8],
      time,
      branchAuthorship,
      files: files === 0 ? this.ownFiles(id as string) : files,
      author: merger,
      committer: committer === 0 ? merger : this.identityOf(committer),
    };
  }

  note(n: BranchNote, part: string | null): StoredNote {
    const stored: StoredNote = [n.sha, part !== null && n.record === part ? 0 : n.record, n.stage, n.by, n.time, n.branch];
    if ('reason' in n) stored.push(n.reason);
    return stored;
  }

  fromNote(stored: StoredNote, part: string | null): BranchNote {
    const record = stored[1];
    const note: BranchNote = { sha: stored[0], record: record === 0 ? part : record, stage: stored[2], by: stored[3], time: stored[4], branch: stored[5] };
    if (stored.length > 6) note.reason = stored[6];
    return note;
  }

  private identity({ name, email, date }: Identity): StoredIdentity {
    return [this.person({ name, email }), date];
  }

  /** A person's place in the table. */
  private person({ name, email }: Person): number {
    const key = `${name}\n${email}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.people.push([name, email]) - 1;
      this.index.set(key, at);
    }
    return at;
  }

  /** The second identity of a pair (a committer), 0 when it is the first one. */
  private second(identity: Identity, first: Identity): StoredIdentity | 0 {
    return identity.name === first.name && identity.email === first.email && identity.date === first.date ? 0 : this.identity(identity);
  }

  /** A record's one file, as the list an approval of it names: one list for the approvals of a part, which are decoded one after another. */
  private ownFiles(record: string): string[] {
    if (this.lastFiles?.record !== record) this.lastFiles = { record, files: [fileOfRecord(record) as string] };
    return this.lastFiles.files;
  }

  private personAt(at: number): Person {
    let person = this.decoded[at];
    if (person === undefined) {
      const [name, email] = this.people[at] as [string, string];
      this.decoded[at] = person = { name, email };
    }
    return person;
  }

  private dated(at: number, date: string): Identity {
    const { name, email } = this.personAt(at);
    return { name, email, date };
  }

  private identityOf([at, date]: StoredIdentity): Identity {
    const [name, email] = this.people[at] as [string, string];
    return { name, email, date };
  }
}

type StoredIdentity = [person: number, date: string];

export type StoredApproval = [
  sha: string,
  /** 0: the record whose part keeps it. */
  record: string | null | 0,
  stage: Approval['stage'],
  stageText: string | null | 0,
  claimedApprover: string | null,
  claimedRole: string | null,
  approvedHead: string | null | 0,
  mergedHead: string,
  keepsHeadTree: boolean,
  time: string,
  /** 0: the record's one file. */
  files: string[] | 0,
  /** A person alone: the author dated at the merge's time. */
  author: StoredIdentity | number,
  committer: StoredIdentity | 0,
  /** A branch commit's committer: a person, or sameAsAuthor. */
  authorship: [author: number, committer: number, submittedBy: string | null, rejectionNote: boolean][],
];

export type StoredNote = [sha: string, record: string | null | 0, stage: string | null, by: string | null, time: string, branch: string | null, reason?: string];
