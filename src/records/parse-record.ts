import { pruneEmpty } from '../schemas/prune-empty.ts';
import { validationSchema } from '../schemas/client-field.ts';
import { recordKinds, type RecordKind } from '../schemas/index.ts';
import { fieldsAt, labelAt, requiredLabelsAt, unknownKeys } from '../schemas/walk.ts';
import type { Finding } from '../rules/finding.ts';
import type { ArchiveRecord } from './archive-record.ts';
import { lineLocator } from './line-locator.ts';
import type { ParseCache, ParsedEntry } from './parse-cache.ts';
import { frontmatterParts, parseFrontmatter, type Frontmatter } from './parse-frontmatter.ts';
import { expectedPathShape, locationFromPath } from './record-path.ts';
import { noteDigest } from './record-digest.ts';

export interface ParsedFile {
  record: ArchiveRecord | null;
  findings: Finding[];
}

/**
 * Turns one record file into a typed record, or into findings that say why it is not one.
 * Schema findings do not stop the others: every field at fault is reported. With a `cache`, a
 * file parsed before (the same path and bytes) gives what it gave then, without being parsed again.
 */
export function parseRecord(file: string, raw: string, cache?: ParseCache): ParsedFile {
  if (!cache) return parseAnew(file, raw);
  const { key, entry } = cache.get(file, raw);
  const kept = entry && fromEntry(file, raw, entry);
  const parsed = kept || parseAnew(file, raw);
  if (!kept) cache.set(key, { data: parsed.record?.data ?? null, findings: parsed.findings });
  if (parsed.record) noteDigest(parsed.record, key);
  return parsed;
}

/** A file's parse as the cache kept it: the record made again around its checked data, or its findings alone. */
function fromEntry(file: string, raw: string, { data, findings }: ParsedEntry): ParsedFile | undefined {
  if (data === null) return { record: null, findings };
  const location = locationFromPath(file);
  const parts = frontmatterParts(raw);
  if (!location || 'message' in parts) return undefined;
  const frontmatter = { ...parts, lineOf: lineLocator(parts.yaml, 2) };
  return { record: new ParsedRecord(location.kind, location.id, file, data, frontmatter) as ArchiveRecord, findings };
}

function parseAnew(file: string, raw: string): ParsedFile {
  const location = locationFromPath(file);
  if (!location) {
    const message = file.endsWith('.mdx')
      ? '记录不能是 .mdx 文件：MDX 会在构建时执行代码。请改为 .md'
      : `文件名不符合记录编号规则，应为 ${expectedPathShape}（编号不得含任何个人信息）`;
    return { record: null, findings: [{ rule: 'PARSE', severity: 'error', record: null, file, line: 1, message }] };
  }
  const fail = (rule: string, line: number, message: string): Finding => ({
    rule,
    severity: 'error',
    record: location.id,
    file,
    line,
    message,
  });

  const frontmatter = parseFrontmatter(raw);
  if ('message' in frontmatter) return { record: null, findings: [fail('PARSE', frontmatter.line, frontmatter.message)] };

  const { label } = recordKinds[location.kind];
  const schema = validationSchema(location.kind, frontmatter.data);
  const findings = unknownKeys(schema, frontmatter.data).map((path) =>
    fail(
      'SCHEMA',
      frontmatter.lineOf(path),
      `未知字段「${String(path.at(-1))}」（可能是拼写错误）；此处可用的字段：${fieldsAt(schema, path.slice(0, -1)).join('、')}`,
    ),
  );

  const result = schema.safeParse(pruneEmpty(frontmatter.data) ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const required = issue.code === 'invalid_type' && issue.received === 'undefined' ? requiredLabelsAt(schema, issue.path) : [];
      const message = required.length > 0 ? `未填写；须填写：${required.join('、')}` : issue.message;
      findings.push(fail('SCHEMA', frontmatter.lineOf(issue.path), `${label}记录的「${labelAt(schema, issue.path)}」${message}`));
    }
    return { record: null, findings };
  }
  if (result.data.id !== location.id) {
    const message = `记录编号 ${result.data.id} 与文件位置不符：${file} 的编号应为 ${location.id}`;
    return { record: null, findings: [...findings, fail('SCHEMA', frontmatter.lineOf(['id']), message)] };
  }

  const record = new ParsedRecord(location.kind, location.id, file, result.data, frontmatter);
  return { record: record as ArchiveRecord, findings };
}

/**
 * A record that passed its schema. Its lines are split only when a rule asks for them (the history
 * rules that date a line do, for the records with dated lines), rather than kept for every record
 * of a large archive.
 */
class ParsedRecord {
  readonly body: string;
  readonly text: string;
  readonly lineOf: Frontmatter['lineOf'];
  #lines: readonly string[] | undefined;

  constructor(
    readonly kind: RecordKind,
    readonly id: string,
    readonly file: string,
    readonly data: unknown,
    frontmatter: Pick<Frontmatter, 'body' | 'text' | 'lineOf'>,
  ) {
    this.body = frontmatter.body;
    this.text = frontmatter.text;
    this.lineOf = frontmatter.lineOf;
  }

  get lines(): readonly string[] {
    this.#lines ??= this.text.split('\n');
    return this.#lines;
  }
}
