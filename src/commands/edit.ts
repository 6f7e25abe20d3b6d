import type { EditOptions } from '../privacy/edit-client.ts';
import { identityOption, rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa edit <RECORD> [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
  summary: '解密一份记录的服务对象个人资料，用 $EDITOR 编辑，改动后重新加密（临时文件随即删除）',
  options: { ...rootOption, ...todayOption, ...identityOption },
};

/** `swa edit`: the client block decrypted for the editor and re-encrypted when changed (privacy/edit-client.ts). */
export async function edit(options: EditOptions): Promise<{ changed: boolean; path: string }> {
  return (await import('../privacy/edit-client.ts')).editClient(options);
}
