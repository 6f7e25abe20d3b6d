import type { SubmitOptions, SubmitResult } from '../approvals/submit.ts';
import { identityOption, rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa submit [RECORD] [--stage STAGE] [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
  summary: '把记录提交到 submit/<编号> 分支等待审批（不写编号时取工作区唯一改动的记录）；有密钥时核对案主的个人资料没有写在加密块之外',
  options: { ...rootOption, ...todayOption, ...identityOption, stage: { type: 'string' } },
};

/** `swa submit`: the record committed on its submit/* branch (approvals/submit.ts). */
export async function submit(options: SubmitOptions): Promise<SubmitResult> {
  return (await import('../approvals/submit.ts')).submit(options);
}
