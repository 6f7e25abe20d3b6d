import type { PathSegment } from '../../records/parse-yaml.ts';
import { parseFrontmatter } from '../../records/parse-frontmatter.ts';
import type { Finding } from '../../rules/finding.ts';
import { isPlainObject } from '../../schemas/walk.ts';

/**
 * A record's findings by the form field they concern ("intake.date", "sessions.2"): a finding's
 * line is the line of a key (src/records/line-locator.ts), and the field is the shortest path
 * whose key stands on that line (a one-line row `- { date: …, mode: … }` is one row, not its first
 * field). Findings on no key's line (the file as a whole, the body) go under "".
 */
export function findingsByField(findings: readonly Finding[], source: string): Map<string, Finding[]> {
  const names = fieldNamesByLine(source);
  const byField = new Map<string, Finding[]>();
  for (const finding of findings) {
    const name = names.get(finding.line) ?? '';
    byField.set(name, [...(byField.get(name) ?? []), finding]);
  }
  return byField;
}

function fieldNamesByLine(source: string): Map<number, string> {
  const names = new Map<number, string>();
  const frontmatter = parseFrontmatter(source);
  if ('message' in frontmatter) return names;
  // Shorter paths first, so that a line keeps the first (shortest) path found on it.
  const paths = pathsOf(frontmatter.data).sort((a, b) => a.length - b.length);
  for (const path of paths) {
    const line = frontmatter.lineOf(path);
    if (!names.has(line)) names.set(line, path.join('.'));
  }
  return names;
}

function pathsOf(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : isPlainObject(value) ? Object.entries(value) : [];
  return entries.flatMap(([segment, child]) => [[...path, segment], ...pathsOf(child, [...path, segment])]);
}
