import type { KeysOptions, KeysResult } from '../privacy/key-changes.ts';
import { identityOption, rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa keys <seal | add STAFF AGE-PUBLIC-KEY | remove STAFF | rotate [--escrow AGE-PUBLIC-KEY --kept-by 保管人]> [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
  summary: '加密明文的个人资料；增删工作人员的加密公钥或更换托管密钥，并把所有加密块重新加密给当前的接收者',
  options: { ...rootOption, ...todayOption, ...identityOption, escrow: { type: 'string' }, 'kept-by': { type: 'string' } },
};

/** What `swa keys` does (privacy/key-changes.ts): seal plaintext blocks, add or remove a person's key, rotate to today's recipients. */
export type KeysAction =
  | { action: 'seal' }
  | { action: 'add'; staffId: string; recipient: string }
  | { action: 'remove'; staffId: string }
  | { action: 'rotate'; escrow?: string; keptBy?: string };

export async function keys(options: KeysOptions & KeysAction): Promise<KeysResult> {
  const changes = await import('../privacy/key-changes.ts');
  if (options.action === 'seal') return changes.sealPlaintext(options);
  if (options.action === 'add') return changes.addKey(options);
  if (options.action === 'remove') return changes.removeKey(options);
  return changes.rotateKeys(options);
}
