/**
 * Sets a top-level scalar key of a record's frontmatter in place, keeping every other line and
 * comment as the worker wrote them: an existing `key:` line is replaced, else the key is added
 * after `after:` (or at the end of the frontmatter). Pure.
 */
export function setTopLevelField(text: string, key: string, value: string, after: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const close = lines.indexOf('---', 1);
  const end = close > 0 ? close : lines.length;
  const existing = lines.findIndex((line, i) => i > 0 && i < end && line.startsWith(`${key}:`));
  const comment = existing >= 0 ? (/\s+#.*$/.exec(lines[existing] as string)?.[0] ?? '') : '';
  const line = `${key}: ${value}${comment}`;
  if (existing >= 0) lines[existing] = line;
  else {
    const anchor = lines.findIndex((l, i) => i > 0 && i < end && l.startsWith(`${after}:`));
    lines.splice(anchor >= 0 ? anchor + 1 : end, 0, line);
  }
  return lines.join('\n');
}
