import type { NewOptions, NewResult } from '../templates/new-record.ts';
import { rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa new <case|consultation|group|community|supervision> [--category CODE] [--worker ID | --supervisor ID] [--root DIR] [--today YYYY-MM-DD]',
  summary: '按下一个可用编号新建一份空白记录（中文表格模板）',
  options: { ...rootOption, ...todayOption, category: { type: 'string' }, worker: { type: 'string' }, supervisor: { type: 'string' } },
};

/** `swa new`: a blank record with the next free id of the year (templates/new-record.ts). */
export async function newRecord(options: NewOptions): Promise<NewResult> {
  return (await import('../templates/new-record.ts')).newRecord(options);
}

/** The record `swa new` would write, not written. */
export async function blankRecord(options: NewOptions): Promise<NewResult & { text: string }> {
  return (await import('../templates/new-record.ts')).blankRecord(options);
}
