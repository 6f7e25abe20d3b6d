import type { z } from 'zod';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { parseConfig } from '../records/parse-config.ts';
import type { ParseCache } from '../records/parse-cache.ts';
import { parseRecord } from '../records/parse-record.ts';
import type { EncodingProblem } from '../records/text-encoding.ts';
import { archiveConfigSchema } from '../schemas/archive-config.ts';
import { kindByDir } from '../schemas/index.ts';
import { staffSchema } from '../schemas/staff.ts';
import { checkArchiveConfig, checkRoster } from '../rules/config.ts';
import { compareFindings, type Finding } from '../rules/finding.ts';
import type { RuleContext } from '../rules/context.ts';
import type { FindingsMemo } from '../rules/findings-memo.ts';
import { runContentRules } from '../rules/index.ts';
import { unreadableFinding } from './unreadable-file.ts';

/** A file under content/, as read from disk. `text` is absent when the file is over the size limit or is one of the two below. */
export interface SourceFile {
  path: string;
  bytes: number;
  text?: string;
  /** A symbolic link, or a pipe, socket or device: listed, never opened. */
  notAFile?: 'symlink' | 'special';
  /** What was found instead of UTF-8 text. */
  notUtf8?: EncodingProblem;
}

export const staffFile = 'content/staff.yaml';
export const archiveConfigFile = 'content/archive.yaml';
/** A record is a form, not a scan: attachments belong in the archive bag, not in the record file. */
export const maxRecordBytes = 1024 * 1024;

export interface CheckResult {
  /** Record files examined (whether or not they parsed). */
  records: number;
  parsed: ArchiveRecord[];
  findings: Finding[];
  /** What the rules saw; null when the roster or the code tables could not be read. */
  context: RuleContext | null;
}

/**
 * The whole content check: parse every record and both configuration files, then run every
 * content rule whose inputs could be read. Pure: the files and the date come in, findings go out
 * (a `cache` of earlier parses only saves parsing again, see parseRecord). Without `contentRules`,
 * the records and the configuration are read and checked against their schemas only. A `memo`
 * recalls what the per-record rules found in records unchanged since, and `judged` names the only
 * records whose per-record rules run, by file (see runContentRules).
 */
export function checkArchive(
  files: readonly SourceFile[],
  today: string,
  cache?: ParseCache,
  { contentRules = true, memo, judged }: { contentRules?: boolean; memo?: FindingsMemo; judged?: ReadonlySet<string> } = {},
): CheckResult {
  // content/ itself a link (see readArchiveFiles): that one finding, not also every file "missing".
  const contentLink = files.length === 1 && files[0]?.path === 'content' ? unreadableFinding(files[0]) : null;
  if (contentLink) return { records: 0, parsed: [], findings: [contentLink], context: null };
  const readConfig = <S extends z.ZodTypeAny>(path: string, schema: S) => {
    const file = files.find((f) => f.path === path);
    const unreadable = file && unreadableFinding(file);
    return unreadable ? { value: null, source: null, findings: [unreadable] } : parseConfig(path, file?.text, schema);
  };
  const staff = readConfig(staffFile, staffSchema);
  const config = readConfig(archiveConfigFile, archiveConfigSchema);
  const findings: Finding[] = [...staff.findings, ...config.findings];
  if (staff.value && staff.source) findings.push(...checkRoster(staff.value, staffFile, staff.source));
  if (config.value && config.source) findings.push(...checkArchiveConfig(config.value, archiveConfigFile, config.source));

  const recordFiles: SourceFile[] = [];
  const others: SourceFile[] = [];
  for (const file of files) (isRecordFile(file.path) ? recordFiles : others).push(file);
  const parsed: ArchiveRecord[] = [];
  const unparsed = new Set<string>();
  for (const file of recordFiles) {
    const unreadable = unreadableFinding(file);
    if (unreadable) {
      findings.push(unreadable);
      if (unreadable.record) unparsed.add(unreadable.record);
      continue;
    }
    if (file.text === undefined) {
      const size = (file.bytes / 1024 / 1024).toFixed(1);
      findings.push(parseFinding(file.path, `文件过大（${size} MB），记录文件上限 ${maxRecordBytes / 1024 / 1024} MB；附件和扫描件请放入档案袋，不要写进记录`));
      continue;
    }
    const result = parseRecord(file.path, file.text, cache);
    findings.push(...result.findings);
    if (result.record) parsed.push(result.record);
    else if (result.findings[0]?.record) unparsed.add(result.findings[0].record);
  }
  for (const file of others) {
    // A link is wrong anywhere; the text of a file that is not a record matters nowhere (the configuration's is reported above).
    const link = file.notAFile && !isConfigFile(file.path) ? unreadableFinding(file) : null;
    if (link) findings.push(link);
    else if (!isKnownNonRecord(file.path)) {
      findings.push({ ...parseFinding(file.path, 'content/ 下的未知文件：swa 不读取它。记录应放在 content/<类别目录>/<年份>/ 下'), severity: 'warning' });
    }
  }

  const records = { records: parsed, byId: new Map(parsed.map((r) => [r.id, r])), unparsed, today };
  if (contentRules) findings.push(...runContentRules({ ...records, roster: staff.value ?? undefined, config: config.value ?? undefined }, memo, judged));
  if (!staff.value) findings.push(skippedFinding(staffFile, '名册', '人员、岗位、角色与签字'));
  if (!config.value) findings.push(skippedFinding(archiveConfigFile, '代码表', '服务类别、档案编号、热线与各项时限'));
  const context: RuleContext | null = staff.value && config.value ? { ...records, roster: staff.value, config: config.value } : null;
  return { records: recordFiles.length, parsed, findings: findings.sort(compareFindings), context };
}

function isRecordFile(path: string): boolean {
  const dirEnd = path.indexOf('/', 'content/'.length);
  return path.startsWith('content/') && dirEnd > 'content/'.length && kindByDir.has(path.slice('content/'.length, dirEnd));
}

const isConfigFile = (path: string): boolean => path === staffFile || path === archiveConfigFile;

function isKnownNonRecord(path: string): boolean {
  return isConfigFile(path) || path === 'content/README.md';
}

const parseFinding = (file: string, message: string): Finding => ({ rule: 'PARSE', severity: 'error', record: null, file, line: 1, message });

/** The one warning that says what a broken configuration file keeps from being checked; its errors are reported on their own lines. */
const skippedFinding = (file: string, what: string, rules: string): Finding => ({
  ...parseFinding(file, `${what}无法读取，已跳过依赖它的规则（${rules}）和审批历史规则；其余规则照常检查。请先修正本文件的错误`),
  severity: 'warning',
});
