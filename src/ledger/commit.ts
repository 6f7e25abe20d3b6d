/** One commit as the ledger sees it: identities, message, and the lines it added under content/. */
export interface Commit {
  sha: string;
  parents: string[];
  /** The commit's tree: a merge that kept its branch's tree has that branch's changes. */
  tree: string;
  author: Identity;
  committer: Identity;
  /** Ref names pointing here (%D), e.g. "tag: swa-adoption", "main". */
  refs: string[];
  message: string;
  /** Files under content/ changed relative to the first parent (repository-relative paths). */
  changes: FileChange[];
}

export interface Identity {
  name: string;
  email: string;
  /** ISO 8601 with the person's own offset, e.g. 2026-03-02T09:00:00+08:00. */
  date: string;
}

export interface FileChange {
  path: string;
  status: 'added' | 'modified' | 'deleted';
  /** Lines added by this change, without the leading +, in order. */
  addedLines: string[];
}

/** The local calendar day of an ISO timestamp, in the offset it was written with. */
export const dayOf = (isoTimestamp: string): string => isoTimestamp.slice(0, 10);
