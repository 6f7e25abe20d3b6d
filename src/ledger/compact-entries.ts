import type { Authorship } from './authorship.ts';
import type { Identity } from './commit.ts';
import type { Approval, BranchNote } from './ledger.ts';

/**
 * The ledger's entries as short JSON arrays for the snapshot: a person (name and e-mail) is a
 * number in one table, and what nearly every entry repeats (the stage's text, the head reviewed,
 * the committer who is the author) is left out when it is so. A hundred thousand approvals were
 * most of the snapshot's bytes and of the time to write and read it. Decoding gives back objects
 * equal to those encoded (the snapshot test compares them).
 */
export class EntryCodec {
  private readonly index = new Map<string, number>();

  /** The people table: filled while encoding, given back to decode. */
  constructor(readonly people: [name: string, email: string][] = []) {
    people.forEach(([name, email], i) => this.index.set(`${name}\n${email}`, i));
  }

  approval(a: Approval): StoredApproval {
    const author = this.identity(a.author);
    return [
      a.sha,
      a.record,
      a.stage,
      a.stageText === a.stage ? 0 : a.stageText,
      a.claimedApprover,
      a.claimedRole,
      a.approvedHead === a.mergedHead ? 0 : a.approvedHead,
      a.mergedHead,
      a.keepsHeadTree,
      a.firstParent,
      a.time,
      a.files,
      author,
      this.second(a.committer, a.author),
      a.branchAuthorship.map((b) => {
        return [this.identity(b.author), this.second(b.committer, b.author), b.submittedBy, b.rejectionNote];
      }),
    ];
  }

  fromApproval([sha, record, stage, stageText, claimedApprover, claimedRole, approvedHead, mergedHead, keepsHeadTree, firstParent, time, files, author, committer, authorship]: StoredApproval): Approval {
    const merger = this.person(author);
    return {
      sha,
      record,
      stage,
      stageText: stageText === 0 ? stage : stageText,
      claimedApprover,
      claimedRole,
      approvedHead: approvedHead === 0 ? mergedHead : approvedHead,
      mergedHead,
      keepsHeadTree,
      firstParent,
      time,
      branchAuthorship: authorship.map(([writer, recorder, submittedBy, rejectionNote]): Authorship => {
        const by = this.person(writer);
        return { author: by, committer: recorder === 0 ? { ...by } : this.person(recorder), submittedBy, rejectionNote };
      }),
      files,
      author: merger,
      committer: committer === 0 ? { ...merger } : this.person(committer),
    };
  }

  note(n: BranchNote): StoredNote {
    const stored: StoredNote = [n.sha, n.record, n.stage, n.by, n.time, n.branch];
    if ('reason' in n) stored.push(n.reason);
    return stored;
  }

  fromNote([sha, record, stage, by, time, branch, ...reason]: StoredNote): BranchNote {
    const note: BranchNote = { sha, record, stage, by, time, branch };
    if (reason.length > 0) note.reason = reason[0];
    return note;
  }

  private identity({ name, email, date }: Identity): StoredIdentity {
    const key = `${name}\n${email}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.people.push([name, email]) - 1;
      this.index.set(key, at);
    }
    return [at, date];
  }

  /** The second identity of a pair (a committer), 0 when it is the first one. */
  private second(identity: Identity, first: Identity): StoredIdentity | 0 {
    return identity.name === first.name && identity.email === first.email && identity.date === first.date ? 0 : this.identity(identity);
  }

  private person([at, date]: StoredIdentity): Identity {
    const [name, email] = this.people[at] as [string, string];
    return { name, email, date };
  }
}

type StoredIdentity = [person: number, date: string];

export type StoredApproval = [
  sha: string,
  record: string | null,
  stage: Approval['stage'],
  stageText: string | null | 0,
  claimedApprover: string | null,
  claimedRole: string | null,
  approvedHead: string | null | 0,
  mergedHead: string,
  keepsHeadTree: boolean,
  firstParent: string,
  time: string,
  files: string[],
  author: StoredIdentity,
  committer: StoredIdentity | 0,
  authorship: [author: StoredIdentity, committer: StoredIdentity | 0, submittedBy: string | null, rejectionNote: boolean][],
];

export type StoredNote = [sha: string, record: string | null, stage: string | null, by: string | null, time: string, branch: string | null, reason?: string];
