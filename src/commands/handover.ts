import type { HandoverOptions, HandoverResult } from '../archive/handover-records.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa handover --quarter 2026Q4 [--post P] [--root DIR] [--today YYYY-MM-DD]',
  summary: '季度移交：列出不能保管档案的岗位在该季度结案、原件待交机构的个案，并写成移交记录',
  options: { ...rootOption, ...todayOption, quarter: { type: 'string' }, post: { type: 'string' } },
};

/** `swa handover`: the quarter's handover records, one per post and worker (archive/handover-records.ts). */
export async function handover(options: HandoverOptions): Promise<HandoverResult> {
  return (await import('../archive/handover-records.ts')).handover(options);
}
