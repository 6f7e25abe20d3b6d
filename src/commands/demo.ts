import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RealisticResult } from '../demo/realistic.ts';
import { todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa demo [--out DIR] [--today YYYY-MM-DD] [--records N --seed S [--shape realistic|synthetic]]',
  summary:
    '用自带的示例档案生成带审批历史的演示仓库（虚构人员、固定日期）；--records 生成 N 份合成记录：默认为真实形态（个案、咨询、小组、社区，每个环节一次审批合并），--shape synthetic 为每份个案一次审批合并',
  options: { ...todayOption, out: { type: 'string' }, records: { type: 'string' }, seed: { type: 'string' }, shape: { type: 'string' } },
};

export type DemoOptions = { cwd: string; out?: string } & (
  | { shape: 'sample'; today?: string }
  | { shape: 'realistic' | 'synthetic'; records: number; seed?: string }
);

export type DemoResult = { out: string } & (
  | { shape: 'sample'; records: number; approvals: number; pending: number }
  | ({ shape: 'realistic'; records: number } & RealisticResult)
  | { shape: 'synthetic'; records: number }
);

/**
 * `swa demo`: a demo repository with approval history, from the bundled sample archive (replayed,
 * history up to `today`, 2026-11-29 by default) or with `records` synthetic records of either shape.
 */
export async function demo(options: DemoOptions): Promise<DemoResult> {
  const out = resolve(options.cwd, options.out ?? '.demo');
  const source = fileURLToPath(new URL('../..', import.meta.url));
  if (options.shape === 'sample') {
    const result = await (await import('../demo/generate-demo.ts')).generateDemo({ source, out, today: options.today ?? '2026-11-29' });
    return { shape: 'sample', out, ...result };
  }
  const { records, seed = 'swa' } = options;
  if (options.shape === 'synthetic') {
    await (await import('../demo/synthetic.ts')).generateSynthetic({ source, out, records, seed });
    return { shape: 'synthetic', out, records };
  }
  return { shape: 'realistic', out, records, ...(await (await import('../demo/realistic.ts')).generateRealistic({ source, out, records, seed })) };
}
