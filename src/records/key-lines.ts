import type { PathSegment } from './parse-yaml.ts';

/**
 * The line of each key and sequence item of a block-style YAML mapping, as a tree: a path is
 * looked up one segment at a time, each as a string (String(0) for an item, as a joined path has it).
 */
export type KeyLines = Map<string, KeyLine>;

export interface KeyLine {
  line: number;
  /** The keys or items of its value, once it has any. */
  below?: KeyLines;
}

/** The line of the key at `path`, or of its nearest existing ancestor (`line` when none exists). */
export function lineIn(lines: KeyLines, path: readonly PathSegment[], line: number): number {
  let level: KeyLines | undefined = lines;
  for (const segment of path) {
    const found: KeyLine | undefined = level?.get(String(segment));
    if (found === undefined) break;
    line = found.line;
    level = found.below;
  }
  return line;
}

/** Notes the line of `key` in `level`; a key met twice keeps what was found below it the first time. */
function mark(level: KeyLines, key: string, line: number): KeyLine {
  const known = level.get(key);
  if (known) {
    known.line = line;
    return known;
  }
  const entry: KeyLine = { line };
  level.set(key, entry);
  return entry;
}

const levelBelow = (entry: KeyLine): KeyLines => (entry.below ??= new Map());

interface Container {
  /** The column its keys or dashes stand at. */
  indent: number;
  /** Where its keys or items are noted. */
  level: KeyLines;
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
  const lines: KeyLines = new Map();
  const stack: Container[] = [{ indent: 0, level: lines, kind: 'map', items: 0 }];
  /** A key with nothing after its colon: what follows, more indented (or a dash at its column), is its value. */
  let open: { entry: KeyLine; indent: number } | null = null;
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
      stack.push({ indent, level: levelBelow(open.entry), kind: dash ? 'seq' : 'map', items: 0 });
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
      const item = mark(top.level, String(top.items++), firstLine + n);
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
      stack.push({ indent: column, level: levelBelow(item), kind: 'map', items: 0 });
    }
    if (rest === '') continue;

    const top = stack.at(-1) as Container;
    const match = keyPattern.exec(rest);
    if (!match || top.kind !== 'map' || top.indent !== column) return null;
    const key = match[1] !== undefined ? unescapeDouble(match[1]) : match[2] !== undefined ? match[2].replaceAll("''", "'") : (match[3] as string).trimEnd();
    if (key === null) return null;
    const entry = mark(top.level, key, firstLine + n);
    const value = rest.slice(match[0].length);
    if (value === '' || value.startsWith('#')) {
      open = { entry, indent: column };
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
    // Only ASCII characters matter, and reading one allocates nothing (reading a Chinese one would).
    if (value.charCodeAt(i) > 0x7f) continue;
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
