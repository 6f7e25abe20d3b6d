import { nameSuspects } from '../privacy/person-names.ts';
import type { Span } from '../privacy/pii-contact.ts';
import { scanPii } from '../privacy/pii-scan.ts';
import { publishedStrings } from '../privacy/published-fields.ts';
import type { PathSegment } from '../records/parse-yaml.ts';

/** What the de-identified site shows in place of a value the scanner or the name heuristic flags. */
export const withheldMark = '〔已隐去〕';

/** What the de-identified site knows is not personal data. */
export interface WithholdOptions {
  /** The organisation's own numbers (archive.yaml's hotlines). */
  allowedNumbers: readonly string[];
  /** The roster's names. */
  known: ReadonlySet<string>;
}

/** A text with the given spans replaced by the mark; overlapping spans become one. */
function masked(text: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of sorted) {
    if (span.end <= at) continue;
    out += text.slice(at, Math.max(at, span.start)) + withheldMark;
    at = span.end;
  }
  return out + text.slice(at);
}

/** A text with every scanner hit withheld (a finding's message, a long field). */
export function withholdText(text: string, options: WithholdOptions): string {
  return masked(text, scanPii(text, { allowedNumbers: options.allowedNumbers }));
}

/**
 * A record's public data with every value the PII scanner flags withheld, and in the title and
 * short fields every suspected name too: the de-identified site never prints what `swa check`
 * reports under G-CONFIDENTIAL, whether it was fixed yet or not. Pure; the data is copied.
 */
export function withholdPersonal(data: Record<string, unknown>, options: WithholdOptions): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const s of publishedStrings(copy)) {
    const spans = [...scanPii(s.value, { allowedNumbers: options.allowedNumbers }), ...(s.short ? nameSuspects(s.value, { whole: s.whole, known: options.known }) : [])];
    if (spans.length > 0) setAt(copy, s.path, masked(s.value, spans));
  }
  return copy;
}

function setAt(root: Record<string, unknown>, path: readonly PathSegment[], value: string): void {
  let parent = root as Record<PathSegment, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<PathSegment, unknown>;
  parent[path[path.length - 1] as PathSegment] = value;
}
