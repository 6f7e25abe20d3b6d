import type { ArchiveOptions, Register } from '../archive/allocate-number.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa archive <RECORD|list> [--renumber] [--json] [--root DIR] [--today YYYY-MM-DD]',
  summary: '为已完成并获批的记录分配档案编号并提交存档审批；list 列出编号登记册（含空号说明）',
  options: { ...rootOption, ...todayOption, renumber: { type: 'boolean' }, json: { type: 'boolean' } },
};

/** `swa archive RECORD`: the next archive number, submitted for the archiving approval (archive/allocate-number.ts). */
export async function archiveRecord(options: ArchiveOptions): Promise<{ archiveNo: string; branch: string }> {
  return (await import('../archive/allocate-number.ts')).archiveRecord(options);
}

/** `swa archive list`: the register of archive numbers, with its gaps explained. */
export async function archiveList({ cwd, today }: { cwd: string; today: string }): Promise<Register> {
  return (await import('../archive/allocate-number.ts')).archiveList(cwd, today);
}
