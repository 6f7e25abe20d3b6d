import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { codeVersion } from '../code-version.ts';
import { writeInPieces, writeWhole } from '../write-whole.ts';
import type { EntryCodec } from './compact-entries.ts';
import { factsFromParts, factsToParts, type LedgerFacts } from './stored-facts.ts';

/** What a snapshot was made from: the same history, read the same way, by the same code. */
export interface SnapshotKey {
  /** The history cache's format (the git arguments and the shallow boundary). */
  format: string;
  /** main, HEAD and every submit/* branch: the commits history was read from. */
  tips: readonly string[];
  /** Every branch and tag read, with its commit (`refs/tags/x <sha>`): a tag moved (the adoption point) changes the ledger but no tip. */
  refs: readonly string[];
  /** Whether HEAD is main or a submit/* branch: then the commits off main are those of the submit branches, which the snapshot keeps. */
  headOnBranch: boolean;
}

/** A snapshot a later history can extend (see extendFacts): the tips it was made from. */
export interface BaseSnapshot {
  found: FoundSnapshot;
  tips: readonly string[];
}

/** A snapshot made from the tips asked for: its facts file, where each part is in it, and the adoption point the ledger was built from. */
export interface FoundSnapshot {
  file: string;
  adoptionRef: string;
  /** Byte ranges in the file: the shared part, main's first-parent history, and each record's (its entries, then its lines from `lines` on). */
  shared: Range;
  mainline: Range;
  records: Record<string, PartRange>;
  /** The CRC-32 of every record's lines, in the order of `records`. */
  linesCrc: number;
}

type Range = [start: number, end: number];
type PartRange = [start: number, lines: number, end: number];

const stateFile = 'ledger.json';

/**
 * The ledger snapshot in the history cache's directory: `ledger.json` names what it was made
 * from and where each part of the facts is (see factsToParts) in the file beside it. A command
 * whose tips are those reads the facts back instead of reading and parsing all of history, and
 * a command about a few records reads only their parts. Every file is written whole (temporary
 * file, then rename); anything unreadable, or made by other code, is not believed, and the ledger
 * is built from history again.
 */
export class LedgerSnapshot {
  /** The last snapshot read whole, its bytes and people table: a snapshot grown from it reuses the parts of records that did not change. */
  private last: { found: FoundSnapshot; bytes: Buffer; people: EntryCodec['people'] } | undefined;
  private stateRead: State | null | undefined;

  constructor(private readonly dir: string) {}

  /** The snapshot made from `key`, or null; only the small state file is read. */
  find(key: SnapshotKey): FoundSnapshot | null {
    try {
      const state = this.state();
      return state?.id === idOf(key) ? this.found(state) : null;
    } catch {
      return null;
    }
  }

  /**
   * The snapshot of an earlier state of this history that `key`'s can be worked out from by the
   * commits added since: made by the same code, read the same way, with the same tags, and with no
   * commit off main but those of the submit branches. Null when there is none.
   */
  findBase(key: SnapshotKey): BaseSnapshot | null {
    try {
      const state = this.state();
      if (!state || state.lineage !== lineageOf(key) || !state.headOnBranch || !Array.isArray(state.tips)) return null;
      const found = this.found(state);
      return found && { found, tips: state.tips };
    } catch {
      return null;
    }
  }

  /** The state file, read once per instance: find and then findBase ask for it. */
  private state(): State | null {
    if (this.stateRead === undefined) {
      const state = JSON.parse(readFileSync(join(this.dir, stateFile), 'utf8')) as State;
      this.stateRead = typeof state.adoptionRef === 'string' ? state : null;
    }
    return this.stateRead;
  }

  private found(state: State): FoundSnapshot | null {
    const file = join(this.dir, state.file);
    return statSync(file).size === state.bytes ? { file, adoptionRef: state.adoptionRef, shared: state.shared, mainline: state.mainline, records: state.records, linesCrc: state.linesCrc } : null;
  }

  /** The facts, whole, or (given `records`) with the parts of those records only; null when the file cannot be read. */
  read(found: FoundSnapshot, records?: Iterable<string>): LedgerFacts | null {
    try {
      if (!records) {
        const bytes = readFileSync(found.file);
        const parts = Object.values(found.records).map(([start, lines, end]) => ({ entries: bytes.toString('utf8', start, lines), lines: bytes.subarray(lines, end) }));
        // The lines are parsed only when asked for, long after this: damage to them is found here, by their checksum.
        if (parts.reduce((crc, part) => crc32(part.lines, crc), 0) !== found.linesCrc) return null;
        const { facts, people } = factsFromParts(bytes.toString('utf8', found.shared[0], found.shared[1]), bytes.subarray(found.mainline[0], found.mainline[1]), parts);
        this.last = { found, bytes, people };
        return facts;
      }
      const fd = openSync(found.file, 'r');
      try {
        const bytesOf = ([start, end]: Range) => {
          const bytes = Buffer.alloc(end - start);
          readSync(fd, bytes, 0, bytes.length, start);
          return bytes;
        };
        const ranges = [...new Set(records)].map((id) => found.records[id]).filter((r): r is PartRange => r !== undefined);
        const parts = ranges.map(([start, lines, end]) => {
          const bytes = bytesOf([start, end]);
          return { entries: bytes.toString('utf8', 0, lines - start), lines: bytes.subarray(lines - start) };
        });
        const { facts } = factsFromParts(bytesOf(found.shared).toString('utf8'), bytesOf(found.mainline), parts);
        // A few records' lines are parsed now, where damage to them means the snapshot is not believed.
        for (const record of facts.ledger.lineFirstSeen.records()) facts.ledger.lineFirstSeen.ofRecord(record);
        return facts;
      } finally {
        closeSync(fd);
      }
    } catch {
      return null;
    }
  }

  /**
   * Keeps `facts`, built under `adoptionRef`, as those of `key`; false when the directory refuses
   * (that costs only the snapshot). Given `grownFrom` (the snapshot last read whole, and the records
   * whose entries changed since), the other records' parts are copied from it as they are.
   */
  write(key: SnapshotKey, adoptionRef: string, facts: LedgerFacts, grownFrom?: { found: FoundSnapshot; changed: ReadonlySet<string> }): boolean {
    const id = idOf(key);
    const file = `ledger-${id.slice(0, 24)}.json`;
    try {
      mkdirSync(this.dir, { recursive: true });
      const base = grownFrom && this.last?.found === grownFrom.found ? this.last : undefined;
      const parts = factsToParts(facts, base && grownFrom && { people: base.people, changed: grownFrom.changed });
      let shared: Range = [0, 0];
      let mainline: Range = [0, 0];
      const records: Record<string, PartRange> = {};
      let linesCrc = 0;
      const bytes = writeInPieces(join(this.dir, file), (append) => {
        shared = append(parts.shared);
        mainline = append(parts.mainline);
        if (base) {
          for (const [record, [start, lines, end]] of Object.entries(base.found.records)) {
            if (grownFrom!.changed.has(record)) continue;
            const [at] = append(base.bytes.subarray(start, end));
            records[record] = [at, at + lines - start, at + end - start];
            linesCrc = crc32(base.bytes.subarray(lines, end), linesCrc);
          }
        }
        for (const { id, entries, lines } of parts.records) {
          const linesBytes = Buffer.from(lines);
          records[id] = [append(entries)[0], ...append(linesBytes)];
          linesCrc = crc32(linesBytes, linesCrc);
        }
      });
      const state: State = { id, lineage: lineageOf(key), tips: key.tips, headOnBranch: key.headOnBranch, file, bytes, adoptionRef, shared, mainline, records, linesCrc };
      writeWhole(join(this.dir, stateFile), JSON.stringify(state));
      this.stateRead = state;
      for (const name of readdirSync(this.dir)) if (name.startsWith('ledger-') && name !== file && !name.endsWith('.tmp')) rmSync(join(this.dir, name), { force: true });
      return true;
    } catch {
      return false;
    }
  }
}

interface State {
  id: string;
  lineage: string;
  tips: readonly string[];
  headOnBranch: boolean;
  file: string;
  bytes: number;
  adoptionRef: string;
  shared: Range;
  mainline: Range;
  records: Record<string, PartRange>;
  linesCrc: number;
}

/**
 * What names the ledger of this history built under `adoptionRef` by this code: what is worked out
 * from that ledger alone (see IntegrityCache) can be kept under it.
 */
export const ledgerIdOf = (key: SnapshotKey, adoptionRef: string): string => createHash('sha256').update(JSON.stringify([idOf(key), adoptionRef])).digest('hex');

const idOf = (key: SnapshotKey): string => createHash('sha256').update(JSON.stringify([codeVersion(), key.format, key.tips, key.refs])).digest('hex');
/** What two snapshots must share for one to be worked out from the other: the code, the format, the tags. */
const lineageOf = (key: SnapshotKey): string =>
  createHash('sha256').update(JSON.stringify([codeVersion(), key.format, key.refs.filter((r) => r.startsWith('refs/tags/'))])).digest('hex');
