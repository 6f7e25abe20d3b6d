import type { ArchiveRecord, RecordOfKind } from '../records/archive-record.ts';
import type { PathSegment } from '../records/parse-yaml.ts';
import type { ArchiveConfig } from '../schemas/archive-config.ts';
import type { RecordKind } from '../schemas/index.ts';
import type { Roster } from '../schemas/staff.ts';
import type { Finding } from './finding.ts';

/** What every content rule may look at, whether or not staff.yaml and archive.yaml could be read. Pure data: no files, no git, no clock. */
export interface RecordsContext {
  records: readonly ArchiveRecord[];
  byId: ReadonlyMap<string, ArchiveRecord>;
  /** Ids of record files that exist but did not parse: their own findings explain them, so references to them are not reported again. */
  unparsed: ReadonlySet<string>;
  /** The date the check runs for (--today), YYYY-MM-DD. */
  today: string;
  /** The code tables, for a rule that can use them without needing them (absent when archive.yaml is broken). */
  config?: ArchiveConfig;
}

/** The context of a rule that needs the roster (staff.yaml). */
export interface RosterContext extends RecordsContext {
  roster: Roster;
}

/** The context of a rule that needs the code tables and deadlines (archive.yaml). */
export interface ConfigContext extends RecordsContext {
  config: ArchiveConfig;
}

/** Everything a content rule may look at, both configuration files included. */
export interface RuleContext extends RecordsContext {
  roster: Roster;
  config: ArchiveConfig;
}

export type RecordRule<K extends RecordKind, C extends RecordsContext = RecordsContext> = (record: RecordOfKind<K>, ctx: C) => Finding[];

/** Builds findings about one record, each pointing at the line of the key at `path`. */
export function reporter(record: ArchiveRecord): Reporter {
  return new Reporter(record);
}

// A class, not closures: every rule makes one for every record, and most never report.
class Reporter {
  constructor(private readonly record: ArchiveRecord) {}

  error(rule: string, path: readonly PathSegment[], message: string): Finding {
    return this.finding('error', rule, path, message);
  }

  warning(rule: string, path: readonly PathSegment[], message: string): Finding {
    return this.finding('warning', rule, path, message);
  }

  private finding(severity: Finding['severity'], rule: string, path: readonly PathSegment[], message: string): Finding {
    const { id, file } = this.record;
    return { rule, severity, record: id, file, line: this.record.lineOf(path), message };
  }
}
