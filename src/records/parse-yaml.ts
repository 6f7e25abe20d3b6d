import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { liftArmor } from './lift-armor.ts';

export type PathSegment = string | number;

export interface YamlMapping {
  data: Record<string, unknown>;
  /** Line (1-based, in the file) of the key at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PathSegment[]): number;
}

export interface ParseFailure {
  message: string;
  line: number;
}

/** Strips a BOM and turns CRLF into LF; line numbers stay the same. */
export function normaliseText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Parses a YAML mapping keeping source positions, so every finding can name the line of the
 * key at fault. `firstLine` is the file line on which `yamlText` starts.
 */
export function parseYamlMapping(yamlText: string, firstLine: number): YamlMapping | ParseFailure {
  const located = () => {
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
    return { doc, lineAt: (offset: number) => lineCounter.linePos(offset).line + firstLine - 1 };
  };
  // js-yaml reads the values fast (YAML 1.2 core schema, as the yaml package does); only a
  // document it rejects goes through the yaml package, for its error message and position.
  let data: unknown = withLiftedArmor(yamlText);
  try {
    data ??= load(yamlText, { schema: CORE_SCHEMA });
  } catch {
    const first = located();
    const error = first.doc.errors[0];
    if (error) {
      return { message: `YAML 格式错误：${describeYamlError(error.code, error.message)}`, line: first.lineAt(error.pos[0]) };
    }
    data = first.doc.toJS();
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { message: 'YAML 内容应为“字段: 值”的键值对', line: firstLine };
  }

  // The syntax tree is kept only once a line is asked for (a finding, a history rule): most
  // records need none, and holding every tree of a large archive costs more memory than parsing twice.
  let positions: ReturnType<typeof located> | undefined;
  return {
    data: data as Record<string, unknown>,
    lineOf(path) {
      positions ??= located();
      const { doc, lineAt } = positions;
      let node: unknown = doc.contents;
      let line = firstLine;
      for (const segment of path) {
        const child = childNode(node, segment);
        if (!child) break;
        if (child.keyOffset !== undefined) line = lineAt(child.keyOffset);
        node = child.node;
      }
      return line;
    },
  };
}

/**
 * The mapping parsed with its armor block lifted out (see liftArmor), or undefined when that
 * shortcut does not apply or might not mean what the whole text means: any js-yaml warning (a
 * quoted or flow value running on at column 0 could have swallowed the `client: |` line), or a
 * result without a top-level `client` of its own. The whole text is then parsed as it is.
 */
function withLiftedArmor(yamlText: string): Record<string, unknown> | undefined {
  const lifted = liftArmor(yamlText);
  if (!lifted) return undefined;
  let data: unknown;
  try {
    data = load(lifted.yaml, {
      schema: CORE_SCHEMA,
      onWarning: (warning) => {
        throw warning;
      },
    });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, 'client') || (data as Record<string, unknown>).client !== '') return undefined;
  (data as Record<string, unknown>).client = lifted.armor;
  return data as Record<string, unknown>;
}

function childNode(node: unknown, segment: PathSegment): { node: unknown; keyOffset?: number } | null {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
    if (!pair) return null;
    return { node: pair.value, keyOffset: (pair.key as Node).range?.[0] };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { node: item, keyOffset: item.range?.[0] } : null;
  }
  return null;
}

function describeYamlError(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? code;
  if (code === 'DUPLICATE_KEY') return '同一字段出现了两次（每个字段只能写一次）';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return `缩进或符号有误（${firstLine}）`;
  return firstLine;
}
