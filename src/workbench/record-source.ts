import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gitProcess } from '../git.ts';
import { mainBranch } from '../ledger/git-log.ts';
import { fileOfRecord, locationFromPath } from '../records/record-path.ts';
import type { RecordKind } from '../schemas/index.ts';

export interface RecordSource {
  id: string;
  file: string;
  kind: RecordKind;
  /** The work tree's file, where the worker edits; null when absent (submitted, only on its branch). */
  text: string | null;
  /** main's version; null for a record not approved into main yet. */
  onMain: string | null;
  /** The submit/<id> branch's version, when one is waiting or was rejected. */
  onBranch: { tip: string; text: string } | null;
}

/** The id of a record from a URL's path, or null when it is not one (ids never carry personal data). */
function recordIdOf(path: string): { id: string; file: string; kind: RecordKind } | null {
  const file = fileOfRecord(path);
  const location = file && locationFromPath(file);
  return file && location ? { id: location.id, file, kind: location.kind } : null;
}

/** A record as the work tree, main and its submit branch hold it. */
export async function readRecordSource(cwd: string, id: string): Promise<RecordSource | null> {
  const where = recordIdOf(id);
  if (!where) return null;
  const show = (spec: string) => gitProcess(cwd, ['show', spec]).then((b) => b.toString(), () => null);
  const tip = (await gitProcess(cwd, ['rev-parse', '--verify', '--quiet', `refs/heads/submit/${where.id}`]).then((b) => b.toString().trim(), () => '')) || null;
  const [text, onMain, branchText] = await Promise.all([
    readFile(join(cwd, where.file), 'utf8').catch(() => null),
    show(`${mainBranch}:${where.file}`),
    tip ? show(`${tip}:${where.file}`) : Promise.resolve(null),
  ]);
  return { ...where, text, onMain, onBranch: tip && branchText !== null ? { tip, text: branchText } : null };
}

/** The git blob id of a text: what an edit form was loaded from, compared again on save. */
export const blobSha = (text: string): string => {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
};

/** Puts the branch's version in the work tree, to be fixed after a rejection and submitted again. */
export async function takeFromBranch(cwd: string, source: RecordSource): Promise<void> {
  if (!source.onBranch) return;
  await mkdir(dirname(join(cwd, source.file)), { recursive: true });
  await writeFile(join(cwd, source.file), source.onBranch.text);
}

/** The texts edit forms were loaded from, in memory only, the most recent `limit` of them. */
export function baseStore(limit = 200): { remember(text: string): void; recall(sha: string): string | undefined } {
  const texts = new Map<string, string>();
  return {
    remember(text) {
      const sha = blobSha(text);
      texts.delete(sha);
      texts.set(sha, text);
      if (texts.size > limit) texts.delete(texts.keys().next().value as string);
    },
    recall: (sha) => texts.get(sha),
  };
}
