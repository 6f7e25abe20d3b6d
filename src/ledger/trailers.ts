/**
 * Trailers are the last paragraph of a commit message when every line of it is `Key: value`
 * (as `git interpret-trailers` writes them). Keys are case-insensitive; a key may repeat.
 */
export function parseTrailers(message: string): Map<string, string[]> {
  const trailers = new Map<string, string[]>();
  const text = message.trim();
  const start = lastParagraphStart(text);
  if (start === 0) return trailers;
  const lines = text.slice(start).split('\n');
  if (!lines.every((line) => trailerLine.test(line))) return trailers;
  for (const line of lines) {
    const index = line.indexOf(':');
    const key = line.slice(0, index).toLowerCase();
    const value = line.slice(index + 1).trim();
    const values = trailers.get(key);
    if (values) values.push(value);
    else trailers.set(key, [value]);
  }
  return trailers;
}

const trailerLine = /^[A-Za-z][\w-]*: ?\S/;

/**
 * Where the last paragraph of a trimmed message starts: after its last blank (or whitespace-only)
 * line, as a split on /\n\s*\n/ would have it, or 0 when there is one paragraph. Read from the
 * end, so a long message is not split whole.
 */
function lastParagraphStart(text: string): number {
  for (let end = text.lastIndexOf('\n'); end > 0; ) {
    const start = text.lastIndexOf('\n', end - 1);
    if (start < 0) return 0;
    if (text.slice(start + 1, end).trim() === '') return end + 1;
    end = start;
  }
  return 0;
}

export const trailer = (trailers: Map<string, string[]>, key: string): string | undefined => trailers.get(key.toLowerCase())?.[0];

/** Renders a trailer paragraph in a fixed order. */
export function formatTrailers(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([key, value]) => `${key}: ${value}`).join('\n');
}

/** A merge made on a git host, recognised by the host's own message format. */
export interface HostMerge {
  host: 'github' | 'gitlab' | 'gitea';
  branch: string;
}

const hostFormats: { host: HostMerge['host']; pattern: RegExp }[] = [
  // Merge pull request #12 from lin-yw/submit/cases/2026-0001 (the owner of the head, not the merger)
  { host: 'github', pattern: /^Merge pull request #\d+ from [\w.-]+\/(\S+)$/ },
  // Merge pull request 'title' (#12) from submit/cases/2026-0001 into main
  { host: 'gitea', pattern: /^Merge pull request '.*' \(#\d+\) from (\S+) into \S+$/ },
  // Merge branch 'submit/cases/2026-0001' into 'main'
  { host: 'gitlab', pattern: /^Merge branch '([^']+)' into '[^']+'$/ },
];

export function parseHostMerge(message: string): HostMerge | null {
  const subject = message.split('\n')[0] ?? '';
  for (const format of hostFormats) {
    const match = format.pattern.exec(subject);
    if (match) return { host: format.host, branch: match[1] as string };
  }
  return null;
}
