import type { Commit, Person } from './commit.ts';

/** What A-SELF-APPROVAL asks of a commit an approval brought into main: who wrote it (never when). */
export interface Authorship {
  author: Person;
  committer: Person;
  /** The Submitted-by trailer of a submission commit. */
  submittedBy: string | null;
  /** A reviewer's rejection note (no change, Rejected-by): it does not make them an author. */
  rejectionNote: boolean;
}

/** `person`: who an identity names; a ledger passes one that gives every equal person as one object. */
export function authorshipOf(commit: Commit, person: (identity: Person) => Person = personOf): Authorship {
  return {
    author: person(commit.author),
    committer: person(commit.committer),
    submittedBy: /^Submitted-by: *(\S+)$/im.exec(commit.message)?.[1] ?? null,
    rejectionNote: commit.changes.length === 0 && /^Rejected-by:/im.test(commit.message),
  };
}

const personOf = ({ name, email }: Person): Person => ({ name, email });
