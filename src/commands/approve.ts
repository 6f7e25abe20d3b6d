import type { ApproveOptions, ApproveResult } from '../approvals/approve.ts';
import { identityOption, rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa approve <BRANCH> [--stage STAGE] [--head SHA] [--sign] [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
  summary: '审批：以 --no-ff 合并待审批分支并写入审批信息；违反规则时拒绝并说明原因；有密钥时核对案主的个人资料没有写在加密块之外',
  options: { ...rootOption, ...todayOption, ...identityOption, stage: { type: 'string' }, head: { type: 'string' }, sign: { type: 'boolean' } },
};

/** `swa approve`: the --no-ff merge with its trailers, or the reasons it is refused (approvals/approve.ts). */
export async function approve(options: ApproveOptions): Promise<ApproveResult> {
  return (await import('../approvals/approve.ts')).approve(options);
}
