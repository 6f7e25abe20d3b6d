import type { PathSegment } from './parse-yaml.ts';

/** The line of each key and sequence item of a block-style YAML mapping, by path ("\u0000"-joined). */
export type KeyLines = Map<string, number>;

export const pathKey = (path: readonly PathSegment[]): string => path.join('\u0000');

interface Container {
  /** The column its keys or dashes stand at. */
  indent: number;
  path: PathSegment[];
  kind: 'map' | 'seq';
  items: number;
}

/** Plain or quoted key, then a colon and a space or the end of the line. */
const keyPattern = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],&*!|>%@`?:-][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t]+|$)/;
const blockScalar = /^[|>][0-9+-]*[ \t]*(?:#.*)?$/;

/**
 * Finds every key's line in one pass over the lines, as the `yaml` package's syntax tree would
 * give them, for the block style the templates write (mappings, `- ` items, one-line flow values,
 * block and plain multi-line scalars). Anything else (anchors, tags, explicit keys, a flow value
 * or quoted scalar running over lines, tabs) returns null, and the caller reads the syntax tree:
 * this is a shortcut that steps aside, never a second meaning. Pure.
 */
export function keyLines(yamlText: string, firstLine: number): KeyLines | null {
  const lines = new Map<string, number>();
  const stack: Container[] = [{ indent: 0, path: [], kind: 'map', items: 0 }];
  /** A key with nothing after its colon: what follows, more indented (or a dash at its column), is its value. */
  let open: { path: PathSegment[]; indent: number } | null = null;
  /** Lines more indented than this belong to a scalar that started above. */
  let scalarIndent = -1;
  const source = yamlText.split('\n');

  for (let n = 0; n < source.length; n++) {
    const raw = source[n] as string;
    const trimmed = raw.trimStart();
    const indent = raw.length - trimmed.length;
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (raw.includes('\t')) return null;
    if (scalarIndent >= 0 && indent > scalarIndent) continue;
    scalarIndent = -1;

    let column = indent;
    let rest = trimmed;
    const dash = rest === '-' || rest.startsWith('- ');
    if (open && (indent > open.indent || (indent === open.indent && dash))) {
      // The value of the key (or item) above: a mapping or sequence that starts here.
      stack.push({ indent, path: open.path, kind: dash ? 'seq' : 'map', items: 0 });
    } else {
      // Close what this line is not inside of; a sequence written at its key's column ends at the next key there.
      while (stack.length > 1 && (stack.at(-1) as Container).indent > indent) stack.pop();
      const top = stack.at(-1) as Container;
      if (stack.length > 1 && top.kind === 'seq' && top.indent === indent && !dash) stack.pop();
      // An indentation no open mapping or sequence stands at.
      if ((stack.at(-1) as Container).indent !== indent) return null;
    }
    open = null;

    // Sequence items, possibly nested on one line (`- - x` is left to the syntax tree).
    while (rest === '-' || rest.startsWith('- ')) {
      const top = stack.at(-1) as Container;
      if (top.kind !== 'seq' || top.indent !== column) return null;
      const path = [...top.path, top.items++];
      lines.set(pathKey(path), firstLine + n);
      const after = rest.slice(1).trimStart();
      // A bare dash: the syntax tree places the item where its value starts, on a later line.
      if (after === '') return null;
      const dashColumn = column;
      column += rest.length - after.length;
      rest = after;
      if (rest.startsWith('- ') || rest === '-') return null;
      if (!keyPattern.test(rest)) {
        if (!scalarValue(rest)) return null;
        scalarIndent = dashColumn;
        rest = '';
        break;
      }
      stack.push({ indent: column, path, kind: 'map', items: 0 });
    }
    if (rest === '') continue;

    const top = stack.at(-1) as Container;
    const match = keyPattern.exec(rest);
    if (!match || top.kind !== 'map' || top.indent !== column) return null;
    const key = match[1] !== undefined ? unescapeDouble(match[1]) : match[2] !== undefined ? match[2].replaceAll("''", "'") : (match[3] as string).trimEnd();
    if (key === null) return null;
    const path = [...top.path, key];
    lines.set(pathKey(path), firstLine + n);
    const value = rest.slice(match[0].length);
    if (value === '' || value.startsWith('#')) {
      open = { path, indent: column };
      continue;
    }
    if (blockScalar.test(value)) {
      scalarIndent = column;
      continue;
    }
    if (!scalarValue(value)) return null;
    // A plain scalar may run on over more indented lines.
    scalarIndent = column;
  }
  return lines;
}

/** A value that ends on its line: a plain scalar, a closed quoted scalar, or a flow collection closed on the line. */
function scalarValue(value: string): boolean {
  const first = value[0];
  if (first === '&' || first === '*' || first === '!' || first === '%' || first === '@' || first === '`' || first === '?') return false;
  if (first === '"') return /^"(?:[^"\\]|\\.)*"[ \t]*(?:#.*)?$/.test(value);
  if (first === "'") return /^'(?:[^']|'')*'[ \t]*(?:#.*)?$/.test(value);
  if (first === '{' || first === '[') return flowClosed(value);
  return !/:[ \t]/.test(value.replace(/[ \t]#.*$/, '')) && !value.endsWith(':');
}

/** Whether a flow collection opens and closes on this line (quotes respected), with nothing but a comment after. */
function flowClosed(value: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '&' || c === '*' || c === '!') return false;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return /^[ \t]*(?:#.*)?$/.test(value.slice(i + 1));
    }
  }
  return false;
}

function unescapeDouble(text: string): string | null {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return null;
  }
}
