import { kindByDir, recordKinds, type RecordKind } from '../schemas/index.ts';

/**
 * Ids and paths have one shape that cannot carry a name: `<dir>/<year>-<nnnn>` lives at
 * `content/<dir>/<year>/<nnnn>.md`.
 */
const recordPathPattern = /^content\/([a-z]+)\/(\d{4})\/(\d{4})\.md$/;

export interface RecordLocation {
  kind: RecordKind;
  id: string;
  year: number;
  seq: number;
}

/** Parses a repository-relative path (forward slashes) into its record id, or null when it is not a record path. */
export function locationFromPath(path: string): RecordLocation | null {
  const match = recordPathPattern.exec(path);
  if (!match) return null;
  const [, dir, year, seq] = match as unknown as [string, string, string, string];
  const kind = kindByDir.get(dir);
  if (!kind) return null;
  return { kind, id: `${dir}/${year}-${seq}`, year: Number(year), seq: Number(seq) };
}

/** The file of a record id, even when the record no longer exists or did not parse; null for anything that is not an id. */
export function fileOfRecord(id: string): string | null {
  const match = /^([a-z]+)\/(\d{4})-(\d{4})$/.exec(id);
  return match ? `content/${match[1]}/${match[2]}/${match[3]}.md` : null;
}

export function pathForId(kind: RecordKind, year: number, seq: number): { id: string; path: string } {
  const dir = recordKinds[kind].dir;
  const nnnn = String(seq).padStart(4, '0');
  return { id: `${dir}/${year}-${nnnn}`, path: `content/${dir}/${year}/${nnnn}.md` };
}

export const expectedPathShape = 'content/<类别目录>/<年份>/<四位序号>.md，例如 content/cases/2026/0042.md';
