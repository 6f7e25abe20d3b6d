import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/**
 * A file's bytes as a browser would get them: gzip (Pagefind's fragments, index, metadata and
 * wasm all start with 1f 8b) and `.br` files are decompressed; everything else is returned as it is.
 */
export function decompress(bytes: Buffer, name = ''): Buffer {
  let out = bytes;
  // A gzip inside a gzip is still readable by whoever downloads it; three layers is more than any tool writes.
  for (let layer = 0; layer < 3 && out[0] === 0x1f && out[1] === 0x8b; layer++) {
    try {
      out = gunzipSync(out);
    } catch {
      break;
    }
  }
  if (out === bytes && name.endsWith('.br')) {
    try {
      out = brotliDecompressSync(out);
    } catch {
      // Not brotli after all: read as it is.
    }
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether bytes are text: valid UTF-8 without NUL bytes (images, wasm and Pagefind's CBOR index are not). */
export function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwsp: '',
  zwj: '',
  zwnj: '',
  lrm: '',
  rlm: '',
  middot: '·',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  hyphen: '-',
  dash: '‐',
  minus: '−',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  colon: ':',
  commat: '@',
  period: '.',
  lpar: '(',
  rpar: ')',
  sol: '/',
  num: '#',
};

/** JSON's escapes for a line break, a tab and a slash: a number a line break splits stays split. */
const jsonEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '/': '/' };

const codePoint = (n: number, whole: string) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole);

/** Characters that show nothing (zero-width spaces and joiners, direction marks, soft hyphens, BOM). */
const invisible = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Text as a reader (or a scraper) would see it: JSON `\uXXXX`, `\n`, `\t` and `\/` escapes
 * decoded (Pagefind's fragments are JSON), then HTML entities, named and numeric (with or without
 * the final semicolon), then invisible characters removed — Pagefind puts a zero-width space
 * between the words it segments.
 */
export function normalise(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\([nrt/])/g, (_, c: string) => jsonEscapes[c] as string)
    .replace(/&#x([0-9a-f]{1,6});?/gi, (whole, hex: string) => codePoint(parseInt(hex, 16), whole))
    .replace(/&#(\d{1,7});?/g, (whole, dec: string) => codePoint(Number(dec), whole))
    .replace(/&([a-z]+);/gi, (whole, name: string) => (Object.hasOwn(entities, name.toLowerCase()) ? entities[name.toLowerCase()] : whole) as string)
    .replace(invisible, '');
}

/** A view of a text with some characters removed, and where each remaining character came from. */
export interface TextView {
  text: string;
  /** `origin[i]` is the index in the original text of `text[i]`. */
  origin: Int32Array;
}

const inlineTags = 'a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr';
const inlineMarkup = new RegExp(`<!--[\\s\\S]*?-->|</?(?:${inlineTags})(?:\\s[^<>]*)?/?>`, 'gi');

/**
 * The text a reader sees where inline markup splits it: `138<span>0013</span>8000` reads as one
 * number. Comments and inline tags go; block tags stay, since they separate what they enclose.
 * Returns null when there is nothing to remove.
 */
export function withoutInlineMarkup(text: string): TextView | null {
  const parts: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const match of text.matchAll(inlineMarkup)) {
    parts.push(text.slice(at, match.index));
    starts.push(at);
    at = match.index + match[0].length;
  }
  if (parts.length === 0) return null;
  parts.push(text.slice(at));
  starts.push(at);
  const joined = parts.join('');
  const origin = new Int32Array(joined.length);
  let i = 0;
  parts.forEach((part, p) => {
    for (let k = 0; k < part.length; k++) origin[i++] = (starts[p] as number) + k;
  });
  return { text: joined, origin };
}

/** One occurrence of a canary: where it is in the text searched, and which canary. */
export interface CanaryMatch {
  canary: string;
  start: number;
  end: number;
}

const syntax = /[.*+?^${}()|[\]\\/]/g;
/** What may stand between a canary's characters and still read as the canary: spaces and dashes (139-0000-1111). */
const separators = '[\\s\\u00a0\\u3000\\-\\u2010-\\u2015\\u2212]*';

/** A case-insensitive pattern for a canary that tolerates spaces and dashes between its characters. */
function canaryPattern(canary: string): RegExp {
  const chars = Array.from(canary.replace(/\s+/g, '')).map((c) => c.replace(syntax, '\\$&'));
  return new RegExp(chars.join(separators), 'giu');
}

/** Every occurrence of every canary in a text (already normalised), in order of position. */
export function findCanaries(text: string, canaries: readonly string[]): CanaryMatch[] {
  const matches: CanaryMatch[] = [];
  for (const canary of canaries) {
    if (canary.trim() === '') continue;
    for (const m of text.matchAll(canaryPattern(canary))) matches.push({ canary, start: m.index, end: m.index + m[0].length });
  }
  return matches.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The strings to search for canaries in a binary file: its bytes read as UTF-8 and as UTF-16
 * (little-endian, at both alignments, as in some image metadata), each normalised.
 */
export function binaryViews(bytes: Buffer): string[] {
  return [bytes.toString('utf8'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')].map(normalise);
}

/** A file of a built site, read for scanning. */
export interface SiteFile {
  /** Absolute path. */
  path: string;
  /** False for images, wasm and other bytes that are not UTF-8 text after decompression. */
  text: boolean;
  /** Decompressed bytes. */
  bytes: Buffer;
}

/** The paths of every file under a folder, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Reads one file of a built site: decompressed, and whether it is text. */
export async function readSiteFile(path: string): Promise<SiteFile> {
  const bytes = decompress(await readFile(path), path);
  return { path, text: isText(bytes), bytes };
}

/** Every file of a built site, decompressed and normalised (binary files read as UTF-8 regardless), by path. */
export async function siteTexts(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const path of await listFiles(dir)) texts.set(path, normalise((await readSiteFile(path)).bytes.toString('utf8')));
  return texts;
}

/** Which canaries appear in which files, inline markup removed or not. */
export function canaryHits(texts: Map<string, string>, canaries: readonly string[]): { file: string; canary: string }[] {
  return [...texts].flatMap(([file, text]) => {
    const reader = withoutInlineMarkup(text)?.text ?? '';
    return canaries.filter((c) => findCanaries(text, [c]).length > 0 || findCanaries(reader, [c]).length > 0).map((canary) => ({ file, canary }));
  });
}
