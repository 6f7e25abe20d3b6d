import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UsageError } from '../errors.ts';
import { piiKindLabels, scanPii, type PiiKind } from './pii-scan.ts';
import { binaryViews, findCanaries, listFiles, normalise, readSiteFile, withoutInlineMarkup } from './site-text.ts';

/** What a hit is: one of the given canaries, or a kind of personal data the PII scanner knows. */
export type LeakKind = 'canary' | PiiKind;

/** One piece of personal data (or one canary) found in a built site. */
export interface LeakHit {
  /** Path relative to the scanned folder, with `/` separators. */
  file: string;
  kind: LeakKind;
  /** The text matched, as a reader sees it (entities decoded, invisible characters removed). */
  text: string;
  /** About 20 characters either side of the match, on one line. */
  context: string;
}

/** What `leakScan` found in a folder. */
export interface LeakScanResult {
  dir: string;
  /** Files read. */
  files: number;
  /**
   * Files searched for canaries only, not by the PII scanner: binary files (not text after
   * decompression) and Pagefind's own scripts and styles (see `isPagefindLibrary`).
   */
  canaryOnlyFiles: number;
  hits: LeakHit[];
}

/** The label of a hit's kind, in Chinese. */
export const leakKindLabels: Record<LeakKind, string> = { canary: '标记值', ...piiKindLabels };

/** The canaries in a canaries file: one per line; blank lines and lines starting with `#` are ignored. */
export function parseCanaries(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  return [...new Set(lines.filter((line) => line !== '' && !line.startsWith('#')))];
}

const contextWidth = 20;
const oneLine = (text: string) => text.replace(/[\s\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ').trim();

/** A match with about `contextWidth` characters (code points, not UTF-16 units) either side, on one line. */
export function contextOf(text: string, start: number, end: number): string {
  const before = Array.from(text.slice(Math.max(0, start - 2 * contextWidth), start)).slice(-contextWidth).join('');
  const after = Array.from(text.slice(end, end + 2 * contextWidth)).slice(0, contextWidth).join('');
  return oneLine(before + text.slice(start, end) + after);
}

/** A hit in one file, before it is given the file's name; `start` orders hits within the file. */
interface Found {
  kind: LeakKind;
  /** Which canary, or the PII kind again: two hits with the same key at overlapping places are one hit. */
  key: string;
  start: number;
  end: number;
  text: string;
  context: string;
}

function foundIn(text: string, canaries: readonly string[], pii: boolean): Found[] {
  const found: Found[] = findCanaries(text, canaries).map((m) => ({ kind: 'canary', key: `canary:${m.canary}`, start: m.start, end: m.end, text: text.slice(m.start, m.end), context: '' }));
  if (pii) for (const hit of scanPii(text)) found.push({ kind: hit.kind, key: hit.kind, start: hit.start, end: hit.end, text: hit.text, context: '' });
  for (const f of found) f.context = contextOf(text, f.start, f.end);
  return found;
}

/**
 * Every canary and (unless `pii` is false) every PII hit in one text file's normalised contents,
 * in order of position. The text is searched as it is (attributes included) and again with inline
 * markup removed, so that `138<b>0013</b>8000` is found; a hit of the second search that overlaps
 * one of the first is not repeated.
 */
export function scanText(text: string, canaries: readonly string[], pii = true): Omit<LeakHit, 'file'>[] {
  const found = foundIn(text, canaries, pii);
  const reader = withoutInlineMarkup(text);
  if (reader) {
    for (const f of foundIn(reader.text, canaries, pii)) {
      const start = reader.origin[f.start] as number;
      const end = (reader.origin[f.end - 1] as number) + 1;
      if (!found.some((g) => g.key === f.key && g.start < end && start < g.end)) found.push({ ...f, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end).map(({ kind, text: matched, context }) => ({ kind, text: matched, context }));
}

/** Every canary in a binary file, searched as UTF-8 and as UTF-16. */
export function scanBinary(bytes: Buffer, canaries: readonly string[]): Omit<LeakHit, 'file'>[] {
  if (canaries.length === 0) return [];
  return binaryViews(bytes).flatMap((view) => foundIn(view, canaries, false).map(({ kind, text, context }) => ({ kind, text, context })));
}

/**
 * Pagefind's own scripts and styles (`pagefind/pagefind-ui.js` and the like), copied into every
 * site: they credit their translators by e-mail address, which is not the archive's data.
 */
export function isPagefindLibrary(file: string): boolean {
  return /(?:^|\/)pagefind\/pagefind[\w.-]*\.(?:js|css)$/.test(file);
}

async function kindOfPath(path: string): Promise<'file' | 'dir' | null> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads a canaries file; a missing one is a usage error naming the path. */
export async function readCanaries(path: string): Promise<string[]> {
  const kind = await kindOfPath(path);
  if (kind === null) throw new UsageError(`找不到标记值文件：${path}`);
  if (kind === 'dir') throw new UsageError(`标记值文件应为文本文件，${path} 是目录`);
  return parseCanaries(normalise(await readFile(path, 'utf8')));
}

/** Options of `leakScan`. */
export interface LeakScanOptions {
  /** The built site, e.g. `dist/`. */
  dir: string;
  /** Values that must not appear anywhere (see `parseCanaries`). */
  canaries?: readonly string[];
}

/**
 * Scans every file of a built site, Pagefind's gzip files decompressed, for the canaries and (in
 * text files) for personal data. A missing folder is a usage error naming the path.
 */
export async function leakScan({ dir, canaries = [] }: LeakScanOptions): Promise<LeakScanResult> {
  const kind = await kindOfPath(dir);
  if (kind === null) throw new UsageError(`找不到要扫描的网站目录：${dir}`);
  if (kind === 'file') throw new UsageError(`${dir} 不是目录；请给出已生成的网站目录，例如 dist`);
  const paths = await listFiles(dir);
  const hits: LeakHit[] = [];
  let canaryOnlyFiles = 0;
  for (const path of paths) {
    const file = relative(dir, path).split(sep).join('/');
    const site = await readSiteFile(path);
    const pii = site.text && !isPagefindLibrary(file);
    if (!pii) canaryOnlyFiles++;
    const found = site.text ? scanText(normalise(site.bytes.toString('utf8')), canaries, pii) : scanBinary(site.bytes, canaries);
    for (const f of found) hits.push({ file, ...f });
  }
  return { dir, files: paths.length, canaryOnlyFiles, hits };
}

/**
 * The result for a person: one line per hit (file, kind, text, context), then a count. `shownDir`
 * is the folder as the user typed it, put before each file's path.
 */
export function formatLeakText(result: LeakScanResult, shownDir = ''): string {
  const lines = result.hits.map((hit) => `${join(shownDir, hit.file).split(sep).join('/')}  ${leakKindLabels[hit.kind]}  ${hit.text}  …${hit.context}…`);
  if (result.canaryOnlyFiles > 0) lines.push(`（其中 ${result.canaryOnlyFiles} 个文件未查个人信息、只查标记值：二进制文件与 Pagefind 自带的脚本和样式）`);
  lines.push(`扫描了 ${result.files} 个文件：发现 ${result.hits.length} 处`);
  return lines.join('\n');
}

/** The result as JSON: `{ dir, files, canaryOnlyFiles, hits: [{ file, kind, text, context }] }`. */
export function formatLeakJson(result: LeakScanResult): string {
  return JSON.stringify(result, null, 2);
}
