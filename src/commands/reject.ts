import type { RejectOptions, RejectResult } from '../approvals/reject.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa reject <BRANCH> --reason "…" [--root DIR] [--today YYYY-MM-DD]',
  summary: '退回：在待审批分支上留下退回理由，理由保留在历史中并显示在时间线上',
  options: { ...rootOption, ...todayOption, reason: { type: 'string' } },
};

/** `swa reject`: the reason left on the branch (approvals/reject.ts). */
export async function reject(options: RejectOptions): Promise<RejectResult> {
  return (await import('../approvals/reject.ts')).reject(options);
}
