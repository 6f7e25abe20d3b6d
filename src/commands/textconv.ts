import { resolve } from 'node:path';
import { identityOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa textconv <FILE> [--identity FILE]',
  summary: 'git diff 的 textconv 驱动：持有私钥者看到解密后的个人资料差异（配置方法见 README）',
  options: { ...identityOption },
};

/** `swa textconv FILE`: the file as git diff shows it to a key holder (privacy/textconv.ts). */
export async function textconv({ cwd, file, identityFile }: { cwd: string; file: string; identityFile?: string }): Promise<string> {
  return (await import('../privacy/textconv.ts')).textconv(resolve(cwd, file), identityFile);
}
