import { CommandError } from '../errors.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { parseConfig } from '../records/parse-config.ts';
import { parseRecord } from '../records/parse-record.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { fileOfRecord } from '../records/record-path.ts';
import { awaitsHandover } from '../rules/handover.ts';
import { staffSchema } from '../schemas/staff.ts';
import { archiveConfigFile, staffFile, type SourceFile } from './check-archive.ts';
import { checkRepository, type RepositoryCheck } from './check-repository.ts';

const handoverFiles = 'content/handovers/';
const supervisionFiles = 'content/supervision/';

/**
 * `swa check RECORD`: one record with its history, without reading or validating the rest of the
 * archive. Read are the record, the roster and code tables, every handover when the record is a
 * closed case at a post that cannot store files (C-QUARTERLY-HANDOVER asks whether one lists it;
 * without a readable roster that rule does not run),
 * and the records it names (an audit's target, a handover's cases, the records a supervision
 * session discussed); for a supervision record, every other one (SV-FOLLOW-UP looks for the
 * previous session). Rules that compare records see only those; G-ARCHIVE-NO compares the number
 * with every number that reached main, from the ledger. The per-record rules judge the record
 * alone: what they would find in the others read is not asked for. The findings are the record's
 * own and those of the configuration files. A `draft` (the workbench's unsaved form) stands for the file.
 */
export async function checkRecord(cwd: string, id: string, today: string, draft?: string): Promise<RepositoryCheck> {
  const file = fileOfRecord(id);
  if (file === null) throw new CommandError(`记录编号 ${id} 的格式不对，应形如 cases/2026-0042`);
  const sessions = file.startsWith(supervisionFiles);
  const always = (path: string) => path === file || path === staffFile || path === archiveConfigFile || (sessions && path.startsWith(supervisionFiles));
  const read = async (root: string): Promise<SourceFile[]> => {
    const onDisk = await readArchiveFiles(root, always);
    const files = draft === undefined ? onDisk : [...onDisk.filter((f) => f.path !== file), { path: file, bytes: Buffer.byteLength(draft), text: draft }];
    const own = files.find((f) => f.path === file);
    if (!own) throw new CommandError(`没有记录 ${id}（应在 ${file}）`);
    const record = own.text === undefined ? null : parseRecord(file, own.text).record;
    const named = namedRecords(record);
    // The roster is read here only for a case; checkArchive reads it again for the rules.
    const roster = record?.kind === 'case' ? parseConfig(staffFile, files.find((f) => f.path === staffFile)?.text, staffSchema).value : null;
    const handovers = record !== null && roster !== null && awaitsHandover(record, roster);
    if (named.length === 0 && !handovers) return files;
    const more = await readArchiveFiles(root, (path) => (named.includes(path) || (handovers && path.startsWith(handoverFiles))) && !always(path));
    return [...files, ...more];
  };
  const result = await checkRepository(cwd, today, { read, recordsReadOnly: true, judged: new Set([file]) });
  const concerns = (f: { record: string | null; file: string | null }) => f.record === id || f.file === file || f.file === staffFile || f.file === archiveConfigFile;
  return { ...result, records: 1, findings: result.findings.filter(concerns) };
}

/** The files of the records an audit, a handover or a supervision session names. */
function namedRecords(record: ArchiveRecord | null): string[] {
  if (record?.kind === 'audit') return [fileOfRecord(record.data.target)].filter((f): f is string => f !== null);
  const ids = record?.kind === 'handover' ? record.data.cases : record?.kind === 'supervision' ? record.data.recordsDiscussed : [];
  return ids.map(fileOfRecord).filter((f): f is string => f !== null);
}
