import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { codeVersion } from '../code-version.ts';
import { appendAt, writeInPieces, writeWhole } from '../write-whole.ts';
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
export interface FoundSnapshot extends Layout {
  adoptionRef: string;
}

/** The facts file and where each part of the facts is in it (see factsToParts). */
interface Layout {
  file: string;
  /** The file's size when this was written: every range lies before it. */
  bytes: number;
  shared: Range;
  /** main's first-parent history in pieces, oldest first: a snapshot grown by a few commits appends a piece. */
  mainline: MainlinePiece[];
  /** Each record's part: its entries, then its lines. */
  records: Record<string, PartRange>;
}

type Range = [start: number, end: number];
/**
 * The lines' CRC-32: they are parsed only when asked for, long after the file was read, so damage
 * to them is found by it. The digest of the whole part (see partDigestOf), made once when the part
 * is written: the history memo asks for every record's at every check.
 */
type PartRange = [start: number, lines: number, end: number, linesCrc: number, partDigest: string];

/**
 * What a record's history is, as far as its snapshot part tells (see partDigestOf): equal while
 * the part is, and the same for every record that has none.
 */
export type PartDigests = (record: string) => string;
type MainlinePiece = [start: number, end: number, commits: number];

const stateFile = 'ledger.json';

/**
 * The ledger snapshot in the history cache's directory: `ledger.json` names what it was made
 * from and where each part of the facts is (see factsToParts) in the file beside it. A command
 * whose tips are those reads the facts back instead of reading and parsing all of history, and
 * a command about a few records reads only their parts. A snapshot grown from the last one by a
 * few commits appends the parts that changed to its file (see append); otherwise the facts are
 * written to a new file whole (temporary file, then rename). The state file is written whole, and
 * names only bytes written before it; anything unreadable, or made by other code, is not
 * believed, and the ledger is built from history again.
 */
export class LedgerSnapshot {
  /** The last snapshot read whole, its bytes and people table: a snapshot grown from it reuses the parts of records that did not change. */
  private last: LastRead | undefined;
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
      this.stateRead = typeof state.adoptionRef === 'string' && Array.isArray(state.mainline) ? state : null;
    }
    return this.stateRead;
  }

  /** The snapshot the state names, when its file holds every byte the state names (a writer cut short may have appended more). */
  private found({ file, bytes, adoptionRef, shared, mainline, records }: State): FoundSnapshot | null {
    const path = join(this.dir, file);
    return statSync(path).size >= bytes ? { file: path, bytes, adoptionRef, shared, mainline, records } : null;
  }

  /** The facts, whole, or (given `records`) with the parts of those records only; null when the file cannot be read. */
  read(found: FoundSnapshot, records?: Iterable<string>): LedgerFacts | null {
    try {
      if (!records) {
        const bytes = readFileSync(found.file);
        const parts: { entries: string; lines: Buffer }[] = [];
        for (const [start, lines, end, crc] of Object.values(found.records)) {
          const linesBytes = bytes.subarray(lines, end);
          if (crc32(linesBytes) !== crc) return null;
          parts.push({ entries: bytes.toString('utf8', start, lines), lines: linesBytes });
        }
        const mainline = found.mainline.map(([start, end]) => bytes.subarray(start, end));
        const { facts, people } = factsFromParts(bytes.toString('utf8', found.shared[0], found.shared[1]), mainline, parts);
        this.last = { found, bytes, people };
        return facts;
      }
      const fd = openSync(found.file, 'r');
      try {
        const bytesOf = ([start, end]: Range | MainlinePiece) => {
          const bytes = Buffer.alloc(end - start);
          readSync(fd, bytes, 0, bytes.length, start);
          return bytes;
        };
        const ranges = [...new Set(records)].map((id) => found.records[id]).filter((r): r is PartRange => r !== undefined);
        const parts = ranges.map(([start, lines, end]) => {
          const bytes = bytesOf([start, end]);
          return { entries: bytes.toString('utf8', 0, lines - start), lines: bytes.subarray(lines - start) };
        });
        const { facts } = factsFromParts(bytesOf(found.shared).toString('utf8'), found.mainline.map(bytesOf), parts);
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
   * Keeps `facts`, built under `adoptionRef`, as those of `key`, and gives the digests of its parts;
   * null when the directory refuses (that costs only the snapshot). Given `grownFrom` (the snapshot
   * last read whole, and the records whose entries changed since), the other records' parts are kept
   * as they are: in its file, with the changed parts appended, or copied into a new file once a
   * quarter of the old one would be parts no longer named.
   */
  write(key: SnapshotKey, adoptionRef: string, facts: LedgerFacts, grownFrom?: { found: FoundSnapshot; changed: ReadonlySet<string> }): PartDigests | null {
    const id = idOf(key);
    try {
      mkdirSync(this.dir, { recursive: true });
      const base = grownFrom && this.last?.found === grownFrom.found ? { ...this.last, changed: grownFrom.changed } : undefined;
      const layout = (base && this.append(base, facts)) ?? this.writeAnew(`ledger-${id.slice(0, 24)}.json`, facts, base);
      const state: State = { id, lineage: lineageOf(key), tips: key.tips, headOnBranch: key.headOnBranch, adoptionRef, ...layout };
      writeWhole(join(this.dir, stateFile), JSON.stringify(state));
      this.stateRead = state;
      for (const name of readdirSync(this.dir)) if (name.startsWith('ledger-') && name !== layout.file && !name.endsWith('.tmp')) rmSync(join(this.dir, name), { force: true });
      return partDigestsOf(layout);
    } catch {
      return null;
    }
  }

  /**
   * The changed records' parts, the shared part and main's new commits appended to the file last
   * read, whose other parts stay where they are; null (the facts are then written anew) when the
   * file would hold too many parts no longer named, another process is appending to it, or it is
   * no longer the file that was read.
   */
  private append(base: Base, facts: LedgerFacts): Layout | null {
    const { found, bytes: read, changed } = base;
    const kept = Object.entries(found.records).filter(([record]) => !changed.has(record));
    const live = kept.reduce((sum, [, [start, , end]]) => sum + end - start, 0) + found.mainline.reduce((sum, [start, end]) => sum + end - start, 0);
    if (read.length - live > read.length / 4) return null;
    const lock = `${found.file}.lock`;
    try {
      closeSync(openSync(lock, 'wx'));
    } catch {
      return null;
    }
    try {
      const fd = openSync(found.file, 'r+');
      try {
        if (fstatSync(fd).size !== read.length) return null;
        const from = found.mainline.reduce((sum, [, , commits]) => sum + commits, 0);
        const parts = factsToParts(facts, { people: base.people, changed }, from);
        const mainline = [...found.mainline];
        const records: Record<string, PartRange> = Object.fromEntries(kept);
        const { append, size } = appendAt(fd, read.length);
        const shared = append(parts.shared);
        if (parts.mainline !== '') mainline.push([...append(parts.mainline), facts.ledger.mainline.length - from]);
        for (const part of parts.records) records[part.id] = placePart(append, part);
        return { file: basename(found.file), bytes: size(), shared, mainline, records };
      } finally {
        closeSync(fd);
      }
    } finally {
      rmSync(lock, { force: true });
    }
  }

  /** The facts written to `file` whole; the parts of records `base` did not see change are copied from its bytes. */
  private writeAnew(file: string, facts: LedgerFacts, base: Base | undefined): Layout {
    const parts = factsToParts(facts, base && { people: base.people, changed: base.changed });
    let shared: Range = [0, 0];
    const mainline: MainlinePiece[] = [];
    const records: Record<string, PartRange> = {};
    const bytes = writeInPieces(join(this.dir, file), (append) => {
      shared = append(parts.shared);
      if (parts.mainline !== '') mainline.push([...append(parts.mainline), facts.ledger.mainline.length]);
      if (base) {
        for (const [record, [start, lines, end, crc, digest]] of Object.entries(base.found.records)) {
          if (base.changed.has(record)) continue;
          const [at] = append(base.bytes.subarray(start, end));
          records[record] = [at, at + lines - start, at + end - start, crc, digest];
        }
      }
      for (const part of parts.records) records[part.id] = placePart(append, part);
    });
    return { file, bytes, shared, mainline, records };
  }
}

interface LastRead {
  found: FoundSnapshot;
  bytes: Buffer;
  people: EntryCodec['people'];
}

/** The snapshot last read whole, and the records whose entries changed since. */
type Base = LastRead & { changed: ReadonlySet<string> };

/** A record's part appended: its entries, then its lines. */
function placePart(append: (piece: string | Buffer) => Range, { entries, lines }: { entries: string; lines: Buffer }): PartRange {
  const [start] = append(entries);
  const [at, end] = append(lines);
  return [start, at, end, crc32(lines), partDigestOf(entries, lines)];
}

/** A digest of a record's part: its entries' text, then its lines' bytes. */
const partDigestOf = (entries: string, lines: Buffer): string => createHash('sha1').update(entries).update('\u0000').update(lines).digest('base64');

/** What PartDigests gives for a record without a part: no digest is ever this. */
const noPart = 'none';

/** The digests of the parts `layout` names (see PartDigests). */
export function partDigestsOf({ records }: Pick<Layout, 'records'>): PartDigests {
  return (record) => (Object.hasOwn(records, record) ? records[record]![4] : noPart);
}

interface State extends Layout {
  id: string;
  lineage: string;
  tips: readonly string[];
  headOnBranch: boolean;
  adoptionRef: string;
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
