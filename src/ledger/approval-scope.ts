import { fileOfRecord, locationFromPath } from '../records/record-path.ts';

export const staffFile = 'content/staff.yaml';

/** The roster and the archive configuration: approved only by a `roster` approval. */
export const configFiles = [staffFile, 'content/archive.yaml'];

/** What an approval is asked to cover: the record it names (if any), its stage, and the files it changed. */
export interface ApprovalScope {
  record: string | null;
  stage: string | null;
  files: readonly string[];
}

/** Files the archive holds approvals for: record files and the configuration. */
export const isApprovable = (file: string): boolean => locationFromPath(file) !== null || configFiles.includes(file);

/**
 * The one record an approval approves: the record it names, else (a host merge without trailers
 * or submission) the record it changed when it changed exactly one. A roster approval approves no record.
 */
export function approvedRecord(scope: ApprovalScope): string | null {
  if (scope.stage === 'roster') return null;
  if (scope.record !== null) return scope.record;
  const records = new Set(scope.files.map((f) => locationFromPath(f)?.id).filter((id) => id !== undefined));
  return records.size === 1 ? ([...records][0] as string) : null;
}

/** The files an approval approves: its record's file, or for a roster approval the configuration files it changed. */
export function approvedFiles(scope: ApprovalScope): string[] {
  if (scope.stage === 'roster') return scope.files.filter((f) => configFiles.includes(f));
  const record = approvedRecord(scope);
  const file = record === null ? null : fileOfRecord(record);
  return file === null ? [] : [file];
}

/** Records and configuration files the approval changed but does not approve: carried along by it, unapproved. */
export function carriedFiles(scope: ApprovalScope): string[] {
  const approved = approvedFiles(scope);
  return [...new Set(scope.files)].filter((f) => isApprovable(f) && !approved.includes(f));
}
