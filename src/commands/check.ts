import type { CheckResult } from '../check/check-archive.ts';
import { identityOption, rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa check [RECORD] [--root DIR] [--json] [--today YYYY-MM-DD] [--identity FILE]',
  summary: '检查所有记录（或写明编号的一条记录及其审批历史）是否符合承诺服务制度；有密钥时也核对加密的个人资料；有错误时退出码为 1',
  options: { ...rootOption, ...todayOption, ...identityOption, json: { type: 'boolean' } },
};

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
  const result =
    record === undefined
      ? await (await import('../check/check-repository.ts')).checkRepository(cwd, today)
      : await (await import('../check/check-record.ts')).checkRecord(cwd, record, today);
  if (!identityFile || !result.context) return result;
  const { checkWithKey } = await import('../privacy/sealed-findings.ts');
  return { ...result, findings: (await checkWithKey({ ...result, context: result.context }, identityFile)).findings };
}
