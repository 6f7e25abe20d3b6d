import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
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

/**
 * What parseRecord made of each record file, kept in the history cache's directory by a hash of
 * the file's path and bytes, so that a record unchanged since the last check is not parsed and
 * validated again (YAML and the schemas were most of a large archive's content check). Kept only
 * where the data is plain JSON (finite numbers, no undefined), and only for this very code: any
 * other file is not believed. `save` keeps the entries used since `load`, and writes only when
 * they changed.
 */
export class ParseCache {
  private readonly used = new Map<string, ParsedEntry>();
  private changed = false;

  private constructor(
    private readonly dir: string,
    private readonly kept: ReadonlyMap<string, ParsedEntry>,
  ) {}

  static load(dir: string): ParseCache {
    try {
      const stored = JSON.parse(readFileSync(join(dir, cacheFile), 'utf8')) as { code: string; entries: [string, ParsedEntry][] };
      if (stored.code === codeVersion() && Array.isArray(stored.entries)) return new ParseCache(dir, new Map(stored.entries));
    } catch {
      // No cache yet, or one that cannot be read: every record is parsed.
    }
    return new ParseCache(dir, new Map());
  }

  get(file: string, raw: string): { key: string; entry: ParsedEntry | undefined } {
    const key = createHash('sha1').update(file).update('\0').update(raw).digest('base64');
    const entry = this.kept.get(key);
    if (entry) this.used.set(key, entry);
    return { key, entry };
  }

  set(key: string, entry: ParsedEntry): void {
    if (!isPlainJson(entry.data)) return;
    this.used.set(key, entry);
    this.changed = true;
  }

  /** Writes the entries used since load, when they are not those kept; false when the directory refuses (that costs only the cache). */
  save(): boolean {
    if (!this.changed && this.used.size === this.kept.size) return true;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeWhole(join(this.dir, cacheFile), JSON.stringify({ code: codeVersion(), entries: [...this.used] }));
      return true;
    } catch {
      return false;
    }
  }
}

/** Whether JSON gives `value` back as it is: no undefined, no non-finite number, nothing but plain objects and arrays. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every(isPlainJson);
}
