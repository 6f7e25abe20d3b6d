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
export function reporter(record: ArchiveRecord) {
  const make =
    (severity: Finding['severity']) =>
    (rule: string, path: readonly PathSegment[], message: string): Finding => ({
      rule,
      severity,
      record: record.id,
      file: record.file,
      line: record.lineOf(path),
      message,
    });
  return { error: make('error'), warning: make('warning') };
}
