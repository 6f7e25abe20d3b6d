import type { RecordData, RecordKind } from '../schemas/index.ts';
import type { PathSegment } from './parse-yaml.ts';

interface RecordOf<K extends RecordKind> {
  kind: K;
  id: string;
  /** Repository-relative path with forward slashes. */
  file: string;
  data: RecordData<K>;
  body: string;
  /** The whole file, BOM stripped and with LF line ends. */
  text: string;
  /** Its lines, for the rules that trace when a line arrived or what a line says. */
  readonly lines: readonly string[];
  lineOf(path: readonly PathSegment[]): number;
}

/** A record file that parsed and passed its schema. */
export type ArchiveRecord = { [K in RecordKind]: RecordOf<K> }[RecordKind];
export type RecordOfKind<K extends RecordKind> = RecordOf<K>;

/** The post (岗位) a record belongs to, for the kinds that have one. */
export const postOf = (record: ArchiveRecord | undefined): string | undefined => (record && 'post' in record.data ? (record.data.post as string) : undefined);
