import type { ArchiveRecord, RecordOfKind } from '../records/archive-record.ts';
import type { PathSegment } from '../records/parse-yaml.ts';
import type { ArchiveConfig } from '../schemas/archive-config.ts';
import type { RecordKind } from '../schemas/index.ts';
import type { Roster } from '../schemas/staff.ts';
import type { Finding } from './finding.ts';

/** Everything a content rule may look at. Pure data: no files, no git, no clock. */
export interface RuleContext {
  records: readonly ArchiveRecord[];
  byId: ReadonlyMap<string, ArchiveRecord>;
  /** Ids of record files that exist but did not parse: their own findings explain them, so references to them are not reported again. */
  unparsed: ReadonlySet<string>;
  config: ArchiveConfig;
  roster: Roster;
  /** The date the check runs for (--today), YYYY-MM-DD. */
  today: string;
}

export type RecordRule<K extends RecordKind> = (record: RecordOfKind<K>, ctx: RuleContext) => Finding[];

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
