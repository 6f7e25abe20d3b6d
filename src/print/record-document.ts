import { CommandError, UsageError } from '../errors.ts';
import type { RecordView, SiteModel } from '../site/site-model.ts';
import { coverDocument } from './cover.ts';
import { formsDocument, type PrintableRecord } from './filled-form.ts';
import { formNamed, formsOf, isPrintableKind } from './forms.ts';
import type { PrintDocument } from './print-model.ts';

/** Whether a record has forms to print: services and supervision do, audits and handovers do not. */
export const printable = (record: RecordView): record is PrintableRecord => isPrintableKind(record.kind);

export const unknownForm = (name: string) => new UsageError(`没有名为 ${name} 的表格；swa print --blank list 列出所有表格`);

/**
 * A record's print: all its forms, one of them, or its archive-bag cover, from the site's view
 * model, the same for `swa print` and the site's print views. Pure.
 */
export function recordDocument(model: SiteModel, record: RecordView, target: { form?: string; cover?: boolean }): PrintDocument {
  if (!printable(record)) throw new CommandError(`${record.kindLabel}记录没有可打印的表格；可打印个案、咨询、小组、社区活动和督导记录`);
  if (target.cover) {
    if (record.kind === 'supervision') throw new CommandError(`督导记录没有自己的档案袋：${record.id} 只有一张督导记录表（swa print ${record.id}），按档案编号存放（见 README「纸质表格」）`);
    if (!record.cover) throw new CommandError(`${record.id} 尚未存档（没有档案编号），没有档案袋封面；存档用 swa archive ${record.id}`);
    return coverDocument(model.organisation, model.internal, record, record.cover);
  }
  const own = formsOf(record.kind);
  if (target.form === undefined) return formsDocument(model.organisation, model.internal, record, own);
  const form = formNamed(target.form);
  if (!form) throw unknownForm(target.form);
  if (!own.includes(form)) throw new UsageError(`${record.kindLabel}记录没有「${form.title}」；它的表格：${own.map((f) => f.key).join('、')}`);
  return formsDocument(model.organisation, model.internal, record, [form]);
}
