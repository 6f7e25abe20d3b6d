import { normaliseText, parseYamlMapping, type ParseFailure, type YamlMapping } from './parse-yaml.ts';

export interface Frontmatter extends YamlMapping {
  /** The whole file with a BOM removed and line ends made LF. */
  text: string;
  body: string;
}

const openingFence = /^---[ \t]*\n/;
const closingFence = /\n---[ \t]*(\n|$)/g;

/** Splits a Markdown record into its YAML frontmatter (parsed with positions) and its body. */
export function parseFrontmatter(raw: string): Frontmatter | ParseFailure {
  const parts = frontmatterParts(raw);
  if ('message' in parts) return parts;
  const parsed = parseYamlMapping(parts.yaml, 2);
  if ('message' in parsed) return parsed;
  return { data: parsed.data, lineOf: parsed.lineOf, text: parts.text, body: parts.body };
}

/** Where a record's frontmatter is, unparsed: the file's text, the YAML between the fences (from line 2), the body. */
export function frontmatterParts(raw: string): { text: string; yaml: string; body: string } | ParseFailure {
  const text = normaliseText(raw);
  if (text.trim() === '') return { message: '文件为空：记录应以 --- 开头的 YAML 头部开始', line: 1 };
  const opening = openingFence.exec(text);
  if (!opening) {
    return { message: '缺少 YAML 头部：记录的第一行应为 ---，头部以另一行 --- 结束', line: 1 };
  }
  // Offsets into the file, not copies of it: every record's text stays in memory for the rules.
  const start = opening[0].length;
  closingFence.lastIndex = start;
  const close = closingFence.exec(text);
  if (!close) return { message: 'YAML 头部没有结束：缺少结束行 ---', line: 1 };

  return { text, yaml: text.slice(start, close.index + 1), body: text.slice(close.index + close[0].length) };
}
