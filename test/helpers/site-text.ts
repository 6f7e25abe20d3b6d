import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Pagefind's compressed files start with gzip's magic bytes; everything else is read as it is. */
function decompress(bytes: Buffer): Buffer {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes);
    } catch {
      return bytes;
    }
  }
  return bytes;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text as a reader (or a scraper) would see it: entities decoded, zero-width characters removed. */
export function normalise(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => entities[name.toLowerCase()] ?? whole)
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Every file of a built site, decompressed and normalised, by path. */
export async function siteTexts(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    texts.set(path, normalise(decompress(await readFile(path)).toString('utf8')));
  }
  return texts;
}

/** Which canaries appear in which files. */
export function canaryHits(texts: Map<string, string>, canaries: readonly string[]): { file: string; canary: string }[] {
  return [...texts].flatMap(([file, text]) => canaries.filter((c) => text.includes(c)).map((canary) => ({ file, canary })));
}
