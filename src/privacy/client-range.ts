/**
 * Where a record's top-level `client:` entry lies among its lines (0-based, inclusive), or null.
 * It runs from the key to the last indented line before the next top-level key or the closing
 * fence; blank lines and comments in between belong to it only when indented lines follow them.
 * Pure and line-based: `swa check` runs it on every record, so no YAML tree is built.
 */
export function clientRange(lines: readonly string[]): { first: number; last: number } | null {
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*\r?$/.test(line));
  const end = close > 0 ? close : lines.length;
  const first = lines.findIndex((line, i) => i > 0 && i < end && /^client[ \t]*:/.test(line));
  if (first < 0) return null;
  let last = first;
  for (let i = first + 1; i < end; i++) {
    const line = lines[i] as string;
    if (/^[ \t]*\r?$/.test(line) || line.startsWith('#')) continue;
    if (!/^[ \t]/.test(line)) break;
    last = i;
  }
  return { first, last };
}
