import { CommandError } from '../errors.ts';
import type { z } from 'zod';
import type { Finding } from '../rules/finding.ts';
import { labelAt, unknownKeys } from '../schemas/walk.ts';
import { normaliseText, parseYamlMapping, type YamlMapping } from './parse-yaml.ts';

export interface ParsedConfig<T> {
  value: T | null;
  source: YamlMapping | null;
  findings: Finding[];
}

/** Parses a YAML configuration file (staff.yaml, archive.yaml) against its schema, with lines. */
export function parseConfig<S extends z.ZodTypeAny>(file: string, raw: string | undefined, schema: S): ParsedConfig<z.output<S>> {
  const finding = (rule: string, line: number, message: string): Finding => ({ rule, severity: 'error', record: null, file, line, message });
  if (raw === undefined) return { value: null, source: null, findings: [finding('PARSE', 1, `缺少 ${file}；没有它，依赖名册或代码表的规则无法检查`)] };
  const source = parseYamlMapping(normaliseText(raw), 1);
  if ('message' in source) return { value: null, source: null, findings: [finding('PARSE', source.line, source.message)] };

  const findings = unknownKeys(schema, source.data).map((path) =>
    finding('SCHEMA', source.lineOf(path), `未知字段「${String(path.at(-1))}」（可能是拼写错误）`),
  );
  const result = schema.safeParse(source.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      findings.push(finding('SCHEMA', source.lineOf(issue.path), `「${labelAt(schema, issue.path)}」${issue.message}`));
    }
    return { value: null, source, findings };
  }
  return { value: result.data as z.output<S>, source, findings };
}

/** A configuration file's value, or a CommandError that lists every line at fault. */
export function requireConfig<S extends z.ZodTypeAny>(file: string, raw: string | undefined, schema: S): z.output<S> {
  const parsed = parseConfig(file, raw, schema);
  if (!parsed.value) throw new CommandError(`${file} 无法使用：${parsed.findings.map((f) => `第 ${f.line} 行 ${f.message}`).join('；')}`);
  return parsed.value;
}
