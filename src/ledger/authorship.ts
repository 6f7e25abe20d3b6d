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

export function authorshipOf(commit: Commit): Authorship {
  return {
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
    submittedBy: /^Submitted-by: *(\S+)$/im.exec(commit.message)?.[1] ?? null,
    rejectionNote: commit.changes.length === 0 && /^Rejected-by:/im.test(commit.message),
  };
}
