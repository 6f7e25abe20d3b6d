import { z } from 'zod';
import { recordKinds } from '../schemas/index.ts';
import { unwrapSchema } from '../schemas/walk.ts';
import { formDefinitions, type FormDefinition, type FormPart, type PrintableKind } from './forms.ts';
import type { PrintBlock, PrintDocument, PrintField, PrintPage } from './print-model.ts';

/** Empty rows a blank form with one row per entry leaves to write in. */
const blankRows = 6;

/** A schema without its wrappers; of a union (the client block: sealed text or fields), the object. */
function shapeOf(schema: z.ZodTypeAny): { inner: z.ZodTypeAny; label: string | undefined } {
  const { inner, label } = unwrapSchema(schema);
  if (inner instanceof z.ZodUnion) {
    const object = (inner.options as z.ZodTypeAny[]).map((o) => unwrapSchema(o)).find((o) => o.inner instanceof z.ZodObject);
    return { inner: object?.inner ?? inner, label: label ?? object?.label };
  }
  return { inner, label };
}

const isDate = (schema: z.ZodTypeAny) => schema instanceof z.ZodString && schema._def.checks.some((c) => c.kind === 'date');
const isCode = (schema: z.ZodTypeAny) => schema instanceof z.ZodString && schema._def.checks.some((c) => c.kind === 'regex');

/** One field's writing space: options to tick, a date, or lines. */
function blankField(label: string, schema: z.ZodTypeAny): PrintField {
  const { inner } = shapeOf(schema);
  if (inner instanceof z.ZodEnum) return { label, value: null, choices: [...(inner.options as string[])] };
  if (inner instanceof z.ZodBoolean || inner instanceof z.ZodLiteral) return { label, value: null, choices: ['是', '否'] };
  if (isDate(inner)) return { label, value: null, date: true };
  if (inner instanceof z.ZodNumber || isCode(inner)) return { label, value: null, lines: 1 };
  if (inner instanceof z.ZodArray) return { label, value: null, lines: 3 };
  return { label, value: null, lines: 2 };
}

const rowsOf = (schema: z.ZodTypeAny): z.ZodObject<z.ZodRawShape> | null => {
  const { inner } = shapeOf(schema);
  if (!(inner instanceof z.ZodArray)) return null;
  const element = shapeOf(inner.element as z.ZodTypeAny).inner;
  return element instanceof z.ZodObject ? element : null;
};

/** More columns than this leave no room to write in a cell: such entries print one field list each. */
export const maxColumns = 5;

/** A list of entries as a table of empty rows under its label, or, when too wide, as empty entries. */
function blankTable(heading: string | null, label: string, element: z.ZodObject<z.ZodRawShape>, columns?: string[]): PrintBlock[] {
  const keys = columns ?? Object.keys(element.shape);
  const fields = keys.map((k) => blankField(shapeOf(element.shape[k] as z.ZodTypeAny).label ?? k, element.shape[k] as z.ZodTypeAny));
  if (keys.length > maxColumns) return [1, 2].map((n) => ({ heading: `${label} 第${n}项`, fields, table: null }));
  return [{ heading, fields: [], table: { columns: fields.map((f) => f.label), rows: [], blankRows } }];
}

/** The empty blocks of one part of a record kind's schema. Pure. */
export function blankBlocks(kind: PrintableKind, part: FormPart, single: boolean): PrintBlock[] {
  const key = typeof part === 'string' ? part : part.key;
  const field = (recordKinds[kind].schema.shape as Record<string, z.ZodTypeAny>)[key];
  if (!field) throw new Error(`${kind} has no form ${key}`);
  const { inner, label = key } = shapeOf(field);
  const heading = single ? null : label;
  const element = rowsOf(field);
  if (element) return blankTable(heading, label, element, typeof part === 'string' ? undefined : part.columns);
  if (!(inner instanceof z.ZodObject)) return [{ heading: null, fields: [blankField(label, field)], table: null }];
  const entries = Object.entries(inner.shape as Record<string, z.ZodTypeAny>);
  const fields = entries.filter(([, s]) => !rowsOf(s)).map(([k, s]) => blankField(shapeOf(s).label ?? k, s));
  const tables = entries.flatMap(([k, s]) => {
    const rows = rowsOf(s);
    return rows ? blankTable(shapeOf(s).label ?? k, shapeOf(s).label ?? k, rows) : [];
  });
  return [{ heading, fields, table: null }, ...tables];
}

const numbers = ['档案编号', '记录编号'];

/** The facts of a form's head, empty: the lines filled in by hand (a service's worker and post, or the form's own `head`). */
function blankFacts(form: FormDefinition, kind: PrintableKind): PrintField[] {
  const line = (label: string): PrintField => ({ label, value: null, lines: 1 });
  if (!form.head) return [...numbers, '服务名称', '负责社工', '所属岗位'].map(line);
  const shape = recordKinds[kind].schema.shape as Record<string, z.ZodTypeAny>;
  return [...numbers.map(line), ...form.head.map((key) => blankHeadField(shape[key], key))];
}

/** A head fact on one line: a list of names is written on one line too. */
function blankHeadField(schema: z.ZodTypeAny | undefined, key: string): PrintField {
  if (!schema) throw new Error(`no field ${key} for a form's head`);
  const field = blankField(shapeOf(schema).label ?? key, schema);
  return field.lines === undefined ? field : { ...field, lines: 1 };
}

/** A blank form for people to fill and sign; a form two kinds share is drawn from the first. Pure. */
export function blankPage(form: FormDefinition): PrintPage {
  const [kind, parts] = Object.entries(form.parts)[0] as [PrintableKind, FormPart[]];
  const blocks = form.prompts
    ? [{ heading: null, fields: form.prompts, table: null }]
    : parts.flatMap((part) => blankBlocks(kind, part, parts.length === 1));
  const sheet = form.sheet ? [{ heading: form.sheet.heading, fields: [], table: { columns: form.sheet.columns, rows: [], blankRows: form.sheet.rows } }] : [];
  return { title: form.title, facts: blankFacts(form, kind), statement: form.statement ?? [], blocks: [...blocks, ...sheet], signatures: form.signatures };
}

export function blankDocument(organisation: string, form: FormDefinition): PrintDocument {
  return { organisation, archiveNo: null, internal: false, title: `${form.title}（空白）`, pages: [blankPage(form)] };
}

/** `swa print --blank list`: each form's key, title and the kinds of record that hold it. */
export function blankList(): string {
  const width = Math.max(...formDefinitions.map((f) => f.key.length));
  return formDefinitions.map((f) => `${f.key.padEnd(width)}  ${f.title}（${(Object.keys(f.parts) as PrintableKind[]).map((k) => recordKinds[k].label).join('、')}）`).join('\n');
}
