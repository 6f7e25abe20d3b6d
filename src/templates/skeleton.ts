import { z } from 'zod';
import { unwrapSchema } from '../schemas/walk.ts';

/** Values the command fills in; every other field is left blank for the worker. */
export type Prefill = Record<string, string | number>;

/**
 * Writes the YAML frontmatter of a blank record from its schema: every form as a key, each
 * labelled in Chinese, enums listing their allowed values. Blank fields read as "not filled in".
 */
export function skeletonYaml(schema: z.ZodTypeAny, prefill: Prefill): string {
  return objectLines(schema, prefill, '').join('\n');
}

function objectLines(schema: z.ZodTypeAny, prefill: Prefill, indent: string): string[] {
  const { inner } = unwrapSchema(schema);
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodTypeAny>).flatMap(([key, field]) => {
    const { inner: value, label } = unwrapSchema(field);
    if (key in prefill) return [`${indent}${key}: ${String(prefill[key])}${comment(label)}`];
    if (value instanceof z.ZodObject) return [`${indent}${key}:${comment(label)}`, ...objectLines(value, {}, `${indent}  `)];
    if (value instanceof z.ZodArray) return [`${indent}${key}: []${comment(label, arrayHint(value))}`];
    const fallback = defaultOf(field);
    return [`${indent}${key}:${fallback === undefined ? '' : ` ${String(fallback)}`}${comment(label, scalarHint(value))}`];
  });
}

function defaultOf(schema: z.ZodTypeAny): unknown {
  if (schema instanceof z.ZodDefault) return schema._def.defaultValue();
  if (schema instanceof z.ZodOptional) return defaultOf(schema.unwrap());
  return undefined;
}

function scalarHint(schema: z.ZodTypeAny): string | undefined {
  if (schema instanceof z.ZodEnum) return (schema.options as string[]).join(' / ');
  if (schema instanceof z.ZodLiteral) return String(schema.value);
  if (schema instanceof z.ZodBoolean) return 'true / false';
  return undefined;
}

function arrayHint(schema: z.ZodArray<z.ZodTypeAny>): string | undefined {
  const { inner: element } = unwrapSchema(schema.element);
  if (!(element instanceof z.ZodObject)) return '每项一行，以 - 开头';
  const fields = Object.entries(element.shape as Record<string, z.ZodTypeAny>).map(([key, field]) => `${key} ${unwrapSchema(field).label ?? ''}`.trim());
  return `每项含：${fields.join('，')}`;
}

function comment(label: string | undefined, hint?: string): string {
  const text = [label, hint].filter(Boolean).join('：');
  return text ? `  # ${text}` : '';
}
