import { z } from 'zod';
import type { PathSegment } from '../records/parse-yaml.ts';

/** Unwrapped once per schema node: the schema walks ask again for every field of every record. */
const unwrapped = new WeakMap<z.ZodTypeAny, Readonly<{ inner: z.ZodTypeAny; label?: string }>>();

/** Strips optional/default/effects wrappers, keeping the outermost description (the Chinese label). */
export function unwrapSchema(schema: z.ZodTypeAny): Readonly<{ inner: z.ZodTypeAny; label?: string }> {
  let found = unwrapped.get(schema);
  if (found === undefined) unwrapped.set(schema, (found = unwrap(schema)));
  return found;
}

function unwrap(schema: z.ZodTypeAny): { inner: z.ZodTypeAny; label?: string } {
  let label = schema.description;
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap();
    else if (inner instanceof z.ZodDefault) inner = inner.removeDefault();
    else if (inner instanceof z.ZodEffects) inner = inner.innerType();
    else break;
    label ??= inner.description;
  }
  return { inner, label };
}

function child(schema: z.ZodTypeAny, segment: PathSegment): z.ZodTypeAny | undefined {
  const { inner } = unwrapSchema(schema);
  if (inner instanceof z.ZodObject && typeof segment === 'string') return inner.shape[segment] as z.ZodTypeAny | undefined;
  if (inner instanceof z.ZodArray && typeof segment === 'number') return inner.element as z.ZodTypeAny;
  return undefined;
}

/** The Chinese label of the field at `path`, e.g. 个案记录表 第2项 › 服务日期. */
export function labelAt(schema: z.ZodTypeAny, path: readonly PathSegment[]): string {
  const parts: string[] = [];
  let current: z.ZodTypeAny | undefined = schema;
  for (const segment of path) {
    current = current && child(current, segment);
    if (typeof segment === 'number') parts.push(`第${segment + 1}项`);
    else parts.push(current ? (unwrapSchema(current).label ?? segment) : segment);
  }
  return parts.join(' › ');
}

/** The field names an object schema at `path` accepts. */
export function fieldsAt(schema: z.ZodTypeAny, path: readonly PathSegment[]): string[] {
  let current: z.ZodTypeAny | undefined = schema;
  for (const segment of path) current = current && child(current, segment);
  const inner = current && unwrapSchema(current).inner;
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** Paths of keys in `data` that the schema does not know: usually a typo that would silently drop a form. */
export function unknownKeys(schema: z.ZodTypeAny, data: unknown): PathSegment[][] {
  const found: PathSegment[][] = [];
  // One path, grown and shrunk in place: a path array is made only for a key that is reported.
  const path: PathSegment[] = [];
  const walk = (node: z.ZodTypeAny, value: unknown): void => {
    const { inner } = unwrapSchema(node);
    if (inner instanceof z.ZodObject && isPlainObject(value)) {
      const shape = inner.shape as Record<string, z.ZodTypeAny>;
      for (const key in value) {
        path.push(key);
        const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
        if (field) walk(field, value[key]);
        else found.push([...path]);
        path.pop();
      }
    } else if (inner instanceof z.ZodArray && Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        walk(inner.element as z.ZodTypeAny, value[index]);
        path.pop();
      }
    }
  };
  walk(schema, data);
  return found;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** Labels of the fields an object schema at `path` requires (neither optional nor defaulted). */
export function requiredLabelsAt(schema: z.ZodTypeAny, path: readonly PathSegment[]): string[] {
  let current: z.ZodTypeAny | undefined = schema;
  for (const segment of path) current = current && child(current, segment);
  const inner = current && unwrapSchema(current).inner;
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodTypeAny>)
    .filter(([, field]) => !field.isOptional())
    .map(([key, field]) => unwrapSchema(field).label ?? key);
}
