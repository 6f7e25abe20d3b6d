import { fileURLToPath } from 'node:url';
import { checkArchive, type CheckResult, type SourceFile } from '../../src/check/check-archive.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';

/** A small valid archive: one archived record of each kind, an audit and a handover. */
export const fixtureRoot = fileURLToPath(new URL('../fixtures/archive', import.meta.url));
export const today = '2026-11-29';

let cached: Promise<SourceFile[]> | undefined;
export const fixtureFiles = () => (cached ??= readArchiveFiles(fixtureRoot));

export const paths = {
  case: 'content/cases/2026/0001.md',
  closedCase: 'content/cases/2026/0002.md',
  consultation: 'content/consultations/2026/0001.md',
  group: 'content/groups/2026/0001.md',
  community: 'content/community/2026/0001.md',
  audit: 'content/audits/2026/0001.md',
  handover: 'content/handovers/2026/0001.md',
} as const;

export function textOf(files: readonly SourceFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (file?.text === undefined) throw new Error(`fixture ${path} missing`);
  return file.text;
}

/** Replaces `from` (which must occur exactly once) so that a test cannot silently edit nothing. */
export function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected exactly one "${from}", found ${count}`);
  return text.replace(from, to);
}

/** The 1-based line of the first line that contains `needle`. */
export function lineContaining(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

export function withFile(files: readonly SourceFile[], path: string, text: string): SourceFile[] {
  const rest = files.filter((f) => f.path !== path);
  return [...rest, { path, bytes: Buffer.byteLength(text), text }];
}

/** Checks the fixture archive with one file's text changed by `edit`. */
export async function checkEdited(path: string, edit: (text: string) => string, on = today): Promise<{ result: CheckResult; text: string }> {
  const files = await fixtureFiles();
  const text = edit(textOf(files, path));
  return { result: checkArchive(withFile(files, path, text), on), text };
}

/** Findings as compact tuples, for exact assertions. */
export const summary = (result: CheckResult) => result.findings.map((f) => [f.rule, f.severity, f.record, f.line] as const);
