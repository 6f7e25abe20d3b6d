import { parseFrontmatter } from '../records/parse-frontmatter.ts';
import type { Finding } from '../rules/finding.ts';
import type { RuleContext } from '../rules/context.ts';
import type { RecordKind } from '../schemas/index.ts';
import type { Namer } from '../site/value-parts.ts';
import { describeClientForm, describeRecordForm, findingsByField, readFormValues, type FieldNamer, type FormSection } from './forms/index.ts';

/** The frontmatter's data as written (also when it fails its schema: the form shows what is there). */
export function frontmatterData(text: string): Record<string, unknown> {
  const parsed = parseFrontmatter(text);
  return 'message' in parsed ? {} : (parsed.data as Record<string, unknown>);
}

/** The record's own sections (never the client block: that one is read, sealed and written apart). */
export const recordSections = (kind: RecordKind): FormSection[] => describeRecordForm(kind);

export const clientSection = (kind: RecordKind): FormSection | undefined => describeClientForm(kind);

/** The record's values from a posted form; the id stays what the file's path says. */
export function postedRecordValues(kind: RecordKind, body: Record<string, string | string[]>): Record<string, unknown> {
  const values = readFormValues(recordSections(kind), body);
  delete values.id;
  delete values.client;
  return values;
}

/** The client's values from a posted form, when the client section was shown. */
export function postedClientValues(kind: RecordKind, body: Record<string, string | string[]>): unknown {
  const section = clientSection(kind);
  return section ? (readFormValues([section], body).client ?? {}) : undefined;
}

/** The findings of one record file, by field name (findings without a field under ''). */
export function findingsOf(findings: readonly Finding[], file: string, text: string): Map<string, Finding[]> {
  return findingsByField(findings.filter((f) => f.file === file), text);
}

export function summaryOf(findings: readonly Finding[], file: string): string {
  const own = findings.filter((f) => f.file === file);
  const errors = own.filter((f) => f.severity === 'error').length;
  const warnings = own.length - errors;
  return own.length === 0 ? '检查通过：没有发现问题' : `检查结果：${errors} 个错误、${warnings} 个提醒（见各栏下方）`;
}

/** Choices that replace free text by the roster's and the code tables' values. */
export function choicesOf(ctx: RuleContext | null): Record<string, { value: string; label: string }[]> {
  if (!ctx) return {};
  const staff = ctx.roster.people.map((p) => ({ value: p.id, label: `${p.name}（${p.id}）` }));
  return {
    ...Object.fromEntries(['worker', 'auditor', 'receivedBy', 'supervisor', 'supervisees'].map((key) => [key, staff])),
    post: ctx.roster.posts.map((p) => ({ value: p.id, label: `${p.name}（${p.id}）` })),
    category: Object.entries(ctx.config.categories).map(([code, name]) => ({ value: code, label: `${name}（${code}）` })),
  };
}

/** The review's names for stored values: staff and posts by the site's namer, the category by archive.yaml's label. */
export function fieldNamerOf(ctx: RuleContext | null, names: Namer): FieldNamer {
  const categories = ctx?.config.categories ?? {};
  return (value, field) => {
    const category = field === 'category' ? categories[value] : undefined;
    return category === undefined ? names(value) : { text: category, code: value };
  };
}
