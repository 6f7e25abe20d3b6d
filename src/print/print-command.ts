import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkRecord } from '../check/check-record.ts';
import { staffFile } from '../check/check-archive.ts';
import { CommandError, UsageError } from '../errors.ts';
import { requireConfig } from '../records/parse-config.ts';
import { serviceKinds, type ServiceKind } from '../schemas/index.ts';
import { staffSchema } from '../schemas/staff.ts';
import { keyedSiteModel } from '../site/keyed-model.ts';
import { slugOf } from '../site/value-parts.ts';
import { blankDocument } from './blank-form.ts';
import { coverDocument } from './cover.ts';
import { formsDocument } from './filled-form.ts';
import { formNamed, formsOf } from './forms.ts';
import type { PrintDocument } from './print-model.ts';
import { printHtml } from './render-html.ts';
import { renderPdf } from './render-pdf.ts';

export type PrintTarget = { blank: string } | { record: string; form?: string; cover?: boolean };

export interface PrintOptions {
  cwd: string;
  today: string;
  target: PrintTarget;
  /** With it, the forms hold the client's personal data (an internal print). */
  identityFile?: string;
  /** The PDF file; default its document's name in `outDir`. */
  out?: string;
  outDir: string;
}

const unknownForm = (name: string) => new UsageError(`没有名为 ${name} 的表格；swa print --blank list 列出所有表格`);

/** The document `swa print` renders: a blank form, a record's filled forms, or its archive-bag cover. */
export async function printDocument({ cwd, today, target, identityFile }: Omit<PrintOptions, 'out' | 'outDir'>): Promise<{ document: PrintDocument; name: string }> {
  if ('blank' in target) {
    const form = formNamed(target.blank);
    if (!form) throw unknownForm(target.blank);
    const roster = requireConfig(staffFile, await readFile(join(cwd, staffFile), 'utf8').catch(() => undefined), staffSchema);
    return { document: blankDocument(roster.organisation, form), name: `blank-${form.key}` };
  }
  const internal = identityFile !== undefined;
  const model = await keyedSiteModel(await checkRecord(cwd, target.record, today), internal, identityFile);
  const record = model.records.find((r) => r.id === target.record);
  if (!record) throw new CommandError(`没有记录 ${target.record}`);
  if (!(serviceKinds as readonly string[]).includes(record.kind)) throw new CommandError(`${record.kindLabel}记录没有可打印的表格；可打印个案、咨询、小组和社区活动`);
  const suffix = internal ? '-internal' : '';
  if (target.cover) {
    if (!record.cover) throw new CommandError(`${record.id} 尚未存档（没有档案编号），没有档案袋封面；存档用 swa archive ${record.id}`);
    return { document: coverDocument(model.organisation, internal, record, record.cover), name: `${slugOf(record.id)}-cover${suffix}` };
  }
  const own = formsOf(record.kind as ServiceKind);
  if (target.form === undefined) return { document: formsDocument(model.organisation, internal, record, own), name: `${slugOf(record.id)}-forms${suffix}` };
  const form = formNamed(target.form);
  if (!form) throw unknownForm(target.form);
  if (!own.includes(form)) throw new UsageError(`${record.kindLabel}记录没有「${form.title}」；它的表格：${own.map((f) => f.key).join('、')}`);
  return { document: formsDocument(model.organisation, internal, record, [form]), name: `${slugOf(record.id)}-${form.key}${suffix}` };
}

export interface PrintResult {
  out: string;
  forms: number;
  internal: boolean;
}

/** `swa print`: the document as an A4 PDF written to `out` (default: its name in `outDir`). */
export async function print(options: PrintOptions): Promise<PrintResult> {
  const { document, name } = await printDocument(options);
  const out = options.out ?? join(options.outDir, `${name}.pdf`);
  const pdf = await renderPdf(printHtml(document));
  // A PDF with a client's personal data is readable by its owner only.
  await writeFile(out, pdf, { mode: document.internal ? 0o600 : 0o644 });
  return { out, forms: document.pages.length, internal: document.internal };
}
