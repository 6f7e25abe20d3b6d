import { CORE_SCHEMA, load } from 'js-yaml';
import { lineLocator } from './line-locator.ts';
import { liftArmor } from './lift-armor.ts';
import { aliasMessage, firstAliasOffset } from './yaml-aliases.ts';
import { yamlPackage } from './yaml-package.ts';

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
  // Aliases are refused before either parser builds a value from them; every alias starts with `*`.
  if (yamlText.includes('*')) {
    const { doc, lineAt } = syntaxTree(yamlText, firstLine);
    const alias = firstAliasOffset(doc);
    if (alias !== undefined) return { message: aliasMessage, line: lineAt(alias) };
  }
  // js-yaml reads the values fast (YAML 1.2 core schema, as the yaml package does); only a
  // document it rejects goes through the yaml package, for its error message and position.
  let data: unknown = withLiftedArmor(yamlText);
  try {
    data ??= load(yamlText, { schema: CORE_SCHEMA });
  } catch {
    const { doc, lineAt } = syntaxTree(yamlText, firstLine);
    const error = doc.errors[0];
    if (error) {
      return { message: `YAML 格式错误：${describeYamlError(error.code, error.message)}`, line: lineAt(error.pos[0]) };
    }
    data = doc.toJS();
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { message: 'YAML 内容应为“字段: 值”的键值对', line: firstLine };
  }

  return { data: data as Record<string, unknown>, lineOf: lineLocator(yamlText, firstLine) };
}

/** The `yaml` package's syntax tree, for what js-yaml does not say: where an error or an alias is. */
function syntaxTree(yamlText: string, firstLine: number) {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return { doc, lineAt: (offset: number) => lineCounter.linePos(offset).line + firstLine - 1 };
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

function describeYamlError(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? code;
  if (code === 'DUPLICATE_KEY') return '同一字段出现了两次（每个字段只能写一次）';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return `缩进或符号有误（${firstLine}）`;
  return firstLine;
}
