/**
 * Puts an armored block under the record's top-level `client:` key, replacing whatever was there
 * (a plaintext mapping or an older block) and keeping every other line as written. A record
 * without a client key gets one before `profile:` (or at the end of the frontmatter). Pure.
 */
export function withClientBlock(text: string, armored: string): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const close = lines.indexOf('---', 1);
  const end = close > 0 ? close : lines.length;
  const block = ['client: |', ...armored.trimEnd().split('\n').map((line) => `  ${line}`)];
  const start = lines.findIndex((line, i) => i > 0 && i < end && /^client\s*:/.test(line));
  if (start < 0) {
    const profile = lines.findIndex((line, i) => i > 0 && i < end && /^profile\s*:/.test(line));
    lines.splice(profile > 0 ? profile : end, 0, ...block);
    return lines.join('\n');
  }
  let after = start + 1;
  while (after < end && !/^(#|[A-Za-z_][\w-]*\s*:)/.test(lines[after] as string)) after += 1;
  lines.splice(start, after - start, ...block);
  return lines.join('\n');
}
