import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeVersion } from '../code-version.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { recordDigest } from '../records/record-digest.ts';
import type { Finding } from '../rules/finding.ts';
import type { FindingsMemo } from '../rules/findings-memo.ts';
import { writeWhole } from '../write-whole.ts';

/**
 * A FindingsMemo kept in a file of the history cache's directory, one entry per record: its key
 * and what the rules found. Only what this very code kept is believed; anything unreadable is
 * not, and every record is then judged again. `save` keeps the entries recalled or kept since
 * `load`, so a whole check drops the records that are gone; a check of a few records must not save.
 */
export class KeptFindings implements FindingsMemo {
  private readonly used = new Map<string, [string, Finding[][]]>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly kept: ReadonlyMap<string, [string, Finding[][]]>,
  ) {}

  static load(dir: string, name: string): KeptFindings {
    const path = join(dir, name);
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as { code: string; entries: [string, [string, Finding[][]]][] };
      if (stored.code === codeVersion() && Array.isArray(stored.entries)) return new KeptFindings(path, new Map(stored.entries));
    } catch {
      // Nothing kept yet, or nothing that can be read: every record is judged.
    }
    return new KeptFindings(path, new Map());
  }

  recall(record: ArchiveRecord, inputs: string): { found: Finding[][] | undefined; key: string } {
    const key = createHash('sha1').update(recordDigest(record)).update('\u0000').update(inputs).digest('base64');
    const entry = this.kept.get(record.id);
    if (entry?.[0] !== key) return { found: undefined, key };
    this.used.set(record.id, entry);
    return { found: entry[1], key };
  }

  keep(record: ArchiveRecord, key: string, found: Finding[][]): void {
    this.used.set(record.id, [key, found]);
    this.changed = true;
  }

  /** Writes the entries used since load, when they are not those kept; a directory that refuses costs only the next check's time. */
  save(): void {
    if (!this.changed && this.used.size === this.kept.size) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeWhole(this.path, JSON.stringify({ code: codeVersion(), entries: [...this.used] }));
    } catch {
      // Not kept: the rules run again next time.
    }
  }
}
