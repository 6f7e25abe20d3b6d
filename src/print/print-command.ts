import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkRecord } from '../check/check-record.ts';
import { staffFile } from '../check/check-archive.ts';
import { CommandError } from '../errors.ts';
import { requireConfig } from '../records/parse-config.ts';
import { staffSchema } from '../schemas/staff.ts';
import { keyedSiteModel } from '../site/keyed-model.ts';
import { slugOf } from '../site/value-parts.ts';
import { blankDocument } from './blank-form.ts';
import { formNamed } from './forms.ts';
import { recordDocument, unknownForm } from './record-document.ts';
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
  const document = recordDocument(model, record, target);
  const which = target.cover ? 'cover' : target.form === undefined ? 'forms' : (formNamed(target.form)?.key ?? 'form');
  return { document, name: `${slugOf(record.id)}-${which}${internal ? '-internal' : ''}` };
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
