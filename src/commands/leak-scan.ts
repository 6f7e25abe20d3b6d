import { resolve } from 'node:path';
import type { LeakScanResult } from '../privacy/leak-scan.ts';
import type { Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa leak-scan <DIR> [--canaries FILE] [--json]',
  summary: '扫描已生成的网站（含解压后的 Pagefind 索引）中的个人信息与标记值；发现时退出码为 1',
  options: { canaries: { type: 'string' }, json: { type: 'boolean' } },
};

/** `swa leak-scan DIR`: personal data and canary values found in a built site, `dir` and `canaries` relative to `cwd`. */
export async function leakScan({ cwd, dir, canaries }: { cwd: string; dir: string; canaries?: string }): Promise<LeakScanResult> {
  const scan = await import('../privacy/leak-scan.ts');
  return scan.leakScan({ dir: resolve(cwd, dir), canaries: canaries === undefined ? [] : await scan.readCanaries(resolve(cwd, canaries)) });
}
