import { clientRange } from './client-range.ts';

/**
 * Puts an armored block under the record's top-level `client:` key, replacing whatever was there
 * (a plaintext mapping or an older block) and keeping every other line as written. A record
 * without a client key gets one before `profile:` (or at the end of the frontmatter). Pure.
 */
export function withClientBlock(text: string, armored: string): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const block = clientEntry(armored);
  const range = clientRange(lines);
  if (range) lines.splice(range.first, range.last - range.first + 1, ...block);
  else {
    const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
    const end = close > 0 ? close : lines.length;
    const profile = lines.findIndex((line, i) => i > 0 && i < end && /^profile[ \t]*:/.test(line));
    lines.splice(profile > 0 ? profile : end, 0, ...block);
  }
  return lines.join(newline);
}

/** The lines of a top-level `client:` entry holding an armored block, as a YAML block scalar. */
export function clientEntry(armored: string): string[] {
  return ['client: |', ...armored.trimEnd().split('\n').map((line) => `  ${line}`)];
}
