import type { PrintOptions, PrintResult } from '../print/print-command.ts';
import { identityOption, rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa print <RECORD [--form FORM | --cover] | --blank FORM|list> [--out FILE.pdf] [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
  summary: '把表格打印成 A4 PDF：记录的全部或一张已填表格、档案袋封面，或供手写签名的空白表格；默认去标识；写明 --identity 私钥时才含服务对象的个人资料（仅供内部）',
  options: { ...rootOption, ...todayOption, ...identityOption, form: { type: 'string' }, cover: { type: 'boolean' }, blank: { type: 'string' }, out: { type: 'string' } },
};

/** `swa print`: a record's forms, its archive-bag cover or a blank form as an A4 PDF (print/print-command.ts). */
export async function print(options: PrintOptions): Promise<PrintResult> {
  return (await import('../print/print-command.ts')).print(options);
}

/** `swa print --blank list`: every form that prints. */
export async function blankList(): Promise<string> {
  return (await import('../print/blank-form.ts')).blankList();
}
