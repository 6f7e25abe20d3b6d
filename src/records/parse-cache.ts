import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { codeVersion } from '../code-version.ts';
import { writeWhole } from '../write-whole.ts';
import type { Finding } from '../rules/finding.ts';

/** What parseRecord made of one file: its checked data (null when it did not pass) and its findings. */
export interface ParsedEntry {
  data: unknown;
  findings: Finding[];
}

const cacheFile = 'records.json';
/** The entries made since records.json was written, one JSON line each after a line naming that file's id. */
const logFile = 'records.log';

/**
 * What parseRecord made of each record file, kept in the history cache's directory by a hash of
 * the file's path and bytes, so that a record unchanged since the last check is not parsed and
 * validated again (YAML and the schemas were most of a large archive's content check). Kept only
 * where the data is plain JSON (finite numbers, no undefined), and only for this very code: any
 * other file is not believed. `save` keeps the entries used since `load`: the few made since are
 * appended to a log beside the file, which is written whole again, without the entries no longer
 * used, once the log or those entries grow past a share of it.
 */
export class ParseCache {
  private readonly used = new Map<string, ParsedEntry>();
  private readonly made = new Map<string, ParsedEntry>();
  private usedKept = 0;

  private constructor(
    private readonly dir: string,
    private readonly kept: ReadonlyMap<string, ParsedEntry>,
    /** What the kept entries were read from: records.json's id and size, and the log's size. */
    private readonly from: { id: string; bytes: number; logBytes: number } | undefined,
  ) {}

  static load(dir: string): ParseCache {
    try {
      const text = readFileSync(join(dir, cacheFile), 'utf8');
      const stored = JSON.parse(text) as { code: string; id?: string; entries: [string, ParsedEntry][] };
      if (stored.code === codeVersion() && Array.isArray(stored.entries) && typeof stored.id === 'string') {
        const kept = new Map(stored.entries);
        const logBytes = readLog(join(dir, logFile), stored.id, kept);
        return new ParseCache(dir, kept, { id: stored.id, bytes: text.length, logBytes });
      }
    } catch {
      // No cache yet, or one that cannot be read: every record is parsed.
    }
    return new ParseCache(dir, new Map(), undefined);
  }

  get(file: string, raw: string): { key: string; entry: ParsedEntry | undefined } {
    const key = createHash('sha1').update(file).update('\0').update(raw).digest('base64');
    const entry = this.kept.get(key);
    if (entry && !this.used.has(key)) {
      this.used.set(key, entry);
      this.usedKept++;
    }
    return { key, entry };
  }

  set(key: string, entry: ParsedEntry): void {
    if (!isPlainJson(entry.data)) return;
    this.used.set(key, entry);
    this.made.set(key, entry);
  }

  /** Keeps the entries used since load, when they are not those kept; false when the directory refuses (that costs only the cache). */
  save(): boolean {
    const unused = this.kept.size - this.usedKept;
    if (this.made.size === 0 && unused === 0) return true;
    try {
      mkdirSync(this.dir, { recursive: true });
      const from = this.from;
      // Appended while the log stays small beside the file and few kept entries went unused. The
      // lines are made only then: a first check's are the whole file, which is written instead.
      const lines = from && unused <= this.kept.size / 10 ? [...this.made].map((entry) => JSON.stringify(entry)).join('\n') : undefined;
      if (from && lines !== undefined && from.logBytes + lines.length < from.bytes / 4) {
        if (lines.length === 0) return true;
        // A new log is written whole: one left by another records.json names another id.
        if (from.logBytes === 0) writeWhole(join(this.dir, logFile), `${JSON.stringify({ base: from.id })}\n${lines}`);
        else appendFileSync(join(this.dir, logFile), `\n${lines}`);
        return true;
      }
      const id = randomBytes(12).toString('hex');
      writeWhole(join(this.dir, cacheFile), JSON.stringify({ code: codeVersion(), id, entries: [...this.used] }));
      rmSync(join(this.dir, logFile), { force: true });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Adds the log's entries to `kept` when it belongs to the file `id`, and gives its size (0 when
 * it does not). A line cut short by a write cut off is skipped: the next append starts on a line
 * of its own.
 */
function readLog(path: string, id: string, kept: Map<string, ParsedEntry>): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 0;
  }
  const lines = text.split('\n');
  try {
    if ((JSON.parse(lines[0] as string) as { base?: string }).base !== id) return 0;
  } catch {
    return 0;
  }
  for (const line of lines.slice(1)) {
    let entry: [string, ParsedEntry];
    try {
      entry = JSON.parse(line) as [string, ParsedEntry];
    } catch {
      continue;
    }
    kept.set(entry[0], entry[1]);
  }
  return text.length;
}

/** Whether JSON gives `value` back as it is: no undefined, no non-finite number, nothing but plain objects and arrays. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every(isPlainJson);
}
