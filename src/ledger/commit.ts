import { organisationDay } from '../dates.ts';

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

/** Who an identity names, without when. */
export type Person = Omit<Identity, 'date'>;

export interface FileChange {
  path: string;
  status: 'added' | 'modified' | 'deleted';
  /**
   * The change's hunks as git printed them (`--unified=0`, so only - and + lines), as bytes: most
   * changes are never read line by line, so they are decoded only where asked (see addedLines).
   */
  hunks: Buffer;
  /**
   * The file's object id after the change (null once deleted), from the patch's `index` line or the
   * merge's raw line; absent when git printed none (a change of mode alone): then it is not known here.
   */
  blob?: string | null;
}

/** git's id of no object (`0000…`): the side of a change where the file is not. */
export const isZeroId = (id: string): boolean => /^0+$/.test(id);

/** The hunks of a change read by name only (a merge's, see merge-diffs.ts): its lines are in the commits that wrote them. */
export const namesOnly: Buffer = Buffer.alloc(0);

/**
 * A line of an encrypted client block: ciphertext dates nothing and is most of a case's lines,
 * so it is not among the lines a change added (the change to the file still is).
 */
const armorLine = /^[ \t]+(?:[A-Za-z0-9+/]{20,}={0,2}|-----(?:BEGIN|END) AGE ENCRYPTED FILE-----)\r?$/;

/** The lines a change added, without the leading + and without ciphertext, in order. */
export function addedLines(change: FileChange): string[] {
  const hunks = change.hunks.toString('utf8');
  const lines: string[] = [];
  for (let start = 0; start < hunks.length; ) {
    const newline = hunks.indexOf('\n', start);
    const end = newline < 0 ? hunks.length : newline;
    if (hunks.charCodeAt(start) === 43) {
      const line = hunks.slice(start + 1, end);
      if (!armorLine.test(line)) lines.push(line);
    }
    start = end + 1;
  }
  return lines;
}

const wellInsideADay = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\+08:00$/;

/** The calendar day of an ISO timestamp in the organisation's time zone (UTC+8), whatever offset it was written in. */
export function dayOf(isoTimestamp: string): string {
  // Written in the organisation's own offset (as git prints nearly every date here), the day is the date as written;
  // Date.parse would roll a 30 February or a 24:00 over into the next day, so those days and hours go the long way.
  if (isoTimestamp.length === 25 && isoTimestamp.endsWith('+08:00') && wellInsideADay.test(isoTimestamp)) return isoTimestamp.slice(0, 10);
  const ms = Date.parse(isoTimestamp);
  return Number.isNaN(ms) ? isoTimestamp.slice(0, 10) : organisationDay(ms);
}

/** Commits by id: the ledger walks parents through it. */
export function indexBySha<T extends { sha: string }>(items: readonly T[]): Map<string, T> {
  // A loop, not an array of pairs per item: hundreds of thousands of commits and approvals are indexed.
  const index = new Map<string, T>();
  for (const item of items) index.set(item.sha, item);
  return index;
}
