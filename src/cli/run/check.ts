import { check } from '../../commands/check.ts';
import type { CheckResult } from '../../check/check-archive.ts';
import { identityOf, rootOf, single, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await check({ cwd: rootOf(call), today: todayOf(call), identityFile: identityOf(call), record: single(call, true) });
  call.io.out(call.values.json ? checkJson(result) : checkText(result));
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** The --json contract of ARCHITECTURE.md. */
function checkJson(result: CheckResult): string {
  return JSON.stringify({ records: result.records, findings: result.findings }, null, 2);
}

function checkText(result: CheckResult): string {
  const severityLabel = { error: '错误', warning: '警告' } as const;
  const lines = result.findings.map(
    (f) => `${f.file}:${f.line}  ${severityLabel[f.severity]}  [${f.rule}]${f.record ? ` ${f.record}` : ''}  ${f.message}`,
  );
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  lines.push(`检查了 ${result.records} 条记录：${errors} 个错误，${warnings} 个警告`);
  return lines.join('\n');
}
