import { auditSample, auditSummary } from '../../commands/audit.ts';
import { UsageError } from '../../errors.ts';
import { rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const action = single(call);
  if (action === 'sample') {
    const result = await auditSample({ cwd: rootOf(call), today: todayOf(call), n: Number(text(call, 'n') ?? '5'), seed: text(call, 'seed') });
    call.io.out(`抽样种子：${result.seed}`);
    for (const w of result.written) call.io.out(`${w.target} → ${w.path}（请填写规范性、专业性评分）`);
    return 0;
  }
  if (action === 'report') {
    const period = text(call, 'half');
    if (period === undefined) throw new UsageError(`请用 --half 指定半年，例如 2026H2\n用法：${call.declaration.usage}`);
    const rows = await auditSummary({ cwd: rootOf(call), today: todayOf(call), period });
    const lines = rows.map((r) => `${r.worker}  抽查 ${r.audits} 次  完整性 ${r.completeness}  规范性 ${r.standardization}  专业性 ${r.professionalism}`);
    call.io.out(call.values.json ? JSON.stringify(rows, null, 2) : lines.join('\n') || '该期间没有抽查记录');
    return 0;
  }
  throw new UsageError(`用法：${call.declaration.usage}`);
}
