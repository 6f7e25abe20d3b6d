import { z } from 'zod';
import { clientSchemas, holdsClient } from '../../schemas/client-field.ts';
import { recordKinds, type RecordKind } from '../../schemas/index.ts';
import { unwrapSchema } from '../../schemas/walk.ts';
import type { FormField, FormSection } from './form-types.ts';

/** Fields written as paragraphs rather than one line. */
const paragraphKeys = new Set([
  'summary', 'presentingIssue', 'initialAssessment', 'content', 'purpose', 'needsAnalysis', 'findings', 'comment',
  'reason', 'needsAssessment', 'record', 'processEvaluation', 'outcomeEvaluation', 'clientFeedback', 'note', 'notes',
  'change', 'emergencyPlan',
]);

/** The key of the section that holds a record's top-level plain fields (id, title, worker …). */
export const basicSectionKey = 'basic';

/**
 * Every form of a record kind, in the order of the template `swa new` writes (the schema's own
 * order, see src/templates/skeleton.ts): the top-level plain fields first as 基本信息, then one
 * section per form. The client's personal data is not among them: see describeClientForm.
 */
export function describeRecordForm(kind: RecordKind): FormSection[] {
  const shape = recordKinds[kind].schema.shape as Record<string, z.ZodTypeAny>;
  const basic: FormField[] = [];
  const sections: FormSection[] = [{ key: basicSectionKey, label: '基本信息', fields: basic }];
  for (const [key, schema] of Object.entries(shape)) {
    if (key === 'client') continue;
    const { inner, label = key } = unwrapSchema(schema);
    if (inner instanceof z.ZodObject) sections.push({ key, label, fields: objectFields(inner, [key]) });
    else if (inner instanceof z.ZodArray) sections.push({ key, label, fields: [fieldOf(key, schema, [key])] });
    else basic.push(fieldOf(key, schema, [key]));
  }
  return sections;
}

/** The rows field of a section that is one list (个案记录表), or undefined for a section of fields. */
export function listOf(section: FormSection): FormField | undefined {
  const only = section.fields.length === 1 ? section.fields[0] : undefined;
  return only?.row && only.name === section.key ? only : undefined;
}

/** The client's personal data as a form (src/schemas/person.ts), for the kinds that hold one. */
export function describeClientForm(kind: RecordKind): FormSection | undefined {
  if (!holdsClient(kind)) return undefined;
  const schema = clientSchemas[kind];
  return { key: 'client', label: schema.description ?? '服务对象个人资料', fields: objectFields(schema, ['client']), sealed: true };
}

/** The fields of an object, nested objects flattened into labelled paths ("转介回复 › 回复日期"). */
function objectFields(schema: z.AnyZodObject, path: (string | number)[], labelPrefix = ''): FormField[] {
  return Object.entries(schema.shape as Record<string, z.ZodTypeAny>).flatMap(([key, field]) => {
    const { inner, label = key } = unwrapSchema(field);
    if (inner instanceof z.ZodObject) return objectFields(inner, [...path, key], `${labelPrefix}${label} › `);
    return [fieldOf(key, field, [...path, key], labelPrefix)];
  });
}

function fieldOf(key: string, schema: z.ZodTypeAny, path: (string | number)[], labelPrefix = ''): FormField {
  const { inner, label = key } = unwrapSchema(schema);
  const name = path.join('.');
  const base = { name, path, label: `${labelPrefix}${label}`, required: !schema.isOptional(), choiceKey: name, valueType: 'string' as const };
  if (inner instanceof z.ZodArray) {
    const element = unwrapSchema(inner.element as z.ZodTypeAny).inner;
    const row = element instanceof z.ZodObject ? objectFields(element, []) : [fieldOf('', element, [])];
    return { ...base, input: 'rows', row: row.map((field) => ({ ...field, choiceKey: [name, field.choiceKey].filter(Boolean).join('.'), label: field.name === '' ? base.label : field.label })) };
  }
  if (inner instanceof z.ZodString) {
    const isDate = inner._def.checks.some((check) => check.kind === 'date');
    return { ...base, input: isDate ? 'date' : paragraphKeys.has(key) ? 'textarea' : 'text', fixed: path.length === 1 && key === 'id' ? true : undefined };
  }
  if (inner instanceof z.ZodNumber) {
    const checks = inner._def.checks;
    const min = checks.find((check) => check.kind === 'min')?.value;
    const max = checks.find((check) => check.kind === 'max')?.value;
    return { ...base, input: 'number', valueType: 'number', step: checks.some((check) => check.kind === 'int') ? 1 : 0.01, min, max };
  }
  if (inner instanceof z.ZodBoolean) {
    return { ...base, input: 'select', valueType: 'boolean', options: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] };
  }
  if (inner instanceof z.ZodLiteral && inner.value === true) return { ...base, input: 'checkbox', valueType: 'boolean' };
  if (inner instanceof z.ZodEnum) {
    return { ...base, input: 'select', options: (inner.options as string[]).map((value) => ({ value, label: value })) };
  }
  throw new Error(`表单不支持字段 ${name || key} 的类型（${inner.constructor.name}）`);
}
