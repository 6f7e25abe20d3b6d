import type { CheckResult } from '../../check/check-archive.ts';
import { checkRecord } from '../../check/check-record.ts';
import { checkRepository } from '../../check/check-repository.ts';
import { checkWithKey } from '../../privacy/sealed-findings.ts';
import type { Finding } from '../../rules/finding.ts';

export interface CheckOptions {
  cwd: string;
  today: string;
  /** An age identity file: with it, the encrypted client blocks are opened and checked too. */
  identityFile?: string;
  /** One record's id: only it is checked, with its history (see checkRecord). */
  record?: string;
}

/** `swa check`: reads content/ and main's history and returns every finding; it writes nothing but its history cache in .git/swa. */
export async function check({ cwd, today, identityFile, record }: CheckOptions): Promise<CheckResult> {
  const result = record === undefined ? await checkRepository(cwd, today) : await checkRecord(cwd, record, today);
  if (!identityFile || !result.context) return result;
  return { ...result, findings: (await checkWithKey({ ...result, context: result.context }, identityFile)).findings };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** The --json contract of ARCHITECTURE.md. */
export function checkJson(result: CheckResult): string {
  return JSON.stringify({ records: result.records, findings: result.findings }, null, 2);
}

export function checkText(result: CheckResult): string {
  const severityLabel = { error: '错误', warning: '警告' } as const;
  const lines = result.findings.map(
    (f) => `${f.file}:${f.line}  ${severityLabel[f.severity]}  [${f.rule}]${f.record ? ` ${f.record}` : ''}  ${f.message}`,
  );
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  lines.push(`检查了 ${result.records} 条记录：${errors} 个错误，${warnings} 个警告`);
  return lines.join('\n');
}
