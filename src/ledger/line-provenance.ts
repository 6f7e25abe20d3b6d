import { locationFromPath } from '../records/record-path.ts';

/** One file's lines, each with the time it was first seen. */
type FileLines = ReadonlyMap<string, string>;

/** How a snapshot part keeps a record's line provenance: per file, its lines by the time each was first seen. */
type StoredLines = [file: string, byTime: [time: string, lines: string[]][]][];

/**
 * The line provenance of every record file, by record. Each record's lines are kept as the bytes a
 * snapshot part keeps them in (JSON of StoredLines) and decoded when a rule asks about one of its
 * files, the last record asked for kept decoded: as maps, every record's lines were a sixth of a
 * large archive's check, and `swa due`, `swa status` and the integrity pass read few of them.
 */
export class LineProvenance {
  private readonly byRecord = new Map<string, Buffer>();
  /** The record last decoded: the rules ask about one record's files several times in a row. */
  private decoded: { record: string; files: ReadonlyMap<string, FileLines> } | undefined;

  /** A record's lines as a snapshot part keeps them (JSON of StoredLines), decoded when first asked for. */
  stored(record: string, bytes: Buffer): void {
    this.byRecord.set(record, bytes);
    if (this.decoded?.record === record) this.decoded = undefined;
  }

  /** A copy: setting a file's lines in it leaves this one as it is. */
  copy(): LineProvenance {
    const copy = new LineProvenance();
    for (const [record, bytes] of this.byRecord) copy.byRecord.set(record, bytes);
    return copy;
  }

  get(file: string): FileLines | undefined {
    const record = locationFromPath(file)?.id;
    return record === undefined ? undefined : this.ofRecord(record).get(file);
  }

  set(file: string, lines: FileLines): void {
    const record = locationFromPath(file)?.id;
    if (record === undefined) return;
    const files = new Map(this.ofRecord(record));
    files.set(file, lines);
    this.stored(record, Buffer.from(JSON.stringify(storedOf(files))));
    this.decoded = { record, files };
  }

  /** The records with lines. */
  records(): IterableIterator<string> {
    return this.byRecord.keys();
  }

  /** The files of `record` with their lines. */
  ofRecord(record: string): ReadonlyMap<string, FileLines> {
    if (this.decoded?.record === record) return this.decoded.files;
    const bytes = this.byRecord.get(record);
    if (bytes === undefined) return new Map();
    const files = new Map<string, FileLines>();
    for (const [file, byTime] of JSON.parse(bytes.toString('utf8')) as StoredLines) files.set(file, fromTimes(byTime));
    this.decoded = { record, files };
    return files;
  }

  /** What a snapshot part keeps of `record`'s lines: JSON of StoredLines, as bytes. */
  bytesOf(record: string): Buffer {
    return this.byRecord.get(record) ?? noLines;
  }
}

const noLines = Buffer.from('[]');

function storedOf(files: ReadonlyMap<string, FileLines>): StoredLines {
  return [...files].map(([file, lines]) => [file, byTime(lines)]);
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

function fromTimes(times: readonly [string, string[]][]): Map<string, string> {
  const lines = new Map<string, string>();
  for (const [time, texts] of times) for (const line of texts) lines.set(line, time);
  return lines;
}
