import { normaliseText, parseYamlMapping, type ParseFailure, type YamlMapping } from './parse-yaml.ts';

export interface Frontmatter extends YamlMapping {
  body: string;
}

const openingFence = /^---[ \t]*\n/;
const closingFence = /\n---[ \t]*(\n|$)/;

/** Splits a Markdown record into its YAML frontmatter (parsed with positions) and its body. */
export function parseFrontmatter(raw: string): Frontmatter | ParseFailure {
  const source = normaliseText(raw);
  if (source.trim() === '') return { message: '文件为空：记录应以 --- 开头的 YAML 头部开始', line: 1 };
  if (!openingFence.test(source)) {
    return { message: '缺少 YAML 头部：记录的第一行应为 ---，头部以另一行 --- 结束', line: 1 };
  }
  const afterOpening = source.replace(openingFence, '');
  const close = closingFence.exec(afterOpening);
  if (!close) return { message: 'YAML 头部没有结束：缺少结束行 ---', line: 1 };

  const parsed = parseYamlMapping(afterOpening.slice(0, close.index + 1), 2);
  if ('message' in parsed) return parsed;
  return { ...parsed, body: afterOpening.slice(close.index + close[0].length) };
}
