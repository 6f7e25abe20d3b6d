import { createHash } from 'node:crypto';
import { locationFromPath } from '../records/record-path.ts';

/** One file's lines, each with the time it was first seen. */
type FileLines = ReadonlyMap<string, string>;

/** How a snapshot part keeps a record's line provenance: per file, its lines by the time each was first seen. */
type StoredLines = [file: string, byTime: [time: string, lines: string[]][]][];

/**
 * The line provenance of every record file, by record. A record's lines read from a snapshot stay
 * as the part's bytes until a rule first asks about one of its files: `swa due`, `swa status` and
 * the integrity pass read every record's approvals but few records' lines, and the lines are a
 * third of a snapshot.
 */
export class LineProvenance {
  private readonly byRecord = new Map<string, Map<string, FileLines> | Buffer>();
  /** Each record's digest as the snapshot kept it beside its part (see digestOf), while its lines are those of the part. */
  private readonly keptDigests = new Map<string, string>();

  /**
   * A record's lines as a snapshot part keeps them (JSON of StoredLines), decoded when first asked
   * for; `digest`: linesDigestOf those bytes, as the snapshot kept it.
   */
  stored(record: string, bytes: Buffer, digest?: string): void {
    this.byRecord.set(record, bytes);
    if (digest === undefined) this.keptDigests.delete(record);
    else this.keptDigests.set(record, digest);
  }

  /** A copy: setting a file's lines in it leaves this one as it is. */
  copy(): LineProvenance {
    const copy = new LineProvenance();
    for (const [record, lines] of this.byRecord) copy.byRecord.set(record, lines instanceof Map ? new Map(lines) : lines);
    for (const [record, digest] of this.keptDigests) copy.keptDigests.set(record, digest);
    return copy;
  }

  get(file: string): FileLines | undefined {
    const record = locationFromPath(file)?.id;
    return record === undefined ? undefined : this.ofRecord(record).get(file);
  }

  set(file: string, lines: FileLines): void {
    const record = locationFromPath(file)?.id;
    if (record === undefined) return;
    const files = this.ofRecord(record);
    files.set(file, lines);
    this.byRecord.set(record, files);
    this.keptDigests.delete(record);
  }

  /** The records with lines. */
  records(): IterableIterator<string> {
    return this.byRecord.keys();
  }

  /** The files of `record` with their lines. */
  ofRecord(record: string): Map<string, FileLines> {
    const lines = this.byRecord.get(record);
    if (lines === undefined || lines instanceof Map) return lines ?? new Map();
    const decoded = new Map<string, FileLines>();
    for (const [file, byTime] of JSON.parse(lines.toString('utf8')) as StoredLines) decoded.set(file, fromTimes(byTime));
    this.byRecord.set(record, decoded);
    return decoded;
  }

  /**
   * A digest of `record`'s lines: equal while they are, whether decoded or still as a part's bytes
   * (which are storedOf's JSON); the snapshot's own, kept beside the part, while the lines are the part's.
   */
  digestOf(record: string): string {
    const kept = this.keptDigests.get(record);
    if (kept !== undefined) return kept;
    const lines = this.byRecord.get(record);
    return linesDigestOf(lines === undefined ? '' : lines instanceof Map ? JSON.stringify(this.storedOf(record)) : lines);
  }

  /** What a snapshot part keeps of `record`'s lines. */
  storedOf(record: string): StoredLines {
    return [...this.ofRecord(record)].map(([file, lines]) => [file, byTime(lines)]);
  }
}

function byTime(lines: FileLines): [string, string[]][] {
  const times = new Map<string, string[]>();
  for (const [line, time] of lines) {
    const same = times.get(time);
    if (same) same.push(line);
    else times.set(time, [line]);
  }
  return [...times];
}

/** The digest of a record's lines as a snapshot part keeps them (see LineProvenance.digestOf). */
export function linesDigestOf(bytes: Buffer | string): string {
  return createHash('sha1').update(bytes).digest('base64');
}

function fromTimes(times: readonly [string, string[]][]): Map<string, string> {
  const lines = new Map<string, string>();
  for (const [time, texts] of times) for (const line of texts) lines.set(line, time);
  return lines;
}
