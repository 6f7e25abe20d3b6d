import { profileSchema } from '../schemas/person.ts';
import { unwrapSchema } from '../schemas/walk.ts';
import { clientFields } from '../site/client-fields.ts';
import type { Section, Table } from '../site/sections.ts';
import type { RecordView } from '../site/site-model.ts';
import { plainText } from '../site/value-parts.ts';
import { blankBlocks, maxColumns } from './blank-form.ts';
import { titleFor, type FormDefinition, type FormPart, type PrintableKind } from './forms.ts';
import type { PrintBlock, PrintDocument, PrintField, PrintPage, PrintTable } from './print-model.ts';

/** A record whose kind has forms to print. */
export type PrintableRecord = RecordView & { kind: PrintableKind };

const profileLabels = Object.fromEntries(Object.entries(profileSchema.shape).map(([key, field]) => [key, unwrapSchema(field).label ?? key]));

/** Where the names and signatures of a paper sheet stay. */
const sheetNote = '姓名与签名只写在纸质表格上，随档案袋保存，不录入档案系统（G-CONFIDENTIAL）。';

/** The head of a filled form: the record's numbers and the page header's facts (worker, post, date). */
export function factsOf(record: RecordView): PrintField[] {
  const labelled = record.meta.filter((m) => m.label !== '').map((m) => ({ label: m.label, value: plainText(m.value) }));
  return [
    { label: '档案编号', value: record.archiveNo ?? '（尚未存档）' },
    { label: '记录编号', value: record.id },
    { label: record.kind === 'supervision' ? '标题' : '服务名称', value: record.title },
    ...labelled,
    ...(record.pseudonym ? [{ label: '服务对象', value: record.pseudonym }] : []),
  ];
}

function printedTable(table: Table, columns?: string[]): PrintTable {
  const shown = columns ? columns.map((c) => table.keys.indexOf(c)).filter((i) => i >= 0) : table.columns.map((_, i) => i);
  return { columns: shown.map((i) => table.columns[i] as string), rows: table.rows.map((row) => shown.map((i) => plainText(row[i] ?? []))), blankRows: 0 };
}

/** A table under its heading, or, when too wide to read, one field list per entry. */
function tableBlocks(heading: string | null, label: string, table: PrintTable): PrintBlock[] {
  if (table.columns.length <= maxColumns) return [{ heading, fields: [], table }];
  return table.rows.map((row, i) => ({ heading: `${label} 第${i + 1}项`, fields: row.map((value, j) => ({ label: table.columns[j] as string, value })), table: null }));
}

function sectionBlocks(section: Section, single: boolean, columns?: string[]): PrintBlock[] {
  // A section that is one labelled value (a list of topics) needs no heading over its label.
  const oneValue = section.fields.length === 1 && section.fields[0]?.label === section.label;
  const heading = single || oneValue ? null : section.label;
  if (section.table) return tableBlocks(heading, section.label, printedTable(section.table, columns));
  const fields = section.fields.filter((f) => !f.table).map((f) => ({ label: f.label, value: plainText(f.value) }));
  const tables = section.fields.flatMap((f) => (f.table ? tableBlocks(f.label, f.label, printedTable(f.table)) : []));
  return [...(fields.length > 0 ? [{ heading, fields, table: null }] : []), ...tables];
}

/**
 * The client's part of a form: the decrypted fields in an internal print, and in a de-identified
 * one only the pseudonym, so that no path leads from a public print to a client's personal data.
 */
function clientBlock(record: RecordView): PrintBlock {
  const heading = '服务对象个人资料（保密）';
  const confidential = record.confidential;
  if (confidential?.client) return { heading, fields: clientFields(confidential.client), table: null };
  if (confidential?.sealed) return { heading, fields: [], table: null, note: '个人资料已加密，所给私钥不能解密（不是此加密块的接收者）。' };
  if (confidential) return { heading, fields: [], table: null, note: '本记录未登记个人资料。' };
  return {
    heading,
    fields: [{ label: '服务对象', value: record.pseudonym ?? '' }],
    table: null,
    note: '去标识版本：姓名、证件号、电话、住址等个人资料只出现在持有私钥者的内部打印中（swa print --identity 私钥文件）。',
  };
}

function partBlocks(record: PrintableRecord, part: FormPart, single: boolean): PrintBlock[] {
  const key = typeof part === 'string' ? part : part.key;
  if (key === 'client') return [clientBlock(record)];
  if (key === 'profile' && record.profile) {
    return [{ heading: '服务对象概况', fields: Object.entries(record.profile).map(([k, v]) => ({ label: profileLabels[k] ?? k, value: String(v) })), table: null }];
  }
  const section = record.sections.find((s) => s.key === key);
  // A form the record does not hold yet prints with empty space to fill in by hand.
  if (!section) return blankBlocks(record.kind, part, single);
  return sectionBlocks(section, single, typeof part === 'string' ? undefined : part.columns);
}

/** Each signer, or for one the form signs by each, a line per person the record's head names under that label. */
function signersOf(form: FormDefinition, record: RecordView): string[] {
  return form.signatures.flatMap((signer) => {
    const names = form.signedByEach?.includes(signer) ? (record.meta.find((m) => m.label === signer)?.value.filter((p) => p.code !== undefined) ?? []) : [];
    return names.length > 0 ? names.map((name) => `${signer}（${name.text}）`) : [signer];
  });
}

/** A form filled from a record's view model (de-identified, or internal with the client's data). Pure. */
export function filledPage(form: FormDefinition, record: PrintableRecord): PrintPage {
  const kind = record.kind;
  const parts = form.parts[kind] ?? [];
  const blocks = parts.flatMap((part) => partBlocks(record, part, parts.length === 1));
  const last = blocks.at(-1);
  if (form.sheet && last) blocks[blocks.length - 1] = { ...last, note: sheetNote };
  return { title: titleFor(form, kind), facts: factsOf(record), statement: form.statement ?? [], blocks, signatures: signersOf(form, record) };
}

/** The record's forms (all it holds, or those asked for) as one document. */
export function formsDocument(organisation: string, internal: boolean, record: PrintableRecord, forms: readonly FormDefinition[]): PrintDocument {
  const title = forms.length === 1 ? titleFor(forms[0] as FormDefinition, record.kind) : '全部表格';
  return { organisation, archiveNo: record.archiveNo, internal, title: `${record.archiveNo ?? record.id} ${title}`, pages: forms.map((f) => filledPage(f, record)) };
}
